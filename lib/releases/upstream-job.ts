// Closing the loop (./upstream.ts) as a job of the job queue (lib/jobs). A catalog import queues it in its own
// transaction when exported observations may have been taken (lib/attack/import-write.ts), so a process killed right
// after the import's commit leaves the matching to the server's worker instead of losing it. `attack:import` runs it
// at once in its own process (runUpstreamJob, claimed as the worker claims a job), so it shows on /jobs as done.
// Light on purpose: the import reads the kind and key from here; the matching and its mail modules load when it runs.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { JobRow } from "../jobs/queue";
import { runDueJob, type JobHandler } from "../jobs/worker";

export const UPSTREAM_JOB_KIND = "upstream-match";

const ZUpstreamJobPayload = z.object({ domain: z.string().min(1).max(64), version: z.string().min(1).max(32) });
export type UpstreamJobPayload = z.infer<typeof ZUpstreamJobPayload>;

/** One matching per imported version of a domain at a time. */
export const upstreamJobKey = ({ domain, version }: UpstreamJobPayload) => `${domain}@${version}`;

/** What /jobs calls the job, from its key: "Matching exported observations against ATT&CK enterprise-attack 18.2". */
export const upstreamJobLabel = (key: string | null) =>
  `Matching exported observations against ATT&CK ${key ? key.replace("@", " ") : "a new version"}`;

export interface UpstreamJobResult extends UpstreamJobPayload {
  /** Observations this run marked taken upstream (a rerun marks none: the mark is set once). */
  taken: number;
  /** Contributors mailed (one per marked observation whose contributor is active). */
  mailed: number;
  /** The first marked observations' public ids. */
  publicIds: string[];
  /** A newer version of the domain was imported before this ran: that import's own job matches instead. */
  supersededBy: string | null;
}

const SHOWN_IDS = 50;

export const upstreamJobHandler: JobHandler = async (payload, { db, progress }) => {
  const parsed = ZUpstreamJobPayload.safeParse(payload);
  if (!parsed.success) throw new AppError("VALIDATION", "An upstream job names a domain and a version.");
  const catalog = parsed.data;
  const none: UpstreamJobResult = { ...catalog, taken: 0, mailed: 0, publicIds: [], supersededBy: null };
  // The catalog's rows are the current version's: matching an older version against them would credit it with
  // what the newer one took. The newer import found the same observations unmarked and queued its own job.
  const current = await db.catalogVersion.findFirst({
    where: { domain: catalog.domain, current: true },
    select: { version: true },
  });
  if (current && current.version !== catalog.version) return { ...none, supersededBy: current.version };
  const phase = upstreamJobLabel(upstreamJobKey(catalog));
  const { markTakenUpstream } = await import("./upstream");
  const result = await markTakenUpstream(db, catalog, {
    onProgress: (done, total) => progress({ done, total, phase: done === total ? "Done" : phase }),
  });
  return {
    ...none,
    taken: result.marked.length,
    mailed: result.mailed,
    publicIds: result.marked.slice(0, SHOWN_IDS).map((m) => m.publicId),
  };
};

export interface UpstreamJobState {
  id: string;
  status: JobRow["status"];
  /** What it marked, once DONE (0 before). */
  taken: number;
}

/** The job as it is now. */
export async function upstreamJobState(db: Db, id: string): Promise<UpstreamJobState> {
  const job = await db.job.findUniqueOrThrow({ where: { id } });
  const result = job.status === "DONE" ? (job.result as Partial<UpstreamJobResult> | null) : null;
  return { id, status: job.status, taken: result?.taken ?? 0 };
}

/**
 * Runs the upstream job an import queued, now, in this process: claimed, leased and ended as the server's worker
 * would (attempts, progress and result on its row). Still QUEUED or RUNNING afterwards when another worker holds it
 * or its attempt failed (retried by the server's worker after the backoff).
 */
export async function runUpstreamJob(db: Db, id: string): Promise<UpstreamJobState> {
  await runDueJob(db, { [UPSTREAM_JOB_KIND]: upstreamJobHandler }, id);
  return upstreamJobState(db, id);
}
