// The mail queue's timing rules (pure: no database, no Next.js): how long to wait before the next attempt, when to
// give up, how often the server looks for due mail. Configured by MAIL_MAX_ATTEMPTS and MAIL_POLL_SECONDS.
import { exponentialBackoffMs, wholeNumberSetting } from "../jobs/claim";

/** The first retry waits this long; each later one twice as long as the one before, up to MAX_BACKOFF_MS. */
export const FIRST_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 60 * 60_000;
/** An attempt holds its job this long: a worker that dies mid-send gives the job back when it ends. */
export const SEND_LEASE_MS = 5 * 60_000;
/** Sent jobs (their bodies already blanked) are deleted after this. */
export const KEEP_SENT_MS = 7 * 24 * 3600_000;
export const DEFAULT_MAX_ATTEMPTS = 10;
export const DEFAULT_POLL_SECONDS = 15;

/** The wait after the `attempts`-th failed attempt (1-based): 30 s, 1 min, 2 min, … capped at an hour. */
export function backoffMs(attempts: number): number {
  return exponentialBackoffMs(attempts, FIRST_BACKOFF_MS, MAX_BACKOFF_MS);
}

/** MAIL_MAX_ATTEMPTS: attempts before a mail is marked FAILED (default 10: about three hours of retries). */
export function maxAttempts(env: Record<string, string | undefined> = process.env): number {
  return wholeNumberSetting(env, "MAIL_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS, 100);
}

/** MAIL_POLL_SECONDS: how often the server's worker looks for due mail besides being woken by a new one. */
export function pollSeconds(env: Record<string, string | undefined> = process.env): number {
  return wholeNumberSetting(env, "MAIL_POLL_SECONDS", DEFAULT_POLL_SECONDS, 3600);
}
