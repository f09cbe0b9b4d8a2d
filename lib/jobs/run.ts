// The server's job worker: one loop per database client (./claim workerLoop), woken by kickJobs after a commit that
// queued a job and every JOB_POLL_SECONDS for retries and jobs whose worker died. The handlers (./kinds) are loaded
// on the first pass, so services that queue jobs can import this without importing every job's code.
import type { Db } from "../db/client";
import { workerLoop } from "./claim";
import { drainJobs } from "./worker";

// A kick waits KICK_DELAY_MS: an export's phases are CPU-heavy and share the event loop with the request that
// queued it, which answers (202) first.
const KICK_DELAY_MS = 25;

const jobLoop = workerLoop(
  "jobs",
  async (db) => drainJobs(db, (await import("./kinds")).JOB_HANDLERS),
  (error) => console.error(`[jobs] worker run failed: ${error.message}`),
  KICK_DELAY_MS,
);

/** Wakes the worker after a commit that queued a job: it runs now, off the caller's path. Never throws. */
export function kickJobs(db: Db): void {
  jobLoop.kick(db);
}

/** Waits for a pass already going (if any) to end, starting none: before a client disconnects. */
export function settleJobs(db: Db): Promise<void> {
  return jobLoop.settle(db);
}

/** Runs every job due now to its end (tests). */
export function flushJobs(db: Db): Promise<void> {
  return jobLoop.flush(db);
}

/** A pass now (jobs left by a stopped server) and every `everyMs`; returns the function that stops the timer. */
export function startJobWorker(db: Db, everyMs: number): () => void {
  return jobLoop.start(db, everyMs);
}
