// What an admin sees of the mail queue (the People page): counts and the last error, never a recipient or a body.
import { assertCan, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { mailQueueState, type MailQueueState } from "./worker";

export async function mailQueueForAdmin(actor: Actor | null, db: Db): Promise<MailQueueState> {
  assertCan(actor, "user:manage");
  return mailQueueState(db);
}

/** One line for the page: what is waiting or failed, and what to do about it. Null when all is well. */
export function mailQueueProblem(state: MailQueueState, now: Date = new Date()): string | null {
  const waitingMinutes = state.oldestPendingAt
    ? Math.floor((now.getTime() - state.oldestPendingAt.getTime()) / 60_000)
    : 0;
  const parts: string[] = [];
  if (state.failed)
    parts.push(
      `${state.failed} mail(s) gave up after every retry: fix SMTP_URL, then run npm run cli -- mail:send --retry-failed.`,
    );
  if (state.pending && waitingMinutes >= 5)
    parts.push(
      `${state.pending} mail(s) waiting, the oldest for ${waitingMinutes} minutes: the worker keeps retrying.`,
    );
  if (!parts.length) return null;
  return state.lastError ? `${parts.join(" ")} Last error: ${state.lastError}` : parts.join(" ");
}
