import { loadPage } from "@/app/page-errors";
import { CatalogNotice } from "@/app/components/catalog-notice";
import { requireActor } from "@/app/require-actor";
import { ObservationSummary } from "@/app/components/observation-summary";
import { CommentBox } from "@/app/components/comment-box";
import { CommentThread } from "@/app/components/comment-thread";
import { EditForm } from "@/app/components/edit-form";
import { PurgeForm } from "@/app/components/purge-form";
import { ReplyBox } from "@/app/components/reply-box";
import { TransitionButtons } from "@/app/components/transition-buttons";
import { UpstreamBadge } from "@/app/components/upstream-badge";
import { db } from "@/lib/db/client";
import { getReviewDetail } from "@/lib/review/queue";

export const dynamic = "force-dynamic";

export default async function MyObservationPage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ submitted?: string }>;
}) {
  const { id } = await props.params;
  const { submitted } = await props.searchParams;
  const back = `/my/${id}`;
  const actor = await requireActor("observation:read-own", back);
  const detail = await loadPage(back, () => getReviewDetail(actor, id, db()));
  const o = detail.observation;
  return (
    <>
      <h1>{o.id}</h1>
      {submitted && (
        <p className="notice ok" role="status">
          Submitted. Reviewers see it in their queue; you get an e-mail when they decide or have a question.
        </p>
      )}
      {detail.upstream && (
        <p className="notice ok" data-testid="upstream-notice">
          <UpstreamBadge upstream={detail.upstream} /> ATT&amp;CK v{detail.upstream.version} cites this observation for
          its technique and actor: the ATT&amp;CK team took your contribution. Thank you.
        </p>
      )}
      <CatalogNotice publicId={o.id} version={o.version} catalog={detail.catalog} canRemap={detail.canRemap} />
      <ObservationSummary observation={o} techniqueLabel={detail.techniqueLabel} actorName={detail.actorName} />
      <CommentThread comments={detail.comments}>
        {/* While a question is open, the contributor's comment is the answer (it sends the observation back). */}
        {detail.actions.includes("answer") ? (
          <ReplyBox publicId={o.id} version={o.version} keptIndicators={o.keptIndicators} />
        ) : (
          detail.commentAs.length > 0 && (
            <CommentBox publicId={o.id} keptIndicators={o.keptIndicators} visibilities={detail.commentAs} />
          )
        )}
      </CommentThread>
      {detail.canEdit && (
        <EditForm
          publicId={o.id}
          version={o.version}
          procedure={o.procedure}
          keptIndicators={o.keptIndicators}
          references={o.references}
        />
      )}
      {/* The answer has its own box above; the buttons are resubmit and withdraw. */}
      <TransitionButtons publicId={o.id} version={o.version} actions={detail.actions.filter((a) => a !== "answer")} />
      <PurgeForm publicId={o.id} version={o.version} />
    </>
  );
}
