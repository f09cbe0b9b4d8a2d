"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { transitionAction } from "@/app/(review)/queue/[id]/actions";
import type { TransitionAction } from "@/lib/observations/schema";

const LABELS: Record<TransitionAction, string> = {
  submit: "Resubmit",
  withdraw: "Withdraw",
  claim: "Claim for review",
  ask: "Ask for more information",
  accept: "Accept",
  reject: "Reject",
  duplicate: "Mark duplicate",
  reopen: "Reopen",
};
const NEEDS_COMMENT = new Set<TransitionAction>(["ask", "reject"]);

export function TransitionButtons(props: { publicId: string; version: number; actions: TransitionAction[] }) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [duplicateOf, setDuplicateOf] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (props.actions.length === 0) return null;
  const decides = props.actions.some((a) => NEEDS_COMMENT.has(a) || a === "accept");

  async function fire(action: TransitionAction) {
    setBusy(true);
    setError(null);
    const result = await transitionAction(props.publicId, {
      action,
      version: props.version,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(action === "duplicate" ? { duplicateOf: duplicateOf.trim() } : {}),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setComment("");
    router.refresh();
  }

  return (
    <div className="panel">
      {decides && (
        <>
          <label htmlFor="decision-comment">
            Comment <span className="hint">(the contributor reads it; required to reject or ask)</span>
          </label>
          <textarea
            id="decision-comment"
            style={{ minHeight: "4rem" }}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
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
      {error && (
        <p className="notice bad" role="status">
          {error}
        </p>
      )}
      <div className="actions">
        {props.actions.map((action) => (
          <button
            key={action}
            type="button"
            disabled={busy}
            className={
              action === "reject" || action === "withdraw"
                ? "danger"
                : action === "accept" || action === "claim"
                  ? ""
                  : "secondary"
            }
            onClick={() => fire(action)}
          >
            {LABELS[action]}
          </button>
        ))}
      </div>
    </div>
  );
}
