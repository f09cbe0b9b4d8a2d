"use client";

import { useEffect, useRef, useState } from "react";
import { focusElement } from "@/app/components/focus";
import { DIGEST_FREQUENCIES, DIGEST_LABELS, type DigestFrequency } from "@/lib/review/digest-rules";
import { setDigestAction } from "./actions";
import styles from "./digest-form.module.css";

const SAVED: Record<DigestFrequency, string> = {
  OFF: "Saved. You get no digest.",
  DAILY: "Saved. You get a daily digest of the review queue.",
  WEEKLY: "Saved. You get a weekly digest of the review queue.",
};

export function DigestForm({ initial }: { initial: DigestFrequency }) {
  const [choice, setChoice] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // The outcome takes focus, as on the credit form, so keyboard and screen-reader users hear it.
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => focusElement(messageRef.current), [message]);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const result = await setDigestAction({ digest: choice });
    setBusy(false);
    setMessage(result.ok ? { ok: true, text: SAVED[result.value.digest] } : { ok: false, text: result.error.message });
  }

  return (
    <form onSubmit={save} noValidate>
      <fieldset className={styles.choices} aria-describedby="digest-hint">
        <legend>How often</legend>
        <div className={styles.choiceList}>
          {DIGEST_FREQUENCIES.map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="digest"
                value={value}
                checked={choice === value}
                onChange={() => setChoice(value)}
              />
              {DIGEST_LABELS[value]}
            </label>
          ))}
        </div>
      </fieldset>
      <p id="digest-hint" className="hint">
        What waits for you (answered questions first), the queue&apos;s counts, what was decided and what has waited
        longest. Observation ids and techniques only, never their text. No mail when there is nothing to report.
      </p>
      {message && (
        <p ref={messageRef} className={`notice ${message.ok ? "ok" : "bad"}`} role="status">
          {message.text}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save digest choice"}
        </button>
      </div>
    </form>
  );
}
