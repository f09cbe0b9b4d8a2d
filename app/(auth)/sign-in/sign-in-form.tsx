"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SIGNIN_RATE_LIMITED_ERROR, SIGNIN_RATE_LIMITED_MESSAGE } from "@/lib/rate-limit/rules";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await signIn("email", { email, callbackUrl, redirect: false });
    setBusy(false);
    if (result?.error === SIGNIN_RATE_LIMITED_ERROR) {
      setError(SIGNIN_RATE_LIMITED_MESSAGE);
      return;
    }
    if (result?.error) {
      setError("We could not send a link to that address. Check it is one valid e-mail address and try again.");
      return;
    }
    router.push(`/sign-in/check?email=${encodeURIComponent(email)}`);
  }

  return (
    <form onSubmit={submit}>
      <label htmlFor="email">E-mail address</label>
      <input
        id="email"
        type="email"
        required
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      {error && <p className="error">{error}</p>}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? "Sending…" : "E-mail me a sign-in link"}
        </button>
      </div>
    </form>
  );
}
