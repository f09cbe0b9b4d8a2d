"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { TOKEN_NAME_MAX } from "@/lib/auth/token-limits";
import { createTokenAction, revokeTokenAction } from "./actions";

export interface TokenRow {
  id: string;
  name: string;
  /** ISO instants. */
  created: string;
  lastUsed: string | null;
  revoked: string | null;
}

/** An ISO instant shown as "2026-11-28 01:00 UTC", wrapping between date and time only. */
function Stamp({ at }: { at: string }) {
  return (
    <time dateTime={at}>
      <span className="nowrap">{at.slice(0, 10)}</span> <span className="nowrap">{at.slice(11, 16)} UTC</span>
    </time>
  );
}

export function TokensPanel({ tokens }: { tokens: TokenRow[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const result = await createTokenAction({ name });
    setBusy(false);
    if (!result.ok) {
      setNameError(result.error.issues?.find((i) => i.path === "name")?.message ?? result.error.message);
      return;
    }
    setNameError(null);
    setCreated({ name: name.trim(), token: result.value.token });
    setName("");
    router.refresh();
  }

  async function revoke(id: string) {
    setBusy(true);
    const result = await revokeTokenAction(id);
    setBusy(false);
    setConfirming(null);
    setMessage(result.ok ? null : result.error.message);
    if (created && result.ok) setCreated(null);
    router.refresh();
  }

  return (
    <>
      <form onSubmit={create} noValidate className="row">
        <div>
          <label htmlFor="token-name">Token name</label>
          <input
            id="token-name"
            value={name}
            maxLength={TOKEN_NAME_MAX}
            placeholder="e.g. CI import"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "token-name-error" : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {nameError && (
            <p id="token-name-error" className="error">
              {nameError}
            </p>
          )}
        </div>
        <div className="shrink">
          <button type="submit" disabled={busy}>
            Create token
          </button>
        </div>
      </form>

      {created && (
        <div className="notice ok" role="status">
          <p>
            Token &quot;{created.name}&quot; created. Copy it now: it is shown only this once and cannot be recovered.
          </p>
          <label htmlFor="new-token">Your new token</label>
          <input id="new-token" className="mono" readOnly value={created.token} onFocus={(e) => e.target.select()} />
          <p className="hint">Select the field and copy (Ctrl+C / ⌘C). Store it like a password.</p>
        </div>
      )}
      {message && (
        <p className="notice bad" role="status">
          {message}
        </p>
      )}

      {tokens.length === 0 ? (
        <p className="muted">You have no tokens yet.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Your API tokens" tabIndex={0}>
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td data-label="Name">{t.name}</td>
                  <td data-label="Created">
                    <Stamp at={t.created} />
                  </td>
                  <td data-label="Last used">{t.lastUsed ? <Stamp at={t.lastUsed} /> : "never"}</td>
                  <td data-label="State">
                    {t.revoked ? (
                      <>
                        revoked <Stamp at={t.revoked} />
                      </>
                    ) : confirming === t.id ? (
                      <span className="confirm">
                        Revoke &quot;{t.name}&quot;? Anything using it stops working.{" "}
                        <button type="button" className="danger" disabled={busy} onClick={() => revoke(t.id)}>
                          Yes, revoke
                        </button>{" "}
                        <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                          Cancel
                        </button>
                      </span>
                    ) : (
                      <>
                        active{" "}
                        <button
                          type="button"
                          className="secondary"
                          aria-label={`Revoke ${t.name}`}
                          onClick={() => setConfirming(t.id)}
                        >
                          Revoke
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
