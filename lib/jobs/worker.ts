// The job worker: runs queued Job rows (./queue) with the claim and backoff the mail queue uses (./claim).
// What must stay true:
// - a job is claimed by a conditional update (attempts unchanged since read) before it runs, so two workers (two
//   servers, a server and the CLI) never run one attempt twice;
// - a running job holds a lease (lockedUntil) its worker renews with a heartbeat; once it lapses (the worker died)
//   the job is taken again, and every later write of the old attempt (progress, the end) matches nothing;
// - a refusal (AppError) fails the job at once with its message: retrying would be refused the same way; anything
//   else is retried with backoff up to maxAttempts, and the person sees a generic message (the log has the rest).
import { AppError, isAppError } from "../errors";
import type { Prisma } from "../../prisma/sqlite/client";
import type { Db } from "../db/client";
import { claimRow } from "./claim";
import type { JobRow } from "./queue";
import { backoffMs, KEEP_FINISHED_MS, leaseMs } from "./rules";

export interface JobProgress {
  done?: number;
  total?: number;
  /** A few words: what it is doing now. */
  phase?: string;
}

export interface JobContext {
  db: Db;
  job: JobRow;
  /** Records progress (and renews the lease); false once this attempt has lost the job. */
  progress(update: JobProgress): Promise<boolean>;
}

/** Runs one job's payload; what it returns is the job's result. Throw an AppError to refuse (no retry). */
export type JobHandler = (payload: unknown, context: JobContext) => Promise<Prisma.InputJsonValue>;
export type JobHandlers = Record<string, JobHandler>;

export interface JobRun {
  done: number;
  /** Failed this time, tried again later. */
  retrying: number;
  /** Refused, or out of attempts. */
  failed: number;
  /** Claimed by another worker first. */
  taken: number;
}

const BATCH = 10;

/** Due at `now`: queued and past runAfter, or running with a lapsed lease (its worker is gone). */
const dueWhere = (now: Date) => ({
  OR: [
    { status: "QUEUED" as const, runAfter: { lte: now } },
    { status: "RUNNING" as const, lockedUntil: { lte: now } },
  ],
});

/** Runs every job due at `now` (default: the clock), one at a time; each at most once per pass. */
export async function drainJobs(db: Db, handlers: JobHandlers, now: Date = new Date()): Promise<JobRun> {
  const run: JobRun = { done: 0, retrying: 0, failed: 0, taken: 0 };
  await db.job.deleteMany({
    where: { status: { in: ["DONE", "FAILED"] }, finishedAt: { lt: new Date(now.getTime() - KEEP_FINISHED_MS) } },
  });
  const seen = new Set<string>();
  for (;;) {
    // Each job at most once per pass: one retried or taken meanwhile waits for the next pass.
    const due = await db.job.findMany({
      where: { ...dueWhere(now), id: { notIn: [...seen] } },
      orderBy: [{ runAfter: "asc" }, { id: "asc" }],
      take: BATCH,
    });
    if (!due.length) return run;
    for (const job of due) {
      seen.add(job.id);
      const outcome = await runJob(db, handlers, job, now);
      run[outcome]++;
    }
  }
}

type Outcome = keyof JobRun;

/**
 * Runs one job now, as a pass would (the same claim, lease and ending), if it is due: the CLI runs the job its own
 * import queued rather than leaving it to a server. "not-due" when it is not (waiting for a retry's backoff, held by
 * a live worker, or ended); "taken" when another worker claimed it first.
 */
export async function runDueJob(
  db: Db,
  handlers: JobHandlers,
  id: string,
  now: Date = new Date(),
): Promise<Outcome | "not-due"> {
  const job = await db.job.findFirst({ where: { id, ...dueWhere(now) } });
  return job ? runJob(db, handlers, job, now) : "not-due";
}

