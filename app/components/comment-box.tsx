"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { commentAction } from "@/app/(review)/queue/[id]/actions";
import { AnonymizePreview } from "@/app/components/anonymize-preview";
import { useCommentChoice } from "@/app/components/use-comment-choice";
import { useLeaveWarning } from "@/app/components/use-leave-warning";
import { VISIBILITY_LABELS, type CommentVisibility } from "@/lib/review/comments-schema";
import styles from "./comments.module.css";

/** Who reads the comment: a reviewer's shared comment goes to the contributor, the contributor's to the reviewers. */
function whoReads(visibility: CommentVisibility, reviewer: boolean): string {
  if (visibility === "INTERNAL") return "anonymized like the procedure; reviewers and admins only, never e-mailed";
  return reviewer
    ? "anonymized like the procedure; the contributor reads it and gets it by e-mail"
    : "anonymized like the procedure; reviewers read it, and the one who claimed it gets it by e-mail";
}

/** A comment on demand (lib/review/comments addComment). `visibilities`: what this actor may write, SHARED first. */
export function CommentBox(props: { publicId: string; keptIndicators?: string[]; visibilities: CommentVisibility[] }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [visibility, setVisibility] = useState<CommentVisibility>(props.visibilities[0]);
  const { choice, setChoice, generation, reset } = useCommentChoice(props.keptIndicators);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useLeaveWarning(body.trim() !== "" && !busy);

  async function send(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSent(null);
    const result = await commentAction(props.publicId, { body, visibility, ...choice });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setBody("");
    reset();
    setSent(visibility === "INTERNAL" ? "Internal note saved." : "Comment sent.");
    router.refresh();
  }

  return (
    <form className="panel" onSubmit={send} aria-label="Write a comment">
      {props.visibilities.length > 1 && (
        <fieldset className={styles.choices}>
          <legend>Who reads it</legend>
          {props.visibilities.map((v) => (
            <label key={v}>
              <input
                type="radio"
                name="comment-visibility"
                value={v}
                checked={visibility === v}
                onChange={() => setVisibility(v)}
              />{" "}
              {VISIBILITY_LABELS[v]}
            </label>
          ))}
        </fieldset>
      )}
      <label htmlFor="comment-body">
        Your comment <span className="hint">({whoReads(visibility, props.visibilities.includes("INTERNAL"))})</span>
      </label>
      <textarea id="comment-body" value={body} onChange={(e) => setBody(e.target.value)} />
      <AnonymizePreview
        key={generation}
        idPrefix="comment"
        text={body}
        keep={choice.keep}
        redact={choice.redact}
        onChange={setChoice}
        buttonLabel="Preview the comment's anonymization"
        storedLabel="Your comment as it will be stored:"
      />
      {error && (
        <p className="notice bad" role="status">
          {error}
        </p>
      )}
      {sent && (
        <p className="notice ok" role="status">
          {sent}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy || !body.trim()}>
          {visibility === "INTERNAL" ? "Save internal note" : "Send comment"}
        </button>
      </div>
    </form>
  );
}
