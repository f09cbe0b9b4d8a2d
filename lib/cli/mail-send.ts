import type { Db } from "../db/client";
import { drainMail, mailQueueState, retryFailedMail } from "../mail";

/**
 * `mail:send [--retry-failed]`: sends the queued mail that is due (the server's worker does this on its own; this
 * is for a server that is down, or after fixing SMTP_URL). `--retry-failed` first puts mails that gave up back in
 * the queue. Exits 1 while mail is still waiting or failed.
 */
export async function mailSendCommand(args: string[], db: Db): Promise<number> {
  if (args.includes("--retry-failed")) console.log(`${await retryFailedMail(db)} failed mail(s) queued again.`);
  const run = await drainMail(db);
  const state = await mailQueueState(db);
  console.log(
    `Mail: ${run.sent} sent, ${run.retrying} to retry later, ${run.failed} failed; ` +
      `queue now ${state.pending} waiting, ${state.failed} failed.`,
  );
  if (state.lastError && (state.pending || state.failed)) console.log(`Last error: ${state.lastError}`);
  return state.pending || state.failed ? 1 : 0;
}
