"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { editAction } from "@/app/(review)/queue/[id]/actions";

export function EditForm(props: { publicId: string; version: number; procedure: string }) {
  const router = useRouter();
  const [procedure, setProcedure] = useState(props.procedure);
  // When the stored text changes under the form (a purge, another edit), the box follows it: an old copy saved
  // back would undo the change — a purged value would return.
  const [storedProcedure, setStoredProcedure] = useState(props.procedure);
  if (storedProcedure !== props.procedure) {
    setStoredProcedure(props.procedure);
    setProcedure(props.procedure);
  }
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // The server's field errors (e.g. "after anonymization the procedure is … over the limit"), by field.
  const [issues, setIssues] = useState<Record<string, string>>({});

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await editAction(props.publicId, {
      version: props.version,
      procedure,
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
      <label htmlFor="edit-reason">
        Why <span className="hint">(kept in the history, anonymized like the procedure)</span>
      </label>
      <input id="edit-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      {issues.reason && <p className="error">{issues.reason}</p>}
      {message && (
        <p className={`notice ${message.ok ? "ok" : "bad"}`} role="status">
          {message.text}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy || procedure === props.procedure}>
          Save edit
        </button>
      </div>
    </form>
  );
}