async function runJob(db: Db, handlers: JobHandlers, job: JobRow, now: Date): Promise<Outcome> {
  const lease = leaseMs();
  const stillAs = job.status === "QUEUED" ? { runAfter: { lte: now } } : { lockedUntil: { lte: now } };
  if (job.status === "RUNNING" && job.attempts >= job.maxAttempts) {
    // Its worker died on the last attempt: nothing is left to try.
    const { count } = await db.job.updateMany({
      where: { id: job.id, status: "RUNNING", attempts: job.attempts, ...stillAs },
      data: finished("FAILED", {
        error: `Stopped ${job.attempts} time(s) without finishing (the server was restarted or crashed while it ran). Retry it once the server is stable.`,
      }),
    });
    return count === 1 ? "failed" : "taken";
  }
  const startedAt = new Date();
  const claimed = await claimRow(
    (args) => db.job.updateMany(args),
    job,
    { status: job.status, ...stillAs },
    { status: "RUNNING" as const, lockedUntil: new Date(Date.now() + lease), heartbeatAt: startedAt, startedAt },
  );
  if (!claimed) return "taken";
  const attempts = job.attempts + 1;
  const mine = { id: job.id, status: "RUNNING" as const, attempts };
  const handler = handlers[job.kind];
  let lost = false;
  const renew = async (data: Prisma.JobUpdateManyMutationInput = {}) => {
    if (lost) return false;
    const beat = new Date();
    const { count } = await db.job.updateMany({
      where: mine,
      data: { ...data, heartbeatAt: beat, lockedUntil: new Date(beat.getTime() + lease) },
    });
    if (count === 0) lost = true;
    return !lost;
  };
  const heartbeat = setInterval(() => void renew().catch(() => {}), Math.max(250, lease / 4));
  heartbeat.unref();
  try {
    if (!handler) throw new AppError("INVALID_STATE", `No worker knows jobs of kind "${job.kind}".`);
    const result = await handler(job.payload, {
      db,
      job: { ...job, status: "RUNNING", attempts },
      progress: ({ done, total, phase }) =>
        renew({
          ...(done === undefined ? {} : { progressDone: done }),
          ...(total === undefined ? {} : { progressTotal: total }),
          ...(phase === undefined ? {} : { phase: phase.slice(0, 200) }),
        }),
    });
    clearInterval(heartbeat);
    const { count } = await db.job.updateMany({ where: mine, data: finished("DONE", { result, error: null }) });
    if (count === 0) console.error(`[jobs] ${job.kind} ${job.id} finished after another worker took it over`);
    return "done";
  } catch (error) {
    clearInterval(heartbeat);
    if (isAppError(error)) {
      await db.job.updateMany({
        where: mine,
        data: finished("FAILED", {
          error: error.message.slice(0, 2000),
          result: refusalOf(error),
        }),
      });
      return "failed";
    }
    const message = (error as Error)?.message ?? String(error);
    const giveUp = attempts >= job.maxAttempts;
    console.error(
      `[jobs] ${job.kind} ${job.id} failed (attempt ${attempts} of ${job.maxAttempts}${giveUp ? ", giving up" : ""}): ${message}`,
    );
    const shown = `It failed unexpectedly (attempt ${attempts} of ${job.maxAttempts}); the server log has the details under job ${job.id}.`;
    await db.job.updateMany({
      where: mine,
      data: giveUp
        ? finished("FAILED", { error: `${shown} Retry it once the cause is fixed.`, result: {} })
        : {
            status: "QUEUED",
            error: `${shown} Retrying automatically.`,
            result: {},
            runAfter: new Date(now.getTime() + backoffMs(attempts)),
            lockedUntil: null,
          },
    });
    return giveUp ? "failed" : "retrying";
  }
}

/** The end of a job: it no longer holds its kind+key, so the next request for the same thing starts a new one. */
function finished(
  status: "DONE" | "FAILED",
  data: Prisma.JobUpdateManyMutationInput,
): Prisma.JobUpdateManyMutationInput {
  return { ...data, status, activeKey: null, lockedUntil: null, finishedAt: new Date() };
}

/** What a refusal leaves in the job's result, for the API to answer as the request would have. */
function refusalOf(error: AppError): Prisma.InputJsonValue {
  const refusal = { code: error.code, issues: (error.issues ?? []).slice(0, 50), details: error.details ?? {} };
  return JSON.parse(JSON.stringify(refusal)) as Prisma.InputJsonValue;
}
