// Queueing long work: a Job row written with the caller's transaction, so the job exists exactly when the event
// that causes it does. One job of a kind and key at a time: a second request for the same thing (a second export
// of one release) gets the job already queued or running. Callers wake the worker with kickJobs(db) after commit.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../prisma/sqlite/client";
import type { BulkSql } from "../db/bulk";
import type { Db, Tx } from "../db/client";
import { DEFAULT_MAX_ATTEMPTS } from "./rules";

export interface EnqueueJob {
  kind: string;
  /** One active job per kind and key (a release's id); none: any number may run. */
  key?: string;
  payload: Prisma.InputJsonValue;
  createdById?: string | null;
  maxAttempts?: number;
  /** Not before this (default now). */
  runAfter?: Date;
}

export type JobRow = Awaited<ReturnType<Db["job"]["findUniqueOrThrow"]>>;

const activeKeyOf = (kind: string, key: string) => `${kind}:${key}`;

/**
 * Queues a job in `tx`, or returns the one of the same kind and key already queued or running (`created` false).
 * Two transactions racing to queue the same key: the unique index lets one in, the other fails with P2002 (on
 * PostgreSQL its transaction is then aborted): run it through enqueueJobOnce, which tries once more.
 */
export async function enqueueJob(tx: Pick<Tx, "job">, job: EnqueueJob): Promise<{ job: JobRow; created: boolean }> {
  const activeKey = job.key === undefined ? null : activeKeyOf(job.kind, job.key);
  if (activeKey) {
    const running = await tx.job.findUnique({ where: { activeKey } });
    if (running) return { job: running, created: false };
  }
  const created = await tx.job.create({
    data: {
      kind: job.kind,
      key: job.key ?? null,
      activeKey,
      payload: job.payload,
      createdById: job.createdById ?? null,
      maxAttempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      runAfter: job.runAfter ?? new Date(),
    },
  });
  return { job: created, created: true };
}

/**
 * enqueueJob for work done through the driver (lib/db/bulk.ts) rather than Prisma: the same row, written in `sql`'s
 * transaction (a catalog import queues its upstream matching this way). A job of the same kind and key already
 * queued or running is returned instead (`created` false); the unique index decides, so it never fails the caller's
 * transaction over it. The columns Prisma fills itself (the id, the defaults) are written here.
 */
export async function enqueueJobSql(sql: BulkSql, job: EnqueueJob): Promise<{ id: string; created: boolean }> {
  const activeKey = job.key === undefined ? null : activeKeyOf(job.kind, job.key);
  const id = randomUUID();
  const now = new Date();
  const inserted = await sql.change(
    `INSERT INTO "Job" ("id", "kind", "key", "activeKey", "payload", "status", "progressDone", "progressTotal",
       "attempts", "maxAttempts", "runAfter", "createdById", "createdAt")
     VALUES (?, ?, ?, ?, ?, 'QUEUED', 0, 0, 0, ?, ?, ?, ?)
     ON CONFLICT ("activeKey") DO NOTHING`,
    [
      id,
      job.kind,
      job.key ?? null,
      activeKey,
      JSON.stringify(job.payload), // any JSON value (encode would store a string payload unquoted)
      job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      sql.encode(job.runAfter ?? now),
      job.createdById ?? null,
      sql.encode(now),
    ],
  );
  if (inserted === 1 || activeKey === null) return { id, created: true };
  const [running] = await sql.query(`SELECT "id" FROM "Job" WHERE "activeKey" = ?`, [activeKey]);
  // It ended between the two statements: its key is free again.
  if (!running) return enqueueJobSql(sql, job);
  return { id: String(running.id), created: false };
}

/** A unique-index clash (another request queued the same kind and key first). */
export function isDuplicateJob(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}

/**
 * Runs `work` (a transaction that queues a job with enqueueJob) and, when it lost a race for the key, runs it
 * once more: the second time it finds the winner's job.
 */
export async function enqueueJobOnce<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isDuplicateJob(error)) throw error;
    return work();
  }
}
