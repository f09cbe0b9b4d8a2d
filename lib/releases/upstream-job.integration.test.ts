// Closing the loop as a job (./upstream-job.ts), against a real database: the catalog import's own transaction
// queues one upstream-match job when exported observations may have been taken (none otherwise); a process that
// dies after the import's commit leaves it to the server's worker, which marks and mails exactly once; and
// `attack:import` runs the job itself at once, says what was taken and leaves it DONE on /jobs.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { seedCatalog } from "../../prisma/factories";
import { useTempOutbox } from "../../prisma/test-helpers";
import { importCatalog } from "../attack/import";
import { attackImportCommand } from "../cli/attack-import";
import { createTestDb, type TestDb } from "../db/testing";
import { drainJobs, enqueueJob, listJobs } from "../jobs";
import { JOB_HANDLERS } from "../jobs/kinds";
import { leaseMs } from "../jobs/rules";
import { flushMail, listOutbox } from "../mail";
import { UPSTREAM_JOB_KIND } from "./upstream-job";
import { exportedForUpstream, newerCatalog, takingTwo, type UpstreamWorld } from "./upstream.fixture";

const DOMAIN = "enterprise-attack";
const MOBILE_18_1 = path.resolve(process.cwd(), "../shared/attack/mobile-attack-18.1.json");

