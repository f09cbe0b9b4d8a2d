"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/** next-auth/react's signOut fetches the CSRF token, posts /api/auth/signout, then opens `callbackUrl`. */
export function SignOutButton({ callbackUrl }: { callbackUrl: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      await signOut({ callbackUrl });
    } catch {
      setBusy(false);
      setError("Signing out failed: check your connection and press the button again.");
    }
  }
  return (
    <>
      <button type="button" onClick={run} disabled={busy}>
        {busy ? "Signing out…" : "Sign out"}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
