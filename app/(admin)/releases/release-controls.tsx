"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createReleaseAction, exportReleaseAction } from "./actions";

export function CreateReleaseForm({ attackVersion }: { attackVersion: string }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [version, setVersion] = useState(attackVersion);
  const [error, setError] = useState<string | null>(null);
  async function create(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    const result = await createReleaseAction({ name, domain: "enterprise-attack", attackVersion: version });
    if (!result.ok) return setError(result.error.message);
    setName("");
    router.refresh();
  }
  return (
    <form className="panel" onSubmit={create} aria-label="Open a release">
      <div className="row">
        <div>
          <label htmlFor="release-name">New release</label>
          <input
            id="release-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Community additions 2026-12"
          />
        </div>
        <div>
          <label htmlFor="release-version">Targets ATT&amp;CK version</label>
          <input id="release-version" value={version} onChange={(e) => setVersion(e.target.value)} />
        </div>
        <div style={{ flex: 0 }}>
          <button type="submit">Open release</button>
        </div>
      </div>
      {error && <p className="error">{error}</p>}
    </form>
  );
}

export function ExportButton({ releaseId }: { releaseId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    setError(null);
    const result = await exportReleaseAction(releaseId);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    router.refresh();
  }
  return (
    <>
      <button type="button" onClick={run} disabled={busy}>
        {busy ? "Exporting and validating…" : "Export STIX bundle"}
      </button>
      {error && <p className="error">{error}</p>}
    </>
  );
}
