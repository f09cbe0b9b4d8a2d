"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { replyAction } from "@/app/(review)/queue/[id]/actions";
import { AnonymizePreview } from "@/app/components/anonymize-preview";
import { useCommentChoice } from "@/app/components/use-comment-choice";
import { useLeaveWarning } from "@/app/components/use-leave-warning";

/** The contributor's answer to the reviewer's question (the `answer` transition, via POST …/comments). */
export function ReplyBox(props: { publicId: string; version: number; keptIndicators?: string[] }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const { choice, setChoice, generation, reset } = useCommentChoice(props.keptIndicators);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useLeaveWarning(body.trim() !== "" && !busy);

  async function send(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await replyAction(props.publicId, { body, version: props.version, ...choice });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setBody("");
    reset();
    router.refresh();
  }

  return (
    <form className="panel" onSubmit={send} aria-label="Answer the reviewer">
      <h2>Answer the reviewer&apos;s question</h2>
      <label htmlFor="reply-body">
        Your answer{" "}
        <span className="hint">
          (anonymized like the procedure; the reviewer who asked gets it by e-mail and the observation goes back to the
          queue)
        </span>
      </label>
      <textarea id="reply-body" value={body} onChange={(e) => setBody(e.target.value)} />
      <AnonymizePreview
        key={generation}
        idPrefix="reply"
        text={body}
        keep={choice.keep}
        redact={choice.redact}
        onChange={setChoice}
        buttonLabel="Preview the answer's anonymization"
        storedLabel="Your answer as it will be stored:"
      />
      {error && (
        <p className="notice bad" role="status">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy || !body.trim()}>
          Send answer
        </button>
      </div>
      <p className="hint">Or edit the procedure below and resubmit it.</p>
    </form>
  );
}
