// The digests as a job: the clock queues a run only when a digest is due (one run at a time), and the run's job
// records what it did.
import { describe, expect, it, vi } from "vitest";
import { useWorkDb } from "../../prisma/test-helpers";
import { drainJobs } from "../jobs";
import { JOB_HANDLERS } from "../jobs/kinds";
import { DIGEST_JOB_KIND, queueDigestRun } from "./digest-job";

vi.mock("../jobs/run", async (original) => ({ ...(await original<object>()), kickJobs: () => {} }));

const w = useWorkDb();

describe("the digest run as a job", () => {
  it("queues a run when a digest is due, once, and records what it sent; nothing due queues nothing", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    await queueDigestRun(w.db);
    expect(await w.db.job.count()).toBe(0); // nobody chose a digest

    await w.db.user.update({ where: { id: w.reviewer.id }, data: { digest: "DAILY" } });
    await queueDigestRun(w.db);
    await queueDigestRun(w.db); // the next tick while it waits: the same run
    const [job] = await w.db.job.findMany();
    expect(await w.db.job.count()).toBe(1);
    expect(job).toMatchObject({ kind: DIGEST_JOB_KIND, status: "QUEUED", createdById: null, payload: { due: 1 } });

    await drainJobs(w.db, JOB_HANDLERS);
    const done = await w.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(done).toMatchObject({ status: "DONE", progressDone: 1, progressTotal: 1 });
    const result = done.result as { sent: number; skipped: number; failed: number };
    expect(result.sent + result.skipped).toBe(1);
    expect(result.failed).toBe(0);
    expect((await w.db.user.findUniqueOrThrow({ where: { id: w.reviewer.id } })).digestSentAt).not.toBeNull();

    // Sent for today: the next tick finds nothing due and leaves no row.
    await queueDigestRun(w.db);
    expect(await w.db.job.count()).toBe(1);
    vi.restoreAllMocks();
  });
});
