// The mail worker: sends queued MailJob rows (./queue), retrying with exponential backoff (./queue-rules).
// What must stay true:
// - a job is claimed by a conditional update (its attempts and due time unchanged since read) before it is sent,
//   so two workers (two servers, a server and the CLI) never send one mail twice;
// - the body is blanked once sent, and when a mail expires or gives up; lastError never quotes the body;
// - logs name the template, what it is about and a masked recipient, never the body (sign-in links are credentials).
import { maskEmail, maskEmails } from "../auth/email";
import type { Db } from "../db/client";
import { workerLoop } from "../jobs/claim";
import { KEEP_SENT_MS, SEND_LEASE_MS, backoffMs, maxAttempts } from "./queue-rules";
import { deliverMail } from "./send";
import { createTransport, type MailTransport } from "./transport";

export interface MailRun {
  sent: number;
  /** Failed this time, tried again later. */
  retrying: number;
  /** Gave up (MAIL_MAX_ATTEMPTS reached) or expired unsent. */
  failed: number;
  /** Claimed by another worker first. */
  taken: number;
}

const BATCH = 20;
const BLANK = { text: "", html: "" };

/** How often the worker loop tidies (marks expired jobs FAILED, deletes old SENT ones): not on every kick. */
const HOUSEKEEPING_EVERY_MS = 60_000;

/**
 * Sends every job due at `now` (default: the clock). Each job is attempted at most once per run: one that fails
 * is due again only after its backoff. A job past its expiry is never sent; `housekeeping` (default on) also marks
 * such jobs FAILED and blanks them, and deletes SENT jobs older than KEEP_SENT_MS.
 */
