"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { focusElement } from "@/app/components/focus";
import { useLeaveWarning } from "@/app/components/use-leave-warning";
import { CREDIT_NAME_MAX, CREDIT_ORG_MAX } from "@/lib/auth/profile";
import { updateProfileAction } from "./actions";

interface Values {
  creditName: string;
  creditOrg: string;
}

export function ProfileForm({ initial }: { initial: Values }) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // After a save, focus moves to its outcome, so keyboard and screen-reader users hear it and read on from there.
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => focusElement(messageRef.current), [message]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(initial);
  useLeaveWarning(!busy && (values.creditName !== saved.creditName || values.creditOrg !== saved.creditOrg));

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const result = await updateProfileAction(values);
    setBusy(false);
    if (result.ok) {
      setErrors({});
      const stored = { creditName: result.value.creditName ?? "", creditOrg: result.value.creditOrg ?? "" };
      setValues(stored);
      setSaved(stored);
      setMessage({ ok: true, text: "Saved. New submissions can now use this credit." });
      router.refresh();
      return;
    }
    const byField: Partial<Record<keyof Values, string>> = {};
    for (const issue of result.error.issues ?? []) {
      if (issue.path === "creditName" || issue.path === "creditOrg") byField[issue.path] ??= issue.message;
    }
    setErrors(byField);
    setMessage({ ok: false, text: result.error.message });
  }

  const field = (key: keyof Values, label: string, max: number, hint: string) => (
    <div>
      <label htmlFor={key}>{label}</label>
      <input
        id={key}
        name={key}
        value={values[key]}
        maxLength={max}
        autoComplete={key === "creditName" ? "name" : "organization"}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={`${key}-hint${errors[key] ? ` ${key}-error` : ""}`}
        onChange={(e) => setValues({ ...values, [key]: e.target.value })}
      />
      <p id={`${key}-hint`} className="hint">
        {hint}
      </p>
      {errors[key] && (
        <p id={`${key}-error`} className="error">
          {errors[key]}
        </p>
      )}
    </div>
  );

  return (
    <form onSubmit={save} noValidate>
      <div className="row">
        {field("creditName", "Display name", CREDIT_NAME_MAX, "Used by “named” credit, e.g. Jane Doe.")}
        {field("creditOrg", "Organization", CREDIT_ORG_MAX, "Used by “organization” credit; optional.")}
      </div>
      {message && (
        <p ref={messageRef} className={`notice ${message.ok ? "ok" : "bad"}`} role="status">
          {message.text}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save profile"}
        </button>
      </div>
    </form>
  );
}
