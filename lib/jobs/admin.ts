// What people see of jobs: the one they started (its progress, result or error), and for admins every job, with
// the failed ones retried on request. Reads are scoped here: a job someone else started is "not found".
import { recordAudit } from "../audit";
import { assertCan, can, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { isRecordId } from "../db/record-id";
import { AppError, type ErrorCode } from "../errors";
import { isDuplicateJob, type JobRow } from "./queue";

export type JobStatus = JobRow["status"];

export interface JobView {
  id: string;
  kind: string;
  key: string | null;
  status: JobStatus;
  progress: { done: number; total: number; phase: string | null };
  attempts: number;
  maxAttempts: number;
  /** What it produced (DONE). */
  result: unknown;
  /** Why it failed (FAILED), or why the last attempt did (QUEUED again, retrying). */
  error: { code: ErrorCode | "JOB_FAILED"; message: string; issues?: unknown; details?: unknown } | null;
  createdById: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Where to follow it. */
  url: string;
}

export const jobUrl = (id: string) => `/api/v1/jobs/${id}`;

export function jobView(job: JobRow): JobView {
  const refusal =
    job.status === "FAILED" ? (job.result as { code?: ErrorCode; issues?: unknown; details?: unknown }) : null;
  return {
    id: job.id,
    kind: job.kind,
    key: job.key,
    status: job.status,
    progress: { done: job.progressDone, total: job.progressTotal, phase: job.phase },
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    result: job.status === "DONE" ? job.result : null,
    error: job.error
      ? refusal?.code
        ? { code: refusal.code, message: job.error, issues: refusal.issues, details: refusal.details }
        : { code: "JOB_FAILED", message: job.error }
      : null,
    createdById: job.createdById,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    url: jobUrl(job.id),
  };
}

function notFound(id: string): AppError {
  return new AppError(
    "NOT_FOUND",
    `No job ${id.slice(0, 64)} that you started. Jobs are shown to whoever started them and to admins.`,
  );
}

/** One job, for the person who started it or an admin; anyone else is told there is none. */
export async function getJob(actor: Actor | null, id: string, db: Db): Promise<JobView> {
  if (!actor)
    throw new AppError(
      "UNAUTHENTICATED",
      "Sign in first, or send a personal API token as 'Authorization: Bearer <token>'.",
    );
  if (!isRecordId(id)) throw notFound(id);
  const job = await db.job.findUnique({ where: { id } });
  if (!job || (job.createdById !== actor.id && !can(actor, "job:manage"))) throw notFound(id);
  return jobView(job);
}

export interface JobListItem extends JobView {
  createdBy: { email: string; name: string | null } | null;
}

export const JOB_LIST_MAX = 100;

/** The newest jobs (admins), failed and running first within the window, with who started each. */
export async function listJobs(actor: Actor | null, db: Db, take = JOB_LIST_MAX): Promise<JobListItem[]> {
  assertCan(actor, "job:manage");
  const jobs = await db.job.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
  const ids = [...new Set(jobs.map((j) => j.createdById).filter((id): id is string => !!id))];
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, name: true } });
  const byId = new Map(users.map((u) => [u.id, { email: u.email, name: u.name }]));
  return jobs.map((j) => ({ ...jobView(j), createdBy: j.createdById ? (byId.get(j.createdById) ?? null) : null }));
}

/** The audit event of a retry: who queued which failed job again. */
const JOB_RETRY_ACTION = "job.retry";

/**
 * Queues a FAILED job again with fresh attempts (after its cause was fixed). Refused while another job of the same
 * kind and key is queued or running: that one is already doing the work.
 */
export async function retryJob(actor: Actor | null, id: unknown, db: Db): Promise<JobView> {
  assertCan(actor, "job:manage");
  if (!isRecordId(id))
    throw new AppError("VALIDATION", "A job id is letters, digits, '-' and '_' (it is in the job's row).");
  const job = await db.job.findUnique({ where: { id } });
  if (!job) throw new AppError("NOT_FOUND", `No job ${id}.`);
  if (job.status !== "FAILED")
    throw new AppError(
      "INVALID_STATE",
      `Job ${job.id} is ${job.status}: only a failed job can be retried.`,
      undefined,
      {
        status: job.status,
      },
    );
  try {
    // The retry and its audit event commit together: a refused retry writes neither.
    await db.$transaction(async (tx) => {
      const { count } = await tx.job.updateMany({
        where: { id: job.id, status: "FAILED" },
        data: {
          status: "QUEUED",
          activeKey: job.key === null ? null : `${job.kind}:${job.key}`,
          attempts: 0,
          runAfter: new Date(),
          error: null,
          result: {},
          progressDone: 0,
          phase: null,
          finishedAt: null,
        },
      });
      if (count === 0) throw new AppError("CONFLICT", `Job ${job.id} was retried meanwhile: reload to see it.`);
      await recordAudit(tx, {
        actorId: actor.id,
        action: JOB_RETRY_ACTION,
        subjectType: "Job",
        subjectId: job.id,
        data: { kind: job.kind, key: job.key, attempts: job.attempts },
      });
    });
  } catch (error) {
    if (!isDuplicateJob(error)) throw error;
    throw new AppError(
      "CONFLICT",
      `Another ${job.kind} job for the same ${job.key ? `item (${job.key})` : "item"} is already queued or running: follow that one instead.`,
    );
  }
  return jobView(await db.job.findUniqueOrThrow({ where: { id: job.id } }));
}
