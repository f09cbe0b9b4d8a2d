// The job queue against a real database: a job is run once however many workers look, failures are retried with
// backoff, a job whose worker died is taken again once its lease lapses (and the dead attempt's late writes change
// nothing), progress is visible while it runs, and one job of a kind and key runs at a time.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { createDb } from "../db/client";
import { AppError } from "../errors";
import { drainJobs, enqueueJob, enqueueJobOnce, getJob, listJobs, retryJob, type JobHandlers } from ".";
import { backoffMs, leaseMs } from "./rules";

const w = useWorkDb();
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const queue = (kind = "test", key?: string, maxAttempts?: number) =>
  enqueueJob(w.db, { kind, key, payload: { n: 1 }, createdById: w.admin.id, maxAttempts }).then((r) => r.job);
const row = (id: string) => w.db.job.findUniqueOrThrow({ where: { id } });

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("the job worker", () => {
  it("runs a job once when two workers (two clients) look for it at the same time", async () => {
    const second = createDb(w.t.url);
    try {
      const jobs = await Promise.all([queue(), queue(), queue()]);
      const runs: string[] = [];
      const handlers: JobHandlers = {
        test: async (_payload, { job }) => {
          runs.push(job.id);
          await new Promise((r) => setTimeout(r, 30));
          return { ok: true };
        },
      };
      const [a, b] = await Promise.all([drainJobs(w.db, handlers), drainJobs(second, handlers)]);
      expect(runs.sort()).toEqual(jobs.map((j) => j.id).sort());
      expect(a.done + b.done).toBe(3);
      for (const job of jobs)
        expect(await row(job.id)).toMatchObject({ status: "DONE", attempts: 1, result: { ok: true }, activeKey: null });
    } finally {
      await second.$disconnect();
    }
  });

  it("retries a failed attempt after its backoff, and gives up after maxAttempts", async () => {
    const job = await queue("test", undefined, 2);
    let calls = 0;
    const handlers: JobHandlers = {
      test: async () => {
        calls++;
        throw new Error("disk full at /var/secret/path");
      },
    };
    const now = new Date();
    expect(await drainJobs(w.db, handlers, now)).toMatchObject({ retrying: 1, failed: 0 });
    const waiting = await row(job.id);
    expect(waiting).toMatchObject({ status: "QUEUED", attempts: 1, lockedUntil: null });
    expect(waiting.runAfter.getTime()).toBe(now.getTime() + backoffMs(1));
    // The person sees that it failed and will be retried, not the internal message (that goes to the log).
    expect(waiting.error).toMatch(/failed unexpectedly \(attempt 1 of 2\).*Retrying automatically/);
    expect(waiting.error).not.toContain("/var/secret");
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining("disk full"));

    // Not due yet: a pass before the backoff leaves it alone.
    expect(await drainJobs(w.db, handlers, later(now, backoffMs(1) - 1000))).toMatchObject({ retrying: 0, failed: 0 });
    expect(calls).toBe(1);
    expect(await drainJobs(w.db, handlers, later(now, backoffMs(1)))).toMatchObject({ failed: 1 });
    expect(calls).toBe(2);
    const failed = await getJob(w.admin, job.id, w.db);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 2, error: { code: "JOB_FAILED" } });
    expect(failed.error!.message).toMatch(/attempt 2 of 2.*Retry it once the cause is fixed/);
    expect(failed.finishedAt).not.toBeNull();
  });

  it("fails a refused job at once, with the refusal's code, message and details", async () => {
    const job = await queue();
    let calls = 0;
    const handlers: JobHandlers = {
      test: async () => {
        calls++;
        throw new AppError("INVALID_STATE", "Nothing to export: accept observations first.", undefined, { held: 2 });
      },
    };
    expect(await drainJobs(w.db, handlers)).toMatchObject({ failed: 1, retrying: 0 });
    expect(await drainJobs(w.db, handlers, later(new Date(), 3600_000))).toMatchObject({ failed: 0 });
    expect(calls).toBe(1);
    expect(await getJob(w.admin, job.id, w.db)).toMatchObject({
      status: "FAILED",
      attempts: 1,
      error: { code: "INVALID_STATE", message: "Nothing to export: accept observations first.", details: { held: 2 } },
    });
  });

  it("fails a job of a kind no worker knows, naming the kind", async () => {
    const job = await queue("no-such-kind");
    await drainJobs(w.db, {});
    expect((await getJob(w.admin, job.id, w.db)).error).toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining('"no-such-kind"'),
    });
  });

  it("takes a crashed worker's job again once its lease has lapsed, and ignores the dead attempt's late writes", async () => {
    const job = await queue("test", "r1");
    const stuck = gate();
    const resumed = gate();
    let lateProgress: boolean | undefined;
    const first: JobHandlers = {
      test: async (_p, { progress }) => {
        await progress({ done: 1, total: 4, phase: "reading" });
        stuck.open();
        await resumed.opened; // the worker hangs here (or its process died)
        lateProgress = await progress({ done: 2, total: 4, phase: "late" });
        return { by: "first" };
      },
    };
    const dead = drainJobs(w.db, first);
    await stuck.opened;
    const held = await row(job.id);
    expect(held).toMatchObject({ status: "RUNNING", attempts: 1, progressDone: 1, progressTotal: 4, phase: "reading" });
    expect(held.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + leaseMs() / 2);

    const second = createDb(w.t.url);
    try {
      const runs: string[] = [];
      const rescue: JobHandlers = {
        test: async () => {
          runs.push("second");
          return { by: "second" };
        },
      };
      // While the lease holds, nobody else takes it.
      expect(await drainJobs(second, rescue)).toMatchObject({ done: 0, taken: 0 });
      expect(runs).toEqual([]);
      // Past the lease (the worker stopped renewing it): another worker runs it.
      expect(await drainJobs(second, rescue, later(held.lockedUntil!, 1))).toMatchObject({ done: 1 });
      expect(await row(job.id)).toMatchObject({ status: "DONE", attempts: 2, result: { by: "second" } });
    } finally {
      await second.$disconnect();
    }
    resumed.open();
    await dead;
    expect(lateProgress).toBe(false);
    expect(await row(job.id)).toMatchObject({
      status: "DONE",
      attempts: 2,
      result: { by: "second" },
      phase: "reading",
    });
  });

  it("fails a job whose worker died on its last attempt, saying so", async () => {
    const job = await queue("test", undefined, 1);
    await w.db.job.update({
      where: { id: job.id },
      data: { status: "RUNNING", attempts: 1, lockedUntil: new Date(Date.now() - 1000) },
    });
    let calls = 0;
    expect(await drainJobs(w.db, { test: async () => ({ calls: ++calls }) })).toMatchObject({ failed: 1 });
    expect(calls).toBe(0);
    expect((await row(job.id)).error).toMatch(/Stopped 1 time\(s\) without finishing.*Retry it/);
  });

  it("renews the lease with a heartbeat while a long job runs", async () => {
    vi.stubEnv("JOB_LEASE_SECONDS", "1");
    const job = await queue();
    let seen: Date[] = [];
    await drainJobs(w.db, {
      test: async () => {
        for (let i = 0; i < 3; i++) {
          await new Promise((r) => setTimeout(r, 400));
          seen.push((await row(job.id)).lockedUntil!);
        }
        return {};
      },
    });
    seen = seen.map((d) => new Date(d));
    expect(seen[2].getTime()).toBeGreaterThan(seen[0].getTime());
    expect(seen.every((d) => d.getTime() > Date.now() - 1500)).toBe(true);
  });

  it("shows progress while the job runs", async () => {
    const job = await queue();
    const snapshots: unknown[] = [];
    await drainJobs(w.db, {
      test: async (_p, { progress }) => {
        for (const [done, phase] of [
          [0, "read"],
          [1, "build"],
          [2, "store"],
        ] as const) {
          expect(await progress({ done, total: 2, phase })).toBe(true);
          snapshots.push((await getJob(w.admin, job.id, w.db)).progress);
        }
        return {};
      },
    });
    expect(snapshots).toEqual([
      { done: 0, total: 2, phase: "read" },
      { done: 1, total: 2, phase: "build" },
      { done: 2, total: 2, phase: "store" },
    ]);
    expect(await getJob(w.admin, job.id, w.db)).toMatchObject({ status: "DONE", progress: { done: 2, total: 2 } });
  });
});

