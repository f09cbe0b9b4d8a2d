import Link from "next/link";
import { loadPage } from "@/app/page-errors";
import { requireActor } from "@/app/require-actor";
import { StatusBadge } from "@/app/components/observation-summary";
import { ReleaseTacticChart } from "@/app/components/charts/release-chart";
import { db } from "@/lib/db/client";
import { latestExportJob } from "@/lib/releases/export-job";
import { getReleasePage } from "@/lib/releases/release-page";
import { ReleaseActions } from "../release-controls";
import { ReleaseDownloads } from "../release-downloads";
import { ReleaseGroups, ReviewerTable, UpstreamShare } from "./release-sections";

export const dynamic = "force-dynamic";

const day = (iso: string | null) => iso?.slice(0, 10) ?? "—";

// One release: its lifecycle and files, what it holds (by technique, by actor), who reviewed what, and how much of it
// ATT&CK took. The same people as the releases list.
export default async function ReleasePage(props: { params: Promise<{ id: string }> }) {
  const { id } = await props.params;
  const back = `/releases/${id}`;
  const actor = await requireActor("release:manage", back);
  const [page, exportJob] = await loadPage(back, () =>
    Promise.all([getReleasePage(actor, id, db()), latestExportJob(actor, id, db())]),
  );
  const r = page.release;
  return (
    <>
      <p className="breadcrumbs">
        <Link href="/releases">Releases</Link> / {r.name}
      </p>
      <h1>{r.name}</h1>
      <div className="panel" data-testid="release-lifecycle">
        <p>
          <StatusBadge status={r.status} />{" "}
          <span className="muted">
            {r.domain} · targets ATT&amp;CK {r.attackVersion} · {page.observations} observation(s)
          </span>
        </p>
        <dl className="facts">
          <dt>Opened</dt>
          <dd>{day(r.createdAt)}</dd>
          <dt>Frozen</dt>
          <dd>{day(r.frozenAt)}</dd>
          <dt>Exported</dt>
          <dd>{day(r.exportedAt)}</dd>
        </dl>
        {r.status === "EXPORTED" ? (
          <ReleaseDownloads releaseId={r.id} sha256={r.sha256} />
        ) : (
          <ReleaseActions
            releaseId={r.id}
            name={r.name}
            observations={page.observations}
            open={r.status === "OPEN"}
            running={exportJob && (exportJob.status === "QUEUED" || exportJob.status === "RUNNING") ? exportJob : null}
            lastError={exportJob?.status === "FAILED" ? exportJob.error?.message : null}
          />
        )}
      </div>
      {page.hiddenByTlp > 0 && (
        <p className="notice" role="note">
          {page.hiddenByTlp} more observation(s) of this release are beyond what your TLP level may see: counted, not
          shown.
        </p>
      )}
      {r.status === "EXPORTED" && <UpstreamShare share={page.upstream} />}
      <ReleaseTacticChart name={r.name} bars={page.techniquesPerTactic} counting="techniques" />
      <h2>Contents</h2>
      {page.observations === 0 ? (
        <p className="panel empty">No observation has joined this release yet: accepted observations join it.</p>
      ) : (
        <>
          <h3>By technique ({page.byTechnique.length})</h3>
          <ReleaseGroups groups={page.byTechnique} show="actor" testId="by-technique" />
          <h3>By actor ({page.byActor.length})</h3>
          <ReleaseGroups groups={page.byActor} show="technique" testId="by-actor" />
        </>
      )}
      <h2>Who reviewed what</h2>
      <ReviewerTable reviewers={page.reviewers} />
    </>
  );
}
