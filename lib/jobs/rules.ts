// The job queue's timing rules (pure: no database, no Next.js). Configured by JOB_LEASE_SECONDS and
// JOB_POLL_SECONDS; backoff and claims work as the mail queue's do (./claim.ts).
import { exponentialBackoffMs, wholeNumberSetting } from "./claim";

/** A failed attempt is tried again after 10 s, then 20 s, 40 s, … up to 10 minutes. */
export const FIRST_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 10 * 60_000;
export const DEFAULT_LEASE_SECONDS = 60;
export const DEFAULT_POLL_SECONDS = 5;
/** Attempts a job gets unless its kind says otherwise; a crashed worker's attempt counts. */
export const DEFAULT_MAX_ATTEMPTS = 3;
/** Finished jobs are deleted after this; failed ones stay until retried or this has passed too. */
export const KEEP_FINISHED_MS = 30 * 24 * 3600_000;

export function backoffMs(attempts: number): number {
  return exponentialBackoffMs(attempts, FIRST_BACKOFF_MS, MAX_BACKOFF_MS);
}

/**
 * JOB_LEASE_SECONDS: how long a running job is held without a heartbeat. The worker renews it every quarter of
 * that while the job runs; a job whose worker died is taken again once it has passed.
 */
export function leaseMs(env: Record<string, string | undefined> = process.env): number {
  return wholeNumberSetting(env, "JOB_LEASE_SECONDS", DEFAULT_LEASE_SECONDS, 3600) * 1000;
}

/** JOB_POLL_SECONDS: how often the server looks for due jobs (retries, a dead worker's) besides being woken. */
export function jobPollMs(env: Record<string, string | undefined> = process.env): number {
  return wholeNumberSetting(env, "JOB_POLL_SECONDS", DEFAULT_POLL_SECONDS, 3600) * 1000;
}
