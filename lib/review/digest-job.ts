// The reviewers' digests as a job (lib/jobs), so each run that mails someone shows on /jobs with what it did. The
// server's hourly clock (./digest-timer) queues a run only when a digest is due: an hour with nothing due leaves no
// row. One run at a time; sendDueDigests claims each user, so a run beside the CLI's `digest:send` is safe.
import type { Db } from "../db/client";
import { enqueueJob, enqueueJobOnce, kickJobs, type JobHandler } from "../jobs";
import { sendDueDigests, type DigestRun } from "./digest";
import { canChooseDigest } from "./digest-preference";
import { isDigestDue, isDigestPeriod } from "./digest-rules";

export const DIGEST_JOB_KIND = "review-digests";

/** How many active reviewers' and admins' digests are due at `now` (the same rule sendDueDigests applies). */
async function dueDigests(db: Db, now: Date): Promise<number> {
  const users = await db.user.findMany({
    where: { digest: { in: ["DAILY", "WEEKLY"] }, deactivatedAt: null },
    select: { id: true, email: true, role: true, digest: true, digestSentAt: true },
  });
  return users.filter(
    (u) => canChooseDigest(u) && isDigestPeriod(u.digest) && isDigestDue(u.digest, u.digestSentAt, now),
  ).length;
}

/** The clock's tick: queues a digest run when one is due (or finds the one queued), and wakes the worker. */
export async function queueDigestRun(db: Db, now: Date = new Date()): Promise<DigestRun> {
  const due = await dueDigests(db, now);
  if (due > 0) {
    const { created } = await enqueueJobOnce(() =>
      enqueueJob(db, { kind: DIGEST_JOB_KIND, key: "due", payload: { due } }),
    );
    if (created) kickJobs(db);
  }
  // What was sent shows on the job (/jobs): the clock itself sent nothing.
  return { sent: 0, skipped: 0, taken: 0, failed: 0 };
}

export const digestJobHandler: JobHandler = async (_payload, { db, progress }) => {
  await progress({ done: 0, total: 1, phase: "Mailing the digests that are due" });
  const run = await sendDueDigests(db);
  await progress({ done: 1, total: 1, phase: "Done" });
  console.log(`[digest] ${run.sent} sent, ${run.skipped} skipped (nothing to report), ${run.failed} failed`);
  return { ...run };
};
