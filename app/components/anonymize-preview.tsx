"use client";

// One anonymization preview wherever text enters (issue 6 §4): the submit form, the edit form, the reply box and
// the decision comment. It shows what will be stored, the findings with a keep toggle each, the kept values with an
// "Un-keep" button each, and the "Also replace" terms. What must stay true: a toggle or a new term re-runs the preview
// by itself (debounced) while the last preview stays on screen; nothing here ever clears the form around it.
import { useEffect, useState } from "react";
import { FindingsTable, KeptList } from "./anonymize-findings";
import {
  ANONYMIZE_DEBOUNCE_MS,
  fieldLabel,
  sameList,
  splitTerms,
  toggled,
  type PreviewResult,
} from "@/lib/observations/anonymize-preview";

export interface AnonymizeChoice {
  keep: string[];
  redact: string[];
}

export function AnonymizePreview(props: {
  /** Prefixes the element ids: a page may hold several previews (edit form and comment box). */
  idPrefix: string;
  text: string;
  /** Other free-text fields by path (`references.0.description`), previewed with the text's numbering. */
  fields?: Record<string, string>;
  keep: string[];
  redact: string[];
  onChange: (choice: AnonymizeChoice) => void;
  /** The first preview waits for this button; after it, every change re-runs it. */
  buttonLabel?: string;
  storedLabel?: string;
  redactHint?: string;
}) {
  const { text, fields, keep, redact, onChange } = props;
  const [active, setActive] = useState(false);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [redactText, setRedactText] = useState(redact.join("\n"));
  // Terms set from outside (a restored draft) show in the box; the box's own typing comes back equal and stays.
  const [outerRedact, setOuterRedact] = useState(redact);
  if (!sameList(outerRedact, redact)) {
    setOuterRedact(redact);
    if (!sameList(splitTerms(redactText), redact)) setRedactText(redact.join("\n"));
  }
  const request = JSON.stringify({ text, ...(fields ? { fields } : {}), keep, redact });

  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    // The first run answers the button at once; later ones wait for typing or toggling to pause.
    const timer = setTimeout(
      async () => {
        setPending(true);
        try {
          const res = await fetch("/api/v1/anonymize", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: request,
            signal: controller.signal,
          });
          const body = await res.json();
          if (controller.signal.aborted) return;
          if (!res.ok) setError(body.error?.message ?? "The preview failed: your text is unchanged; try again.");
          else {
            setPreview(body);
            setError(null);
          }
        } catch {
          if (!controller.signal.aborted)
            setError("The preview could not reach the server: your text is unchanged; try again.");
        } finally {
          if (!controller.signal.aborted) setPending(false);
        }
      },
      preview ? ANONYMIZE_DEBOUNCE_MS : 0,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // Deliberately not on `preview`: it only picks the delay, and re-running when it arrives would loop.
  }, [active, request]);

  const setKeep = (next: string[]) => {
    onChange({ keep: next, redact });
    setActive(true);
  };
  const id = (name: string) => `${props.idPrefix}-${name}`;

  return (
    <div className="anonymize-preview">
      <label htmlFor={id("redact")}>
        Also replace{" "}
        <span className="hint">{props.redactHint ?? "(customer or person names, one per line; not stored)"}</span>
      </label>
      <textarea
        id={id("redact")}
        style={{ minHeight: "3rem" }}
        value={redactText}
        onChange={(e) => {
          setRedactText(e.target.value);
          onChange({ keep, redact: splitTerms(e.target.value) });
        }}
      />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setActive(true)} disabled={active && pending}>
          {props.buttonLabel ?? "Preview anonymization"}
        </button>
      </div>
      {error && (
        <p className="notice bad" role="status">
          {error}
        </p>
      )}
      {preview && (
        <div className="notice" data-testid="anonymization-preview" data-state={pending ? "updating" : "ready"}>
          <strong>{props.storedLabel ?? "This is what will be stored:"}</strong>
          {pending && <span className="muted"> updating…</span>}
          <pre>{preview.text}</pre>
          {Object.entries(preview.fields ?? {})
            .filter(([path, stored]) => stored !== (fields?.[path] ?? "").trim())
            .map(([path, stored]) => (
              <p key={path}>
                <span className="muted">{fieldLabel(path)}:</span> <span className="mono">{stored}</span>
              </p>
            ))}
          <FindingsTable
            findings={preview.findings}
            keep={keep}
            onToggle={(value, on) => setKeep(toggled(keep, value, on))}
            hintId={id("never-public")}
          />
        </div>
      )}
      {keep.length > 0 && (text.trim() || preview) && (
        <KeptList
          keep={keep}
          kept={preview && !pending ? (preview.kept ?? []) : null}
          onUnkeep={(value) => setKeep(toggled(keep, value, false))}
        />
      )}
    </div>
  );
}
