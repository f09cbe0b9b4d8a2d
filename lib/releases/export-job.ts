// A release export as a job (lib/jobs): the request checks who asks and that the release exists, queues the export
// (one per release at a time: a second request gets the job already running) and answers at once; the worker runs
// exportRelease, reporting each phase as progress. `npm run cli -- release:export` still runs it directly.
import { assertCan, isRole, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { enqueueJob, enqueueJobOnce, jobView, kickJobs, type JobHandler, type JobView } from "../jobs";
import { EXPORT_JOB_KIND, EXPORT_PHASE_LABELS, EXPORT_PHASES } from "./export-phases";
import { parseReleaseId } from "./release-id";
import { exportRelease } from "./service";

interface ExportPayload {
  releaseId: string;
}

/** Queues the export of a release (or finds the one queued or running) and wakes the worker. */
export async function requestExport(
  actor: Actor | null,
  rawId: unknown,
  db: Db,
): Promise<{ job: JobView; created: boolean }> {
  assertCan(actor, "release:manage");
  const releaseId = parseReleaseId(rawId);
  const queued = await enqueueJobOnce(() =>
    db.$transaction(async (tx) => {
      const release = await tx.release.findUnique({ where: { id: releaseId }, select: { id: true } });
      if (!release)
        throw new AppError("NOT_FOUND", `No release ${releaseId}: open the release from the Releases page.`);
      const payload: ExportPayload = { releaseId };
      return enqueueJob(tx, { kind: EXPORT_JOB_KIND, key: releaseId, payload: { ...payload }, createdById: actor.id });
    }),
  );
  if (queued.created) kickJobs(db);
  return { job: jobView(queued.job), created: queued.created };
}

/** The release's export under way, else its latest one (the release page's progress, result or error). */
export async function latestExportJob(actor: Actor | null, releaseId: string, db: Db): Promise<JobView | null> {
  assertCan(actor, "release:manage");
  const job = await db.job.findFirst({
    where: { kind: EXPORT_JOB_KIND, key: releaseId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return job ? jobView(job) : null;
}

/** The admin who asked, as they are now: one deactivated or no longer admin since cannot export through the job. */
async function requesterOf(db: Db, id: string | null): Promise<Actor> {
  const user = id ? await db.user.findUnique({ where: { id } }) : null;
  if (!user || user.deactivatedAt || !isRole(user.role))
    throw new AppError(
      "FORBIDDEN",
      "The account that asked for this export is gone or deactivated: an active admin must export the release again.",
    );
  return { id: user.id, email: user.email, role: user.role };
}

export const exportJobHandler: JobHandler = async (payload, { db, job, progress }) => {
  const { releaseId } = payload as ExportPayload;
  const actor = await requesterOf(db, job.createdById);
  const total = EXPORT_PHASES.length;
  await progress({ done: 0, total, phase: EXPORT_PHASE_LABELS.read });
  const result = await exportRelease(actor, releaseId, db, {
    onPhase: async (ended) => {
      const done = EXPORT_PHASES.indexOf(ended) + 1;
      const next = EXPORT_PHASES[done];
      await progress({ done, total, phase: next ? EXPORT_PHASE_LABELS[next] : "Done" });
    },
  });
  await progress({ done: total, total, phase: "Done" });
  return { ...result, sha256: result.sha256 ?? null };
};

/** The names of these releases (the /jobs page names what each export is of); a deleted one is missing. */
export async function releaseNames(actor: Actor | null, ids: string[], db: Db): Promise<Map<string, string>> {
  assertCan(actor, "release:manage");
  const rows = await db.release.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((r) => [r.id, r.name]));
}
