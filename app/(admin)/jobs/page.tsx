// Long work off the request path (exports, …), for admins: every job with its status, progress, who started it
// and when, and why a failed one failed; failed jobs can be retried. Reloads itself while something runs.
import Link from "next/link";
import { StatusBadge } from "@/app/components/observation-summary";
import { loadPage } from "@/app/page-errors";
import { requireActor } from "@/app/require-actor";
import { db } from "@/lib/db/client";
import { JOB_LIST_MAX, listJobs, type JobListItem } from "@/lib/jobs/admin";
import { releaseNames } from "@/lib/releases/export-job";
import { EXPORT_JOB_KIND } from "@/lib/releases/export-phases";
import { UPSTREAM_JOB_KIND, upstreamJobLabel, type UpstreamJobResult } from "@/lib/releases/upstream-job";
import { DIGEST_JOB_KIND } from "@/lib/review/digest-job";
import { RefreshWhileRunning, RetryJobButton } from "./job-controls";

export const dynamic = "force-dynamic";

const when = (iso: string | null) => (iso ? iso.slice(0, 19).replace("T", " ") : "—");

/** What the job is about, as a link where there is a page for it. */
function JobSubject({ job, releases }: { job: JobListItem; releases: Map<string, string> }) {
  if (job.kind === EXPORT_JOB_KIND && job.key)
    return (
      <>
        Export of{" "}
        <Link href={`/releases/${job.key}`}>{releases.get(job.key) ?? `release ${job.key.slice(0, 10)}…`}</Link>
      </>
    );
  if (job.kind === DIGEST_JOB_KIND) {
    const run = job.result as { sent?: number; skipped?: number } | null;
    return (
      <>
        Reviewers&apos; e-mail digests
        {run && typeof run.sent === "number" && (
          <span className="muted">
            : {run.sent} sent, {run.skipped ?? 0} skipped (nothing to report)
          </span>
        )}
      </>
    );
  }
  if (job.kind === UPSTREAM_JOB_KIND) {
    const run = job.result as Partial<UpstreamJobResult> | null;
    return (
      <>
        {upstreamJobLabel(job.key)}
        {run && typeof run.taken === "number" && (
          <span className="muted">
            {run.supersededBy
              ? `: left to the import of ${run.supersededBy}`
              : `: ${run.taken} taken upstream, ${run.mailed ?? 0} contributor(s) mailed`}
          </span>
        )}
      </>
    );
  }
  return <span className="mono">{job.kind}</span>;
}

export default async function JobsPage() {
  const actor = await requireActor("job:manage", "/jobs");
  const [jobs, releases] = await loadPage("/jobs", async () => {
    const list = await listJobs(actor, db());
    const exported = list.filter((j) => j.kind === EXPORT_JOB_KIND && j.key).map((j) => j.key!);
    return [list, await releaseNames(actor, exported, db())] as const;
  });
  const active = jobs.some((j) => j.status === "QUEUED" || j.status === "RUNNING");
  return (
    <>
      <h1>Jobs</h1>
      <p className="muted">
        Exports, the reviewers' digests and the matching of exported observations after an ATT&amp;CK import run here,
        off the request: the newest {JOB_LIST_MAX} jobs, with their progress. A failed job says why; retry it once the
        cause is fixed. {active && "This list reloads itself while a job runs."}
      </p>
      <RefreshWhileRunning active={active} />
      {jobs.length === 0 ? (
        <p className="panel empty">No job has run yet: exporting a release starts one.</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="jobs-caption" tabIndex={0}>
          <table className="jobs-table">
            <caption id="jobs-caption">Jobs, newest first</caption>
            <thead>
              <tr>
                <th>What</th>
                <th>Status</th>
                <th>Progress</th>
                <th>Who, when (UTC)</th>
              </tr>
            </thead>
            {/* One tbody per job: its row, and beneath it (the full width) why it failed. */}
            {jobs.map((j) => (
              <tbody key={j.id} data-testid="job-row">
                <tr>
                  <td>
                    <JobSubject job={j} releases={releases} />
                  </td>
                  <td>
                    <StatusBadge status={j.status} />
                    {j.attempts > 1 && <span className="muted nowrap"> attempt {j.attempts}</span>}
                  </td>
                  <td className="job-progress">
                    {j.progress.total > 0 ? (
                      <>
                        <progress
                          max={j.progress.total}
                          value={j.progress.done}
                          aria-label={`Progress of job ${j.id}`}
                        />
                        <p className="muted">
                          {j.progress.done} of {j.progress.total}
                          {j.status === "RUNNING" && j.progress.phase ? `: ${j.progress.phase}` : ""}
                        </p>
                      </>
                    ) : (
                      <span className="muted">{j.status === "QUEUED" ? "waiting" : "—"}</span>
                    )}
                  </td>
                  <td>
                    {j.createdBy ? j.createdBy.email : "system"}
                    <br />
                    <span className="muted nowrap">queued {when(j.createdAt)}</span>
                    {j.finishedAt && (
                      <>
                        <br />
                        <span className="muted nowrap">ended {when(j.finishedAt)}</span>
                      </>
                    )}
                  </td>
                </tr>
                {(j.error || j.status === "FAILED") && (
                  <tr>
                    <td colSpan={4}>
                      {j.error && <p className="error">{j.error.message}</p>}
                      {j.status === "FAILED" && <RetryJobButton id={j.id} what={`job ${j.id}`} />}
                    </td>
                  </tr>
                )}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </>
  );
}
