"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "@/app/components/confirm-button";
import { showToast } from "@/app/components/toaster";
import { ROLES } from "@/lib/auth/permissions";
import { changeUserAction, inviteUserAction } from "./actions";

/** Invite by e-mail with a role; the error (a bad address, an existing account) shows under the form. */
export function InviteForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="filters"
      aria-label="Invite someone"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        setBusy(true);
        setError(null);
        const result = await inviteUserAction({ email: data.get("email"), role: data.get("role") });
        setBusy(false);
        if (!result.ok) return setError(result.error.message);
        form.reset();
        showToast(`Invited ${result.value.email} as ${result.value.role.toLowerCase()}.`);
        router.refresh();
      }}
    >
      <label>
        E-mail
        <input name="email" type="email" required autoComplete="off" />
      </label>
      <label>
        Role
        <select name="role" defaultValue="CONTRIBUTOR">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r.toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="shrink" disabled={busy}>
        Invite
      </button>
      {error && (
        <p className="notice bad" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** The role select (applied on change) and deactivate/reactivate of one user row. */
export function UserControls(props: { id: string; email: string; role: string; deactivated: boolean; self: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function change(input: { role?: string; deactivated?: boolean }, done: string) {
    setBusy(true);
    setError(null);
    const result = await changeUserAction(props.id, input);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    showToast(done);
    router.refresh();
  }
  return (
    <div className="row">
      <label>
        <span className="visually-hidden">Role of {props.email}</span>
        <select
          defaultValue={props.role}
          disabled={busy || props.self}
          onChange={(e) =>
            void change({ role: e.target.value }, `${props.email} is now ${e.target.value.toLowerCase()}.`)
          }
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r.toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      {props.deactivated ? (
        <button
          type="button"
          className="secondary shrink"
          disabled={busy}
          onClick={() => void change({ deactivated: false }, `${props.email} can sign in again.`)}
        >
          Reactivate
        </button>
      ) : (
        !props.self && (
          <ConfirmButton
            className="secondary shrink"
            disabled={busy}
            aria-label={`Deactivate ${props.email}`}
            title={`Deactivate ${props.email}?`}
            question="They are signed out everywhere at once, their API tokens stop working and they cannot sign in until an admin reactivates them. Their observations stay."
            confirmLabel="Yes, deactivate"
            onConfirm={() => void change({ deactivated: true }, `${props.email} is deactivated.`)}
          >
            Deactivate
          </ConfirmButton>
        )
      )}
      {error && (
        <p className="notice bad" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
