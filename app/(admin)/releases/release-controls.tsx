"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { ConfirmButton } from "@/app/components/confirm-button";
import { focusPageHeading } from "@/app/components/focus";
import { showToast } from "@/app/components/toaster";
import type { JobView } from "@/lib/jobs/admin";
import { createReleaseAction, exportReleaseAction, freezeReleaseAction } from "./actions";
import { ExportProgress } from "./export-progress";

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
    showToast(`Release "${result.value.name}" is open: accepted observations join it.`);
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
        <div className="shrink">
          <button type="submit">Open release</button>
        </div>
      </div>
      {error && <p className="error">{error}</p>}
    </form>
  );
}

interface ReleaseButtonProps {
  releaseId: string;
  name: string;
  observations: number;
}

/** A release action that asks first, runs, then says what happened (or shows why not) and refreshes the page. */
function ReleaseActionButton({
  run,
  title,
  question,
  confirmLabel,
  label,
  busyLabel,
}: {
  run: () => Promise<{ ok: true; message: string } | { ok: false; error: string }>;
  title: string;
  question: string;
  confirmLabel: string;
  label: string;
  busyLabel: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function confirmed() {
    setBusy(true);
    setError(null);
    const result = await run();
    setBusy(false);
    if (!result.ok) return setError(result.error);
    focusPageHeading();
    showToast(result.message);
    router.refresh();
  }
  return (
    <>
      <ConfirmButton
        disabled={busy}
        title={title}
        question={question}
        confirmLabel={confirmLabel}
        onConfirm={confirmed}
      >
        {busy ? busyLabel : label}
      </ConfirmButton>
      {error && <p className="error">{error}</p>}
    </>
  );
}

// Export freezes the release for good: it asks first. It runs as a job: the button gives way to its progress.
export function ExportButton({
  releaseId,
  name,
  observations,
  running,
  lastError,
  onRunning,
}: ReleaseButtonProps & {
  running?: JobView | null;
  lastError?: string | null;
  /** Told when an export starts (true) and when it failed (false): the Freeze button steps aside meanwhile. */
  onRunning?: (running: boolean) => void;
}) {
  const [job, setJob] = useState<JobView | null>(running ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(lastError ? `The last export failed: ${lastError}` : null);
  const failed = useCallback(
    (j: JobView) => {
      setJob(null);
      setError(`The export failed: ${j.error?.message ?? "no reason was given."}`);
      onRunning?.(false);
    },
    [onRunning],
  );
  if (job) return <ExportProgress job={job} name={name} onFailed={failed} />;
  async function confirmed() {
    setBusy(true);
    setError(null);
    const result = await exportReleaseAction(releaseId);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setJob(result.value);
    onRunning?.(true);
  }
  return (
    <>
      <ConfirmButton
        disabled={busy}
        title={`Export "${name}"?`}
        question={`Export freezes this release with its ${observations} observation(s): nothing joins or leaves it afterwards, and this cannot be undone. The STIX bundle is built and validated, then offered for download.`}
        confirmLabel="Yes, export and freeze"
        onConfirm={confirmed}
      >
        {busy ? "Starting the export…" : "Export STIX bundle"}
      </ConfirmButton>
      {error && (
        <p className="error" role="alert" data-testid="export-error">
          {error}
        </p>
      )}
    </>
  );
}

export function FreezeButton({ releaseId, name, observations }: ReleaseButtonProps) {
  return (
    <ReleaseActionButton
      title={`Freeze "${name}"?`}
      question={`Freezing keeps this release's ${observations} observation(s) as they are: observations accepted afterwards wait for the next release. Export it when ready. This cannot be undone.`}
      confirmLabel="Yes, freeze"
      label="Freeze"
      busyLabel="Freezing…"
      run={async () => {
        const result = await freezeReleaseAction(releaseId);
        if (!result.ok) return { ok: false, error: result.error.message };
        return {
          ok: true,
          message: `"${name}" is frozen: observations accepted from now on wait for the next release.`,
        };
      }}
    />
  );
}

/** A release's buttons: Freeze (while OPEN) and Export; while an export runs, its progress alone. */
export function ReleaseActions({
  open,
  running,
  ...props
}: ReleaseButtonProps & { open: boolean; running?: JobView | null; lastError?: string | null }) {
  const [exporting, setExporting] = useState(!!running);
  return (
    <div className="actions inline">
      {open && !exporting && <FreezeButton {...props} />}
      <ExportButton {...props} running={running} onRunning={setExporting} />
    </div>
  );
}
