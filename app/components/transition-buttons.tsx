"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { transitionAction } from "@/app/(review)/queue/[id]/actions";
import { AnonymizePreview } from "@/app/components/anonymize-preview";
import { ConfirmButton } from "@/app/components/confirm-button";
import { focusPageHeading } from "@/app/components/focus";
import { showToast } from "@/app/components/toaster";
import { useCommentChoice } from "@/app/components/use-comment-choice";
import type { TransitionAction } from "@/lib/observations/schema";
import { TRANSITIONS, needsComment } from "@/lib/review/transitions";

const LABELS: Record<TransitionAction, string> = {
  submit: "Resubmit",
  withdraw: "Withdraw",
  claim: "Claim for review",
  unclaim: "Unclaim",
  assign: "Assign",
  ask: "Ask for more information",
  accept: "Accept",
  reject: "Reject",
  duplicate: "Mark duplicate",
  reopen: "Reopen",
  answer: "Send answer",
};

// Destructive or closing decisions ask first (app/components/confirm-button.tsx): what it does and whether it can
// be undone.
const CONFIRM: Partial<Record<TransitionAction, string>> = {
  withdraw: "Withdraw this observation? Reviewers will no longer see it, and this cannot be undone.",
  reject: "Reject this observation? The contributor is told by e-mail; only an admin can reopen it.",
  duplicate: "Mark this observation as a duplicate? The contributor is told by e-mail; only an admin can reopen it.",
};

// What a success toast says; the page's heading gets focus, and the refreshed status badge tells the rest.
const DONE: Record<TransitionAction, string> = {
  submit: "Resubmitted: it is back in the review queue.",
  withdraw: "Withdrawn.",
  claim: "Claimed: you can edit and decide it now.",
  unclaim: "Unclaimed: it is back in the queue for any reviewer.",
  assign: "Assigned: the reviewer is told by e-mail.",
  ask: "Question sent: the contributor is told by e-mail.",
  accept: "Accepted: the contributor is told by e-mail.",
  reject: "Rejected: the contributor is told by e-mail.",
  duplicate: "Marked as a duplicate.",
  reopen: "Reopened.",
  answer: "Answer sent.",
};

export function TransitionButtons(props: {
  publicId: string;
  version: number;
  actions: TransitionAction[];
  keptIndicators?: string[];
  /** The reviewer picker's options (e-mails) when `assign` is among the actions. */
  reviewers?: string[];
}) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const { choice, setChoice, generation, reset } = useCommentChoice(props.keptIndicators);
  const [duplicateOf, setDuplicateOf] = useState("");
  const [assignee, setAssignee] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (props.actions.length === 0) return null;
  const decides = props.actions.some((a) => needsComment(a) || a === "accept");
  // The hint names what the table requires a reason for, and who reads it.
  const required = props.actions.filter(needsComment);
  const internal = required.length > 0 && required.every((a) => TRANSITIONS[a].commentVisibility === "INTERNAL");

  async function fire(action: TransitionAction) {
    setBusy(true);
    setError(null);
    const result = await transitionAction(props.publicId, {
      action,
      version: props.version,
      ...(comment.trim() ? { comment: comment.trim(), ...choice } : {}),
      ...(action === "duplicate" ? { duplicateOf: duplicateOf.trim() } : {}),
      ...(action === "assign" ? { assignee } : {}),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setComment("");
    reset();
    // The heading stays across the refresh (the button pressed may not): focus lands where the news is.
    focusPageHeading();
    showToast(DONE[action]);
    router.refresh();
  }

  return (
    <div className="panel">
      {decides && (
        <>
          <label htmlFor="decision-comment">
            Comment{" "}
            <span className="hint">
              ({internal ? "stays internal" : "the contributor reads it"}
              {required.length > 0 ? `; required to ${required.join(" or ")}` : ""})
            </span>
          </label>
          <textarea
            id="decision-comment"
            style={{ minHeight: "4rem" }}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <AnonymizePreview
            key={generation}
            idPrefix="decision"
            text={comment}
            keep={choice.keep}
            redact={choice.redact}
            onChange={setChoice}
            buttonLabel="Preview the comment's anonymization"
            storedLabel="The comment as it will be stored:"
          />
        </>
      )}
      {props.actions.includes("duplicate") && (
        <>
          <label htmlFor="duplicate-of">Duplicate of</label>
          <input
            id="duplicate-of"
            value={duplicateOf}
            onChange={(e) => setDuplicateOf(e.target.value)}
            placeholder="OBS-000012"
          />
        </>
      )}
      {props.actions.includes("assign") && (
        <>
          <label htmlFor="assign-to">Assign to</label>
          <select id="assign-to" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">Choose a reviewer…</option>
            {(props.reviewers ?? []).map((email) => (
              <option key={email} value={email}>
                {email}
              </option>
            ))}
          </select>
        </>
      )}
      {error && (
        <p className="notice bad" role="status">
          {error}
        </p>
      )}
      <div className="actions">
        {props.actions.map((action) => {
          const className =
            action === "reject" || action === "withdraw"
              ? "danger"
              : action === "accept" || action === "claim"
                ? ""
                : "secondary";
          const question = CONFIRM[action];
          return question ? (
            <ConfirmButton
              key={action}
              className={className}
              disabled={busy}
              title={`${LABELS[action]} ${props.publicId}?`}
              question={question}
              confirmLabel={`Yes, ${LABELS[action].toLowerCase()}`}
              onConfirm={() => fire(action)}
            >
              {LABELS[action]}
            </ConfirmButton>
          ) : (
            <button key={action} type="button" disabled={busy} className={className} onClick={() => fire(action)}>
              {LABELS[action]}
            </button>
          );
        })}
      </div>
    </div>
  );
}
