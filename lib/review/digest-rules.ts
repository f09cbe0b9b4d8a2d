// The reviewers' e-mail digest: its choices, when one is due, and what counts as empty. Pure (no database, no
// framework): the profile form imports the choices, lib/review/digest.ts the rest.

/** Stored on User.digest; OFF is the default: nobody gets a digest they did not choose. */
export const DIGEST_FREQUENCIES = ["OFF", "DAILY", "WEEKLY"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
export type DigestPeriod = Exclude<DigestFrequency, "OFF">;

/** How each choice reads on the profile page and in the mail ("You get this because you chose …"). */
export const DIGEST_LABELS: Record<DigestFrequency, string> = {
  OFF: "No digest",
  DAILY: "Daily",
  WEEKLY: "Weekly",
};

const HOUR_MS = 60 * 60 * 1000;
export const DIGEST_PERIOD_MS: Record<DigestPeriod, number> = { DAILY: 24 * HOUR_MS, WEEKLY: 7 * 24 * HOUR_MS };

/** How often the server looks for due digests (lib/review/digest-timer.ts). */
export const DIGEST_CHECK_INTERVAL_MS = HOUR_MS;

/**
 * A digest is due a little before its full period: the hourly check runs a few seconds later or earlier each time,
 * and without this slack a daily digest sent at 09:00:03 would find 23:59:58 elapsed the next day and slide to 10:00.
 */
export const DIGEST_SLACK_MS = 15 * 60 * 1000;

export function isDigestPeriod(value: string): value is DigestPeriod {
  return value === "DAILY" || value === "WEEKLY";
}

/** A digest sent at or before this instant makes the next one due at `now`. */
export function digestDueBefore(period: DigestPeriod, now: Date): Date {
  return new Date(now.getTime() - DIGEST_PERIOD_MS[period] + DIGEST_SLACK_MS);
}

export function isDigestDue(period: DigestPeriod, sentAt: Date | null, now: Date): boolean {
  return sentAt === null || sentAt.getTime() <= digestDueBefore(period, now).getTime();
}

/**
 * Where "new since the last digest" starts: the last one, but never more than one period back (a first digest, or one
 * after months with the digest off, reports on one period, not on everything since the account was made).
 */
export function digestSince(period: DigestPeriod, sentAt: Date | null, now: Date): Date {
  const floor = now.getTime() - DIGEST_PERIOD_MS[period];
  return new Date(Math.max(floor, sentAt?.getTime() ?? floor));
}

/** How long something has waited, as a reviewer reads it: "3 days", "5 hours", "less than an hour". */
export function formatAge(from: Date, now: Date): string {
  const hours = Math.floor((now.getTime() - from.getTime()) / HOUR_MS);
  if (hours < 1) return "less than an hour";
  if (hours < 48) return hours === 1 ? "1 hour" : `${hours} hours`;
  return `${Math.floor(hours / 24)} days`;
}

/** The counts a digest reports, by what it is about. */
export interface DigestCounts {
  /** Open items per status (the queue's open view). */
  open: { SUBMITTED: number; IN_REVIEW: number; NEEDS_INFO: number };
  /** Submitted (or resubmitted) since the last digest. */
  newSubmitted: number;
  /** Decided since the last digest. */
  decided: { ACCEPTED: number; REJECTED: number; DUPLICATE: number };
  /** Waiting for this reviewer: assigned to them and not waiting for the contributor. */
  assigned: number;
}

/**
 * Nothing to report: the queue is empty and nothing was decided. Such a digest is not sent (a mail saying "nothing"
 * every day teaches people to ignore the ones that matter), but the period still counts as done.
 */
export function isDigestEmpty(counts: DigestCounts): boolean {
  const open = counts.open.SUBMITTED + counts.open.IN_REVIEW + counts.open.NEEDS_INFO;
  const decided = counts.decided.ACCEPTED + counts.decided.REJECTED + counts.decided.DUPLICATE;
  return open === 0 && decided === 0 && counts.newSubmitted === 0 && counts.assigned === 0;
}

/**
 * One observation as a digest lists it: no procedure text and no contributor (a mail leaves the platform), only what
 * lets the reviewer pick it out and open it.
 */
export interface DigestItem {
  id: string;
  techniqueLabel: string;
  actorName: string;
  status: string;
  /** Since it was submitted (or created), formatAge. */
  age: string;
  /** The contributor answered this reviewer's question: it is back, waiting for them. */
  answered: boolean;
  url: string;
}

export interface DigestContent {
  period: DigestPeriod;
  since: Date;
  counts: DigestCounts;
  /** Waiting for this reviewer, answered ones first, at most DIGEST_LIST_MAX. */
  assigned: DigestItem[];
  /** The open queue's longest-waiting items (its oldest-first order), at most DIGEST_OLDEST_MAX. */
  oldest: DigestItem[];
  queueUrl: string;
  /** Where the reader changes or turns off the digest. */
  profileUrl: string;
}

export const DIGEST_LIST_MAX = 20;
export const DIGEST_OLDEST_MAX = 5;

/** The reviewer's own items, answered ones first (the contributor is waiting on them), each group oldest first. */
export function answeredFirst<T extends { answered: boolean }>(items: T[]): T[] {
  return [...items.filter((i) => i.answered), ...items.filter((i) => !i.answered)];
}
