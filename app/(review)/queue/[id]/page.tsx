import { loadPage } from "@/app/page-errors";
import { CatalogNotice } from "@/app/components/catalog-notice";
import { requireActor } from "@/app/require-actor";
import { ObservationSummary } from "@/app/components/observation-summary";
import { CommentBox } from "@/app/components/comment-box";
import { CommentThread } from "@/app/components/comment-thread";
import { TechniqueCheck } from "@/app/components/technique-check";
import { TransitionButtons } from "@/app/components/transition-buttons";
import { suggestFromCatalog } from "@/lib/attack/suggest-store";
import { db } from "@/lib/db/client";
import { getReviewDetail } from "@/lib/review/queue";
import { findDuplicateCandidates } from "@/lib/review/duplicates";
import { listAssignableReviewers } from "@/lib/review/assignees";
import { DuplicateCandidates } from "@/app/components/duplicate-candidates";
import { EditForm } from "@/app/components/edit-form";
import { MarkdownText } from "@/app/components/markdown";
import { PurgeForm } from "@/app/components/purge-form";
import { RevisionHistory } from "@/app/components/revision-history";
import type { Actor } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { compareRevisions, parseCompareQuery, type RevisionComparison } from "@/lib/observations/revisions";

export const dynamic = "force-dynamic";

export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const back = `/queue/${id}`;
  const actor = await requireActor("observation:read-any", back);
  const [detail, duplicates] = await loadPage(back, () =>
    Promise.all([getReviewDetail(actor, id, db()), findDuplicateCandidates(actor, id, db())]),
  );
  const { comparison, compareError } = await compareFromQuery(actor, id, await searchParams);
  const o = detail.observation;
  const suggestions = await suggestFromCatalog(db(), { text: o.procedure, domain: o.domain });
  return (
    <>
      <h1>{o.id}</h1>
      <CatalogNotice publicId={o.id} version={o.version} catalog={detail.catalog} canRemap={detail.canRemap} />
      <ObservationSummary observation={o} techniqueLabel={detail.techniqueLabel} actorName={detail.actorName} />
      <TechniqueCheck suggestions={suggestions} chosen={o.technique.id} />
      <TransitionButtons
        publicId={o.id}
        version={o.version}
        actions={detail.actions}
        keptIndicators={o.keptIndicators}
        reviewers={
          detail.actions.includes("assign") ? (await listAssignableReviewers(actor, db())).map((r) => r.email) : []
        }
      />
      {detail.canEdit && (
        <EditForm
          publicId={o.id}
          version={o.version}
          procedure={o.procedure}
          keptIndicators={o.keptIndicators}
          references={o.references}
          reasonRequired={detail.editNeedsReason}
        />
      )}
      <PurgeForm publicId={o.id} version={o.version} />
      <section aria-labelledby="pair-heading">
        <h2 id="pair-heading">Already in ATT&amp;CK for this pair</h2>
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
      </section>
      <DuplicateCandidates
        publicId={o.id}
        version={o.version}
        canMark={detail.actions.includes("duplicate")}
        candidates={duplicates}
      />
      <RevisionHistory
        publicId={o.id}
        version={o.version}
        revisions={detail.revisions}
        comparison={comparison}
        compareError={compareError}
        canRevert={detail.canEdit}
      />
      <CommentThread comments={detail.comments} showVisibility>
        {detail.commentAs.length > 0 && (
          <CommentBox publicId={o.id} keptIndicators={o.keptIndicators} visibilities={detail.commentAs} />
        )}
      </CommentThread>
    </>
  );
}

/** `?from=&to=`: the comparison, or the message saying what is wrong with the query (shown beside the form). */
async function compareFromQuery(
  actor: Actor,
  id: string,
  query: Record<string, string | string[] | undefined>,
): Promise<{ comparison: RevisionComparison | null; compareError: string | null }> {
  if (query.from === undefined && query.to === undefined) return { comparison: null, compareError: null };
  const params = new URLSearchParams();
  for (const key of ["from", "to"]) {
    const value = query[key];
    if (typeof value === "string") params.set(key, value);
  }
  try {
    return { comparison: await compareRevisions(actor, id, parseCompareQuery(params), db()), compareError: null };
  } catch (error) {
    if (isAppError(error) && (error.code === "VALIDATION" || error.code === "NOT_FOUND")) {
      return { comparison: null, compareError: error.message };
    }
    throw error;
  }
}
