"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { showToast } from "@/app/components/toaster";
import { retryJobAction } from "./actions";

/** Reloads the list every `everyMs` while a job on it is queued or running: its progress moves without a click. */
export function RefreshWhileRunning({ active, everyMs = 2000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, router]);
  return null;
}

export function RetryJobButton({ id, what }: { id: string; what: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function retry() {
    setBusy(true);
    setError(null);
    const result = await retryJobAction(id);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    showToast(`${what} is queued again.`);
    router.refresh();
  }
  return (
    <>
      <button type="button" className="secondary" onClick={retry} disabled={busy} aria-label={`Retry ${what}`}>
        {busy ? "Queuing…" : "Retry"}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
