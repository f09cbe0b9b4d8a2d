import { loadPage } from "@/app/page-errors";
import { CatalogNotice } from "@/app/components/catalog-notice";
import { requireActor } from "@/app/require-actor";
import { CommentList, ObservationSummary } from "@/app/components/observation-summary";
import { TransitionButtons } from "@/app/components/transition-buttons";
import { db } from "@/lib/db/client";
import { getReviewDetail } from "@/lib/review/queue";
import { EditForm } from "@/app/components/edit-form";
import { MarkdownText } from "@/app/components/markdown";
import { PurgeForm } from "@/app/components/purge-form";

export const dynamic = "force-dynamic";

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const back = `/queue/${id}`;
  const actor = await requireActor("observation:read-any", back);
  const detail = await loadPage(back, () => getReviewDetail(actor, id, db()));
  const o = detail.observation;
  return (
    <>
      <h1>{o.id}</h1>
      <CatalogNotice publicId={o.id} version={o.version} catalog={detail.catalog} canRemap={detail.canRemap} />
      <ObservationSummary observation={o} techniqueLabel={detail.techniqueLabel} actorName={detail.actorName} />
      <TransitionButtons
        publicId={o.id}
        version={o.version}
        actions={detail.actions}
        keptIndicators={o.keptIndicators}
      />
      {detail.canEdit && (
        <EditForm
          publicId={o.id}
          version={o.version}
          procedure={o.procedure}
          keptIndicators={o.keptIndicators}
          references={o.references}
        />
      )}
      <PurgeForm publicId={o.id} version={o.version} />
      <h2>Already in ATT&amp;CK for this pair</h2>
      {detail.knownProcedures.length === 0 ? (
        <p className="muted">ATT&amp;CK has no procedure example for this actor and technique yet.</p>
      ) : (
        <ul>
          {detail.knownProcedures.map((k) => (
            <li key={k.stixId}>
              <MarkdownText text={k.description} citations={k.references} />
            </li>
          ))}
        </ul>
      )}
      <h2 id="history-heading">History</h2>
      <div className="table-scroll" role="region" aria-labelledby="history-heading" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th>Version</th>
              <th>By</th>
              <th>What</th>
              <th>When</th>
            </tr>
          </thead>
          <tbody>
            {detail.revisions.map((r) => (
              <tr key={r.version}>
                <td>{r.version}</td>
                <td>{r.editor}</td>
                <td>{r.reason}</td>
                <td className="mono">{r.createdAt.slice(0, 19).replace("T", " ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CommentList title="Comments" comments={detail.comments} showVisibility />
    </>
  );
}
