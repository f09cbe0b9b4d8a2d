"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { focusElement } from "@/app/components/focus";
import { purgeAction } from "@/app/(review)/queue/[id]/actions";
import { PURGE_VALUE_MAX, PURGE_VALUE_MIN } from "@/lib/observations/purge-schema";

/** "Purge a leaked value": rewrites the current text, history, comments and outbox copies (issue 6 item 5). */
export function PurgeForm(props: { publicId: string; version: number }) {
  const router = useRouter();
  const [value, setValue] = useState("");
  const [reason, setReason] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // After a save, focus moves to its outcome, so keyboard and screen-reader users hear it and read on from there.
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => focusElement(messageRef.current), [message]);

  async function purge(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await purgeAction(props.publicId, {
      value,
      version: props.version,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    setBusy(false);
    if (!result.ok) return setMessage({ ok: false, text: result.error.message });
    const r = result.value.replaced;
    setMessage({
      ok: true,
      text: `Purged: ${r.observation} field(s) of the current text, ${r.revisions} revision(s), ${r.comments} comment(s) and ${r.mails} outbox mail(s) rewritten; now version ${result.value.version}.`,
    });
    // The value leaves the page too: nothing keeps it in the browser's state.
    setValue("");
    setReason("");
    setConfirmed(false);
    router.refresh();
  }

  return (
    <form className="panel" onSubmit={purge} aria-label="Purge a leaked value">
      <h2>Purge a leaked value</h2>
      <label htmlFor="purge-value">
        Leaked value <span className="hint">(a whole word or phrase; replaced by a [TERM-n] placeholder)</span>
      </label>
      <input
        id="purge-value"
        autoComplete="off"
        minLength={PURGE_VALUE_MIN}
        maxLength={PURGE_VALUE_MAX}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <label htmlFor="purge-reason">
        Purge note <span className="hint">(optional: why; kept in the history, anonymized)</span>
      </label>
      <input id="purge-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      <label>
        <input
          type="checkbox"
          style={{ width: "auto", marginRight: "0.5rem" }}
          checked={confirmed}
          onChange={(e) => setConfirmed(e.target.checked)}
        />
        This rewrites the whole history; it cannot be undone
      </label>
      {message && (
        <p ref={messageRef} className={`notice ${message.ok ? "ok" : "bad"}`} role="status">
          {message.text}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy || !confirmed || value.trim().length < PURGE_VALUE_MIN}>
          Purge everywhere
        </button>
      </div>
    </form>
  );
}