describe("one job per kind and key", () => {
  it("gives a second request the job already queued, and a new one once it has ended", async () => {
    const first = await enqueueJob(w.db, { kind: "test", key: "r1", payload: {} });
    const again = await enqueueJob(w.db, { kind: "test", key: "r1", payload: {} });
    const other = await enqueueJob(w.db, { kind: "test", key: "r2", payload: {} });
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, job: { id: first.job.id } });
    expect(other.job.id).not.toBe(first.job.id);
    await drainJobs(w.db, { test: async () => ({}) });
    const next = await enqueueJob(w.db, { kind: "test", key: "r1", payload: {} });
    expect(next.created).toBe(true);
    expect(next.job.id).not.toBe(first.job.id);
  });

  it("lets one of two racing transactions queue the job; the other gets it", async () => {
    // One client: on PostgreSQL its pool runs both transactions at once (the unique index decides); SQLite's one
    // connection runs them one after the other.
    const request = () =>
      enqueueJobOnce(() =>
        w.db.$transaction(async (tx) => {
          const r = await enqueueJob(tx, { kind: "test", key: "race", payload: {} });
          await new Promise((res) => setTimeout(res, 20));
          return r;
        }),
      );
    const [a, b] = await Promise.all([request(), request()]);
    expect(a.job.id).toBe(b.job.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await w.db.job.count({ where: { key: "race" } })).toBe(1);
  });
});