describe("upstream matching as a job of the job queue", () => {
  useTempOutbox();
  let t: TestDb;
  let w: UpstreamWorld;
  let folder = "";

  const upstreamJobs = () =>
    t.db.job.findMany({ where: { kind: UPSTREAM_JOB_KIND }, orderBy: [{ createdAt: "asc" }, { key: "asc" }] });
  const row = (id: string) => t.db.job.findUniqueOrThrow({ where: { id } });
  const marked = () =>
    t.db.observation.findMany({
      where: { upstreamAt: { not: null } },
      select: { publicId: true, upstreamVersion: true },
      orderBy: { publicId: "asc" },
    });
  const audits = () => t.db.auditEvent.count({ where: { action: "observation.upstream" } });
  const mails = async () => {
    await flushMail(t.db);
    return (await listOutbox(100)).filter((m) => /is in ATT&CK/.test(m.subject)).map((m) => m.subject);
  };
  /** Forgets every mark, so the next version's import has its two observations to take again. */
  const unmark = () =>
    t.db.observation.updateMany({ data: { upstreamAt: null, upstreamVersion: null, upstreamRelationshipId: null } });
  const catalog = (version: string) => newerCatalog(t.db, version, takingTwo(w.ids));
  const twoMarked = (version: string) =>
    [w.ids.cited, w.ids.record].sort().map((publicId) => ({ publicId, upstreamVersion: version }));

  beforeAll(async () => {
    t = await createTestDb();
    await seedCatalog(t.db);
    w = await exportedForUpstream(t.db);
    expect(w.exported).toMatchObject({ status: "EXPORTED", heldBackByTlp: 1 });
    folder = mkdtempSync(path.join(tmpdir(), "pe-upstream-job-"));
  });
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await t.drop();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("queues no job when nothing exported may have been taken", async () => {
    // No observation of the mobile domain; Enterprise 18.1 again is the same bytes (skipped).
    const mobile = await importCatalog(t.db, { path: MOBILE_18_1 });
    expect(mobile).toMatchObject({ domain: "mobile-attack", skipped: false, takenUpstream: 0, upstreamJob: null });
    const again = await importCatalog(t.db, {
      path: path.resolve(process.cwd(), "../shared/attack/enterprise-attack-18.1.json"),
    });
    expect(again).toMatchObject({ skipped: true, upstreamJob: null });
    expect(await upstreamJobs()).toEqual([]);
  });

  it("queues exactly one job with the catalog's rows; after a crash before the matching, a worker pass does it", async () => {
    // upstream: "queue" leaves the database as a process killed right after the import's commit does.
    const result = await importCatalog(t.db, { json: await catalog("18.2") }, { upstream: "queue" });
    expect(result).toMatchObject({ version: "18.2", current: true, takenUpstream: 0 });
    const jobs = await upstreamJobs();
    expect(jobs).toHaveLength(1);
    const [job] = jobs;
    expect(result.upstreamJob).toEqual({ id: job.id, status: "QUEUED", taken: 0 });
    // The row the import's driver wrote, as Prisma reads it (enqueueJob's columns and defaults).
    expect(job).toMatchObject({
      kind: UPSTREAM_JOB_KIND,
      key: `${DOMAIN}@18.2`,
      activeKey: `${UPSTREAM_JOB_KIND}:${DOMAIN}@18.2`,
      payload: { domain: DOMAIN, version: "18.2" },
      status: "QUEUED",
      attempts: 0,
      maxAttempts: 3,
      progressDone: 0,
      progressTotal: 0,
      createdById: null,
      result: null,
      startedAt: null,
    });
    expect(job.runAfter.getTime()).toBeLessThanOrEqual(Date.now());
    expect(Math.abs(job.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await marked()).toEqual([]);
    // The same version again with other bytes, before the worker ran: the job already queued is the one.
    const reimport = await importCatalog(t.db, { json: `${await catalog("18.2")}\n` }, { upstream: "queue" });
    expect(reimport).toMatchObject({ skipped: false, upstreamJob: { id: job.id, status: "QUEUED" } });
    expect(await upstreamJobs()).toHaveLength(1);

    // The server's worker, on its next pass.
    expect(await drainJobs(t.db, JOB_HANDLERS)).toMatchObject({ done: 1, failed: 0, retrying: 0 });
    // Three candidates (cited, uncited, record; the GREEN one was never published): progress over them.
    expect(await row(job.id)).toMatchObject({
      status: "DONE",
      attempts: 1,
      activeKey: null,
      progressDone: 3,
      progressTotal: 3,
      phase: "Done",
      result: { domain: DOMAIN, version: "18.2", taken: 2, mailed: 2, supersededBy: null },
    });
    expect(((await row(job.id)).result as { publicIds: string[] }).publicIds.sort()).toEqual(
      [w.ids.cited, w.ids.record].sort(),
    );
    expect(await marked()).toEqual(twoMarked("18.2"));
    expect(await audits()).toBe(2);
    expect(await mails()).toHaveLength(2);
  });

  it("marks and mails once: the job run again, or a later version's job, changes nothing", async () => {
    const again = await enqueueJob(t.db, {
      kind: UPSTREAM_JOB_KIND,
      key: `${DOMAIN}@18.2`,
      payload: { domain: DOMAIN, version: "18.2" },
    });
    expect(again.created).toBe(true);
    expect(await drainJobs(t.db, JOB_HANDLERS)).toMatchObject({ done: 1 });
    expect(await row(again.job.id)).toMatchObject({ status: "DONE", result: { taken: 0, mailed: 0 } });

    // The uncited observation is still a candidate, so 18.3's import queues a job; it takes nothing new.
    const later = await importCatalog(t.db, { json: await catalog("18.3") });
    expect(later).toMatchObject({ version: "18.3", takenUpstream: 0, upstreamJob: { status: "DONE", taken: 0 } });
    expect(await upstreamJobs()).toHaveLength(3);
    expect(await marked()).toEqual(twoMarked("18.2"));
    expect(await audits()).toBe(2);
    expect(await mails()).toHaveLength(2);
  });

  it("attack:import runs the job it queued at once, says what was taken, and leaves it DONE on /jobs", async () => {
    await unmark();
    const file = path.join(folder, "enterprise-attack-18.4.json");
    writeFileSync(file, await catalog("18.4"));
    const out: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => void out.push(parts.join(" ")));
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await attackImportCommand([file], t.db)).toBe(0);
    expect(out).toContain("2 exported observation(s) are in ATT&CK 18.4: their contributors were told");

    const job = (await upstreamJobs()).find((j) => j.key === `${DOMAIN}@18.4`)!;
    expect(job).toMatchObject({ status: "DONE", attempts: 1, progressDone: 3, progressTotal: 3, result: { taken: 2 } });
    expect(job.startedAt).not.toBeNull();
    expect(job.finishedAt).not.toBeNull();
    expect((await listJobs(w.admin, t.db)).find((j) => j.id === job.id)).toMatchObject({
      kind: UPSTREAM_JOB_KIND,
      status: "DONE",
      progress: { done: 3, total: 3 },
      createdBy: null,
    });
    expect(await marked()).toEqual(twoMarked("18.4"));
  });

  it("finishes the job of an attack:import that died while running it, once its lease has lapsed", async () => {
    await unmark();
    const { upstreamJob } = await importCatalog(t.db, { json: await catalog("18.5") }, { upstream: "queue" });
    // The CLI had claimed it (one attempt, a lease) and was killed.
    const lease = new Date(Date.now() + leaseMs());
    await t.db.job.update({
      where: { id: upstreamJob!.id },
      data: { status: "RUNNING", attempts: 1, lockedUntil: lease, startedAt: new Date() },
    });
    expect(await drainJobs(t.db, JOB_HANDLERS)).toMatchObject({ done: 0, taken: 0 });
    expect(await marked()).toEqual([]);
    expect(await drainJobs(t.db, JOB_HANDLERS, new Date(lease.getTime() + 1))).toMatchObject({ done: 1 });
    expect(await row(upstreamJob!.id)).toMatchObject({ status: "DONE", attempts: 2, result: { taken: 2 } });
    expect(await marked()).toEqual(twoMarked("18.5"));
  });

  it("leaves an older version's job, still queued when a newer one is imported, to the newer one's job", async () => {
    await unmark();
    const older = await importCatalog(t.db, { json: await catalog("18.6") }, { upstream: "queue" });
    const newer = await importCatalog(t.db, { json: await catalog("18.7") }, { upstream: "queue" });
    expect(await drainJobs(t.db, JOB_HANDLERS)).toMatchObject({ done: 2 });
    expect(await row(older.upstreamJob!.id)).toMatchObject({ result: { taken: 0, supersededBy: "18.7" } });
    expect(await row(newer.upstreamJob!.id)).toMatchObject({ result: { taken: 2, supersededBy: null } });
    expect(await marked()).toEqual(twoMarked("18.7"));
  });
});