export async function drainMail(db: Db, now: Date = new Date(), { housekeeping = true } = {}): Promise<MailRun> {
  const run: MailRun = { sent: 0, retrying: 0, failed: 0, taken: 0 };
  if (housekeeping) {
    run.failed += await expire(db, now);
    await db.mailJob.deleteMany({ where: { status: "SENT", sentAt: { lt: new Date(now.getTime() - KEEP_SENT_MS) } } });
  }
  let transport: MailTransport | undefined;
  const limit = maxAttempts();
  for (;;) {
    const due = await db.mailJob.findMany({
      where: { status: "PENDING", nextAttemptAt: { lte: now }, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
      take: BATCH,
    });
    if (!due.length) return run;
    for (const job of due) {
      if (!(await claim(db, job, now))) {
        run.taken++;
        continue;
      }
      const attempt = job.attempts + 1;
      const about = `${job.template}${job.about ? ` for ${job.about}` : ""}`;
      try {
        // A bad SMTP_URL throws here: counted as a failed attempt like any other.
        transport ??= createTransport();
        await deliverMail(job, about, transport);
        // Matches nothing when the job was deleted meanwhile (a test's reset, an operator): no error. Written out, as
        // the claim is: Prisma compiled each update anew, about 1 ms of the few a receipt costs.
        await db.$executeRaw`UPDATE "MailJob" SET "status" = 'SENT', "sentAt" = ${new Date()}, "lastError" = NULL,
          "text" = '', "html" = '' WHERE "id" = ${job.id}`;
        run.sent++;
      } catch (error) {
        const message = maskEmails((error as Error).message).slice(0, 500);
        const giveUp = attempt >= limit;
        await db.mailJob.updateMany({
          where: { id: job.id },
          data: giveUp
            ? { status: "FAILED", lastError: message, ...(job.expiresAt ? BLANK : {}) }
            : { lastError: message, nextAttemptAt: new Date(now.getTime() + backoffMs(attempt)) },
        });
        console.error(
          `[mail] could not send the ${about} to ${maskEmail(job.to)} (attempt ${attempt} of ${limit}${giveUp ? ", giving up" : ""}): ${message}`,
        );
        run[giveUp ? "failed" : "retrying"]++;
      }
    }
    // A short batch was everything due: a job queued since then kicked the loop, which runs another pass.
    if (due.length < BATCH) return run;
  }
}

/**
 * Takes the job for one attempt, or false when another worker took it first (or it is no longer due): the claim of
 * the job queue (lib/jobs/claim.ts), written out as one statement (each mail paid Prisma's compilation of it). It
 * matches only while the job is as read (same attempts, still pending and due), raises attempts, so of two workers
 * that read the same job only the first one's update matches, and holds the job for SEND_LEASE_MS.
 */
async function claim(db: Db, job: { id: string; attempts: number }, now: Date): Promise<boolean> {
  const lease = new Date(now.getTime() + SEND_LEASE_MS);
  const count = await db.$executeRaw`UPDATE "MailJob" SET "attempts" = ${job.attempts + 1}, "nextAttemptAt" = ${lease}
    WHERE "id" = ${job.id} AND "attempts" = ${job.attempts} AND "status" = 'PENDING' AND "nextAttemptAt" <= ${now}`;
  return count === 1;
}

/** Mails past their expiry are not sent: marked FAILED, bodies blanked (a stale sign-in link is still a secret). */
async function expire(db: Db, now: Date): Promise<number> {
  const { count } = await db.mailJob.updateMany({
    where: { status: "PENDING", expiresAt: { lte: now } },
    data: { status: "FAILED", lastError: "Expired before it could be sent.", ...BLANK },
  });
  return count;
}

// When each client's loop last tidied (drainMail's housekeeping).
const tidiedAt = new WeakMap<Db, number>();

/**
 * One pass of the loop. Each submission, decision and comment kicks it: tidying on every kick cost two writes of
 * the four a receipt took, so the loop tidies at most every HOUSEKEEPING_EVERY_MS.
 */
function loopPass(db: Db): Promise<MailRun> {
  const now = new Date();
  const housekeeping = now.getTime() - (tidiedAt.get(db) ?? 0) >= HOUSEKEEPING_EVERY_MS;
  if (housekeeping) tidiedAt.set(db, now.getTime());
  return drainMail(db, now, { housekeeping });
}

// One worker loop per client in this process (lib/jobs/claim.ts): a kick during a run asks for one more pass.
const mailLoop = workerLoop("mail", loopPass, (error) =>
  console.error(`[mail] worker run failed: ${maskEmails(error.message)}`),
);

/** Wakes the worker after a commit that queued mail: sending starts now, off the caller's path. Never throws. */
export function kickMail(db: Db): void {
  mailLoop.kick(db);
}

/** Waits for a run already going (if any) to end, starting none: before a client disconnects. */
export async function settleMail(db: Db): Promise<void> {
  await mailLoop.settle(db);
}

/** Waits until every mail due now has had its attempt (tests, the CLI before it exits). */
export async function flushMail(db: Db): Promise<void> {
  await mailLoop.flush(db);
}

/** The server's timer: a pass every `everyMs`, besides the kicks; returns the function that stops it. */
export function startMailWorker(db: Db, everyMs: number): () => void {
  return mailLoop.start(db, everyMs); // starts with a pass: mail queued while the server was down
}

export interface MailQueueState {
  pending: number;
  failed: number;
  /** Sent in the last 24 hours. */
  sentToday: number;
  oldestPendingAt: Date | null;
  /** The newest failure's message (a pending retry's or a given-up job's), without the body. */
  lastError: string | null;
}

/** What the admin sees of the queue. */
export async function mailQueueState(db: Db, now: Date = new Date()): Promise<MailQueueState> {
  const [pending, failed, sentToday, oldest, erred] = await Promise.all([
    db.mailJob.count({ where: { status: "PENDING" } }),
    db.mailJob.count({ where: { status: "FAILED" } }),
    db.mailJob.count({ where: { status: "SENT", sentAt: { gte: new Date(now.getTime() - 24 * 3600_000) } } }),
    db.mailJob.findFirst({ where: { status: "PENDING" }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db.mailJob.findFirst({
      where: { status: { in: ["PENDING", "FAILED"] }, lastError: { not: null } },
      orderBy: { nextAttemptAt: "desc" },
      select: { lastError: true },
    }),
  ]);
  return {
    pending,
    failed,
    sentToday,
    oldestPendingAt: oldest?.createdAt ?? null,
    lastError: erred?.lastError ?? null,
  };
}

/** Puts FAILED mails that still have a body back in the queue (after SMTP is fixed); returns how many. */
export async function retryFailedMail(db: Db): Promise<number> {
  const { count } = await db.mailJob.updateMany({
    where: { status: "FAILED", text: { not: "" } },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date() },
  });
  return count;
}
