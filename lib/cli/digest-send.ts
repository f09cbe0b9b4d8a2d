import type { Db } from "../db/client";
import { flushMail, mailQueueState } from "../mail";
import { sendDueDigests } from "../review/digest";
import { flag } from "./args";

/**
 * `digest:send [--now ISO]`: mails every reviewer whose digest is due (the server does this hourly unless DIGEST=off).
 * Safe to run at any time and alongside the server: a digest is claimed before it is sent, so none goes out twice.
 * `--now` pretends it is that time (to test a schedule); exits 1 when a digest could not be built or claimed.
 */
export async function digestSendCommand(args: string[], db: Db): Promise<number> {
  const at = flag(args, "now");
  const now = at === undefined ? new Date() : new Date(at);
  if (Number.isNaN(now.getTime())) {
    console.error(`--now takes an ISO date and time, e.g. 2026-11-28T09:00:00Z; got "${at}".`);
    return 2;
  }
  const run = await sendDueDigests(db, now);
  console.log(
    `Digests at ${now.toISOString()}: ${run.sent} sent, ${run.skipped} skipped (nothing to report), ` +
      `${run.taken} left to another run, ${run.failed} failed.`,
  );
  // The digests are queued: send what is due before this process ends (the server's worker retries the rest).
  await flushMail(db);
  const queue = await mailQueueState(db);
  if (queue.pending) console.log(`${queue.pending} mail(s) still queued: the server's mail worker will retry them.`);
  return run.failed > 0 ? 1 : 0;
}
