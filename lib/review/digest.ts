// The reviewers' opt-in e-mail digest: what the queue holds for one reviewer, and the run that mails every reviewer
// whose period has elapsed (the CLI's digest:send and the server's hourly timer call sendDueDigests).
import { recordAudit } from "../audit";
import { maskEmails } from "../auth/email";
import { assertCan, type Actor, type Role } from "../auth/permissions";
import type { Db } from "../db/client";
import { appUrl } from "../env";
import { AppError } from "../errors";
import { enqueueMail, kickMail } from "../mail";
import { PROFILE_PATH } from "../auth/profile";
import { canChooseDigest } from "./digest-preference";
import {
  answeredFirst,
  DIGEST_LIST_MAX,
  DIGEST_OLDEST_MAX,
  digestSince,
  formatAge,
  isDigestDue,
  isDigestEmpty,
  isDigestPeriod,
  type DigestContent,
  type DigestCounts,
  type DigestItem,
} from "./digest-rules";
import { queueWhere, toQueueItems } from "./queue";
import { QUEUE_VIEWS } from "./queue-params";

export interface DigestUser {
  id: string;
  email: string;
  role: Role;
  digest: string;
  digestSentAt: Date | null;
}

// Waiting for a reviewer (NEEDS_INFO waits for the contributor), and what a decision leaves behind.
const WAITING = ["SUBMITTED", "IN_REVIEW"] as const;
const DECISIONS = ["ACCEPTED", "REJECTED", "DUPLICATE"] as const;

/**
 * What is new for this reviewer since their last digest. Every query starts from the queue's own visibility rule
 * (queueWhere: no drafts, only the TLP levels this reviewer may receive), narrowing only the status.
 */
