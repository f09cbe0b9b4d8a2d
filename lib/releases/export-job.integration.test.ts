// A release export as a job: the request queues it (one per release at a time) and answers at once; the worker runs
// exportRelease, reporting each phase; a refused export is a FAILED job carrying the refusal's code and message.
// The worker is not woken here (kickJobs is stubbed): each test runs it when it wants, with a recorder around it.
import { describe, expect, it, vi } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { changeUser } from "../auth/admin-users";
import { drainJobs, getJob } from "../jobs";
import { JOB_HANDLERS } from "../jobs/kinds";
import type { JobProgress } from "../jobs/worker";
import { createObservation } from "../observations/service";
import { transitionObservation } from "../review/workflow";
import { EXPORT_JOB_KIND, EXPORT_PHASE_LABELS } from "./export-phases";
import { latestExportJob, releaseNames, requestExport } from "./export-job";
import { createRelease, getReleaseBundle } from "./service";

vi.mock("../jobs/run", async (original) => ({ ...(await original<object>()), kickJobs: () => {} }));

const w = useWorkDb();

async function accepted() {
  const { observation } = await createObservation(w.contributor, observationInput(), w.db);
  await transitionObservation(w.reviewer, observation.id, { action: "claim", version: 1 }, w.db);
  await transitionObservation(w.reviewer, observation.id, { action: "accept", version: 2 }, w.db);
}
const openRelease = () =>
  createRelease(
    w.admin,
    { name: "Community additions 2026-12", domain: "enterprise-attack", attackVersion: "18.1" },
    w.db,
  );

/** Runs the due jobs with the real export handler, recording every progress update it makes. */
async function runRecorded(): Promise<JobProgress[]> {
  const seen: JobProgress[] = [];
  await drainJobs(w.db, {
    [EXPORT_JOB_KIND]: (payload, context) =>
      JOB_HANDLERS[EXPORT_JOB_KIND](payload, {
        ...context,
        progress: (update) => {
          seen.push(update);
          return context.progress(update);
        },
      }),
  });
  return seen;
}

describe("exporting a release through the job queue", () => {
  it("queues the export, gives a second request the same job, and runs it phase by phase to the bundle", async () => {
    const release = await openRelease();
    await accepted();
    const first = await requestExport(w.admin, release.id, w.db);
    expect(first).toMatchObject({ created: true, job: { kind: EXPORT_JOB_KIND, key: release.id, status: "QUEUED" } });
    expect(first.job.url).toBe(`/api/v1/jobs/${first.job.id}`);
    const again = await requestExport(w.admin, release.id, w.db);
    expect(again).toMatchObject({ created: false, job: { id: first.job.id } });
    expect(await w.db.job.count()).toBe(1);
    expect((await w.db.release.findUniqueOrThrow({ where: { id: release.id } })).status).toBe("OPEN");

    const seen = await runRecorded();
    expect(seen.map((s) => s.phase)).toEqual([...Object.values(EXPORT_PHASE_LABELS), "Done", "Done"]);
    expect(seen.map((s) => s.done)).toEqual([0, 1, 2, 3, 4, 5, 5]);
    expect(seen.every((s) => s.total === 5)).toBe(true);

    const done = await getJob(w.admin, first.job.id, w.db);
    expect(done).toMatchObject({ status: "DONE", progress: { done: 5, total: 5 }, error: null });
    expect(done.result).toMatchObject({ id: release.id, status: "EXPORTED", heldBackByTlp: 0 });
    const { text } = await getReleaseBundle(w.contributor, release.id, w.db);
    const { createHash } = await import("node:crypto");
    expect((done.result as { sha256: string }).sha256).toBe(createHash("sha256").update(text).digest("hex"));
    expect(await latestExportJob(w.admin, release.id, w.db)).toMatchObject({ id: first.job.id, status: "DONE" });

    // Once it has ended, asking again starts a new job, which returns the same bundle without redoing it.
    const later = await requestExport(w.admin, release.id, w.db);
    expect(later.created).toBe(true);
    expect((await runRecorded()).at(-1)).toMatchObject({ done: 5, total: 5, phase: "Done" });
    expect((await getJob(w.admin, later.job.id, w.db)).result).toEqual(done.result);
    expect(await w.db.auditEvent.count({ where: { action: "release.export" } })).toBe(1);
  });

  it("fails the job with the refusal's code and message when there is nothing to export", async () => {
    const release = await openRelease();
    const { job } = await requestExport(w.admin, release.id, w.db);
    await runRecorded();
    const failed = await getJob(w.admin, job.id, w.db);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, error: { code: "INVALID_STATE" } });
    expect(failed.error!.message).toMatch(/no accepted, attributed observations to export/);
    // The release is as it was, and a new request starts a new job.
    expect((await w.db.release.findUniqueOrThrow({ where: { id: release.id } })).status).toBe("OPEN");
    expect((await requestExport(w.admin, release.id, w.db)).created).toBe(true);
  });

  it("fails the job when the admin who asked was deactivated before it ran", async () => {
    const release = await openRelease();
    await accepted();
    const boss = await makeActor(w.db, "ADMIN");
    const { job } = await requestExport(w.admin, release.id, w.db);
    await changeUser(boss, w.admin.id, { deactivated: true }, w.db);
    await runRecorded();
    expect((await getJob(boss, job.id, w.db)).error).toMatchObject({ code: "FORBIDDEN" });
    expect((await w.db.release.findUniqueOrThrow({ where: { id: release.id } })).status).toBe("OPEN");
  });

  it("refuses before queueing: non-admins, and a release that does not exist", async () => {
    const release = await openRelease();
    expect((await appErrorOf(requestExport(w.reviewer, release.id, w.db))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(requestExport(null, release.id, w.db))).code).toBe("UNAUTHENTICATED");
    expect((await appErrorOf(requestExport(w.admin, "no-such-release", w.db))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(requestExport(w.admin, "../x", w.db))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(latestExportJob(w.reviewer, release.id, w.db))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(releaseNames(w.reviewer, [release.id], w.db))).code).toBe("FORBIDDEN");
    expect(await releaseNames(w.admin, [release.id, release.id, "gone"], w.db)).toEqual(
      new Map([[release.id, release.name]]),
    );
    expect(await w.db.job.count()).toBe(0);
  });
});
