"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { focusElement } from "@/app/components/focus";
import { useLeaveWarning } from "@/app/components/use-leave-warning";
import { editAction } from "@/app/(review)/queue/[id]/actions";
import { AnonymizePreview, type AnonymizeChoice } from "@/app/components/anonymize-preview";
import { sameList, scrubbedReferenceFields } from "@/lib/observations/anonymize-preview";
import type { Reference } from "@/lib/observations/view";

export function EditForm(props: {
  publicId: string;
  version: number;
  procedure: string;
  keptIndicators: string[];
  /** The stored references: previewed with the procedure, so the numbering and an un-keep's reach show as stored. */
  references?: Reference[];
  /** A reviewer editing someone else's work says why (lib/review/transitions editNeedsReason; the service checks). */
  reasonRequired?: boolean;
}) {
  const router = useRouter();
  const [procedure, setProcedure] = useState(props.procedure);
  // The edit carries its keep list: it starts as what the observation keeps, so saving never re-redacts it, and a
  // value un-kept here is replaced wherever the stored text holds it (lib/observations/kept.ts).
  const [choice, setChoice] = useState<AnonymizeChoice>({ keep: props.keptIndicators, redact: [] });
  // When the stored text changes under the form (a purge, another edit), the box follows it: an old copy saved
  // back would undo the change — a purged value would return.
  const [stored, setStored] = useState({ procedure: props.procedure, kept: props.keptIndicators });
  if (stored.procedure !== props.procedure || !sameList(stored.kept, props.keptIndicators)) {
    setStored({ procedure: props.procedure, kept: props.keptIndicators });
    setProcedure(props.procedure);
    setChoice((c) => ({ ...c, keep: props.keptIndicators }));
  }
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // After a save, focus moves to its outcome, so keyboard and screen-reader users hear it and read on from there.
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => focusElement(messageRef.current), [message]);
  const [busy, setBusy] = useState(false);
  // The server's field errors (e.g. "after anonymization the procedure is … over the limit"), by field.
  const [issues, setIssues] = useState<Record<string, string>>({});
  const changed =
    procedure !== props.procedure || !sameList(choice.keep, props.keptIndicators) || choice.redact.length > 0;
  useLeaveWarning(changed && !busy);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await editAction(props.publicId, {
      version: props.version,
      procedure,
      keep: choice.keep,
      redact: choice.redact,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    setBusy(false);
    setIssues(Object.fromEntries((result.ok ? [] : (result.error.issues ?? [])).map((i) => [i.path, i.message])));
    if (!result.ok) return setMessage({ ok: false, text: result.error.message });
    setMessage({ ok: true, text: `Saved as version ${result.value.version}.` });
    setReason("");
    router.refresh();
  }

  return (
    <form className="panel" onSubmit={save} aria-label="Edit procedure">
      <h2>Edit the procedure</h2>
      <label htmlFor="edit-procedure">Procedure text</label>
      <textarea id="edit-procedure" value={procedure} onChange={(e) => setProcedure(e.target.value)} />
      {issues.procedure && <p className="error">{issues.procedure}</p>}
      <AnonymizePreview
        idPrefix="edit"
        text={procedure}
        fields={scrubbedReferenceFields(props.references ?? [])}
        keep={choice.keep}
        redact={choice.redact}
        onChange={setChoice}
        storedLabel="The procedure as it will be stored:"
      />
      {issues.keep && <p className="error">{issues.keep}</p>}
      <label htmlFor="edit-reason">
        Why{props.reasonRequired ? " (required)" : ""}{" "}
        <span className="hint">(kept in the history, anonymized like the procedure)</span>
      </label>
      <input
        id="edit-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required={props.reasonRequired}
        aria-invalid={issues.reason ? true : undefined}
        aria-describedby={issues.reason ? "edit-reason-error" : undefined}
      />
      {issues.reason && (
        <p id="edit-reason-error" className="error">
          {issues.reason}
        </p>
      )}
      {message && (
        <p ref={messageRef} className={`notice ${message.ok ? "ok" : "bad"}`} role="status">
          {message.text}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy || !changed}>
          Save edit
        </button>
      </div>
    </form>
  );
}