describe("who sees and retries jobs", () => {
  it("shows a job to whoever started it and to admins; to anyone else there is none", async () => {
    const job = (await enqueueJob(w.db, { kind: "test", payload: {}, createdById: w.reviewer.id })).job;
    expect((await getJob(w.reviewer, job.id, w.db)).id).toBe(job.id);
    expect((await getJob(w.admin, job.id, w.db)).id).toBe(job.id);
    expect((await appErrorOf(getJob(w.contributor, job.id, w.db))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(getJob(w.contributor, "no-such-job", w.db))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(getJob(w.admin, "../etc", w.db))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(getJob(null, job.id, w.db))).code).toBe("UNAUTHENTICATED");
    expect((await appErrorOf(listJobs(w.reviewer, w.db))).code).toBe("FORBIDDEN");
    expect(await listJobs(w.admin, w.db)).toEqual([
      expect.objectContaining({ id: job.id, createdBy: expect.objectContaining({ email: w.reviewer.email }) }),
    ]);
  });

  it("retries a failed job (admins only), refusing one that is not failed or whose key is taken", async () => {
    const retries = () => w.db.auditEvent.findMany({ where: { action: "job.retry" } });
    const job = await queue("test", "r1", 1);
    await drainJobs(w.db, { test: async () => Promise.reject(new Error("boom")) });
    expect((await row(job.id)).status).toBe("FAILED");
    expect((await appErrorOf(retryJob(w.reviewer, job.id, w.db))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(retryJob(w.admin, 42, w.db))).code).toBe("VALIDATION");
    expect((await appErrorOf(retryJob(w.admin, "nope", w.db))).code).toBe("NOT_FOUND");

    // Meanwhile someone asked again: that job does the work, the old one cannot come back beside it.
    const newer = await queue("test", "r1");
    expect((await appErrorOf(retryJob(w.admin, job.id, w.db))).code).toBe("CONFLICT");
    await drainJobs(w.db, { test: async () => ({ ok: 1 }) });
    expect((await row(newer.id)).status).toBe("DONE");
    // Refused retries (the unique clash rolled its transaction back) wrote no audit event, and left the job failed.
    expect(await retries()).toEqual([]);
    expect((await row(job.id)).status).toBe("FAILED");

    const retried = await retryJob(w.admin, job.id, w.db);
    expect(retried).toMatchObject({ status: "QUEUED", attempts: 0, error: null });
    expect(await retries()).toEqual([
      expect.objectContaining({
        actorId: w.admin.id,
        subjectType: "Job",
        subjectId: job.id,
        data: { kind: "test", key: "r1", attempts: 1 },
      }),
    ]);
    expect((await appErrorOf(retryJob(w.admin, job.id, w.db))).code).toBe("INVALID_STATE");
    expect(await retries()).toHaveLength(1);
    await drainJobs(w.db, { test: async () => ({ ok: 2 }) });
    expect(await row(job.id)).toMatchObject({ status: "DONE", attempts: 1, result: { ok: 2 } });
  });
});