export async function buildDigest(user: DigestUser, db: Db, now: Date): Promise<DigestContent> {
  const actor: Actor = { id: user.id, email: user.email, role: user.role };
  assertCan(actor, "observation:read-any");
  const period = user.digest;
  if (!isDigestPeriod(period)) {
    throw new AppError("INVALID_STATE", "This user has not chosen a digest (it is OFF): set it on their profile.");
  }
  const since = digestSince(period, user.digestSentAt, now);
  const visible = queueWhere(actor);
  const waiting = { ...visible, status: { in: [...WAITING] } };
  const [open, newSubmitted, decided, assignedTotal, assignedRows, oldestRows] = await Promise.all([
    db.observation.groupBy({ by: ["status"], where: visible, _count: { _all: true } }),
    db.observation.count({
      where: { ...visible, status: { in: [...QUEUE_VIEWS.open, ...QUEUE_VIEWS.decided] }, submittedAt: { gte: since } },
    }),
    db.observation.groupBy({
      by: ["status"],
      where: { ...visible, status: { in: [...DECISIONS] }, decidedAt: { gte: since } },
      _count: { _all: true },
    }),
    db.observation.count({ where: { ...waiting, assigneeId: user.id } }),
    db.observation.findMany({
      where: { ...waiting, assigneeId: user.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: DIGEST_LIST_MAX,
      include: { assignee: { select: { email: true } } },
    }),
    db.observation.findMany({
      where: waiting,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: DIGEST_OLDEST_MAX,
      include: { assignee: { select: { email: true } } },
    }),
  ]);
  const byStatus = (groups: { status: string; _count: { _all: number } }[], status: string) =>
    groups.find((g) => g.status === status)?._count._all ?? 0;
  const counts: DigestCounts = {
    open: {
      SUBMITTED: byStatus(open, "SUBMITTED"),
      IN_REVIEW: byStatus(open, "IN_REVIEW"),
      NEEDS_INFO: byStatus(open, "NEEDS_INFO"),
    },
    newSubmitted,
    decided: {
      ACCEPTED: byStatus(decided, "ACCEPTED"),
      REJECTED: byStatus(decided, "REJECTED"),
      DUPLICATE: byStatus(decided, "DUPLICATE"),
    },
    assigned: assignedTotal,
  };
  const waitedFrom = new Map([...assignedRows, ...oldestRows].map((r) => [r.publicId, r.submittedAt ?? r.createdAt]));
  // toQueueItems names technique and actor and marks "answered" as the queue does; only the fields a mail may carry
  // are kept (it also returns the procedure text and the assignee's address).
  const toItems = async (rows: typeof assignedRows): Promise<DigestItem[]> =>
    (await toQueueItems(db, rows)).map((q) => ({
      id: q.id,
      techniqueLabel: q.techniqueLabel,
      actorName: q.actorName,
      status: q.status,
      age: formatAge(waitedFrom.get(q.id) ?? now, now),
      answered: q.answered,
      url: `${appUrl()}/queue/${q.id}`,
    }));
  return {
    period,
    since,
    counts,
    assigned: answeredFirst(await toItems(assignedRows)),
    oldest: await toItems(oldestRows),
    queueUrl: `${appUrl()}/queue`,
    profileUrl: `${appUrl()}${PROFILE_PATH}#digest`,
  };
}

export interface DigestRun {
  /** Queued for the mail worker, with the claim. */
  sent: number;
  /** Due, but nothing to report (lib/review/digest-rules isDigestEmpty): not mailed, the period counts as done. */
  skipped: number;
  /** Claimed by another run at the same time (or changed since read): left to it. */
  taken: number;
  /** The digest could not be built or claimed (logged): the next run tries again. */
  failed: number;
}

/**
 * Mails every active reviewer or admin whose chosen period has elapsed. Each user is claimed first: a conditional
 * update that succeeds only while digestSentAt (and the choice) is still what this run read, committed with its
 * audit event and the queued mail (lib/mail), so two runs at once (two servers, a timer and the CLI) never queue the
 * same digest twice, and a mail server that is down delays a digest but never loses it.
 */
export async function sendDueDigests(db: Db, now: Date = new Date()): Promise<DigestRun> {
  const run: DigestRun = { sent: 0, skipped: 0, taken: 0, failed: 0 };
  const users = await db.user.findMany({
    where: { digest: { in: ["DAILY", "WEEKLY"] }, deactivatedAt: null },
    select: { id: true, email: true, role: true, digest: true, digestSentAt: true },
    orderBy: { id: "asc" },
  });
  for (const user of users) {
    // A reviewer made a contributor keeps the stored choice but gets nothing: the digest is about the queue.
    if (!canChooseDigest(user) || !isDigestPeriod(user.digest)) continue;
    if (!isDigestDue(user.digest, user.digestSentAt, now)) continue;
    try {
      run[await sendOne(db, user, now)]++;
    } catch (error) {
      // A failure before the mail (building, claiming) is logged and counted; it must not hold up the others' digests.
      console.error(`[digest] no digest for user ${user.id}: ${maskEmails((error as Error).message)}`);
      run.failed++;
    }
  }
  if (run.sent) kickMail(db);
  return run;
}

async function sendOne(db: Db, user: DigestUser, now: Date): Promise<keyof DigestRun> {
  const content = await buildDigest(user, db, now);
  const empty = isDigestEmpty(content.counts);
  if (!(await claim(db, user, now, empty ? "digest.skipped" : "digest.sent", content))) return "taken";
  return empty ? "skipped" : "sent";
}

async function claim(db: Db, user: DigestUser, now: Date, action: string, content: DigestContent): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: {
        id: user.id,
        digest: user.digest as "DAILY" | "WEEKLY",
        deactivatedAt: null,
        digestSentAt: user.digestSentAt,
      },
      data: { digestSentAt: now },
    });
    if (count === 0) return false;
    await recordAudit(tx, {
      actorId: null,
      action,
      subjectType: "User",
      subjectId: user.id,
      data: { period: content.period, since: content.since.toISOString(), counts: content.counts },
    });
    // Queued with the claim: the mail worker sends it, retrying while the mail server is down.
    if (action === "digest.sent") await enqueueMail(tx, "digest", user.email, content);
    return true;
  });
}
