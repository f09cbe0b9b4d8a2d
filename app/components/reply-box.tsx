"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { replyAction } from "@/app/(review)/queue/[id]/actions";
import { AnonymizePreview, type AnonymizeChoice } from "@/app/components/anonymize-preview";
import { useLeaveWarning } from "@/app/components/use-leave-warning";
import { sameList } from "@/lib/observations/anonymize-preview";

/** The contributor's answer to the reviewer's question (the `answer` transition, via POST …/comments). */
export function ReplyBox(props: { publicId: string; version: number; keptIndicators?: string[] }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  // A comment starts with what the observation keeps: its public indicators read the same in the discussion.
  const fresh = (): AnonymizeChoice => ({ keep: props.keptIndicators ?? [], redact: [] });
  const [choice, setChoice] = useState<AnonymizeChoice>(fresh);
  // An edit that keeps or un-keeps a value changes the observation's list under the box: the box follows it.
  const [storedKept, setStoredKept] = useState(props.keptIndicators ?? []);
  if (!sameList(storedKept, props.keptIndicators ?? [])) {
    setStoredKept(props.keptIndicators ?? []);
    setChoice((c) => ({ ...c, keep: props.keptIndicators ?? [] }));
  }
  // A sent answer starts a fresh preview (its keep list and terms were for that text).
  const [sent, setSent] = useState(0);
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
    setChoice(fresh());
    setSent((n) => n + 1);
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
        key={sent}
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
