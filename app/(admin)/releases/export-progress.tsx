"use client";

// An export under way (a job, lib/releases/export-job): a progress bar with the phase, polled from
// GET /api/v1/jobs/:id until the job ends. Done: the page refreshes and shows the downloads; failed: the caller shows
// the message beside the button.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { focusPageHeading } from "@/app/components/focus";
import { showToast } from "@/app/components/toaster";
import type { JobView } from "@/lib/jobs/admin";

const POLL_MS = 500;

export function ExportProgress({
  job: first,
  name,
  onFailed,
}: {
  job: JobView;
  name: string;
  /** The job failed: the caller shows its message (and the button to try again). */
  onFailed: (job: JobView) => void;
}) {
  const router = useRouter();
  const [job, setJob] = useState(first);
  const [lost, setLost] = useState<string | null>(null);
  const ended = job.status === "DONE" || job.status === "FAILED";

  useEffect(() => {
    if (ended) return;
    let stop = false;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(job.url, { cache: "no-store" });
        const body = await response.json();
        if (stop) return;
        if (!response.ok)
          return setLost(body?.error?.message ?? `The job could not be read (HTTP ${response.status}).`);
        setLost(null);
        setJob(body as JobView);
      } catch {
        if (!stop) setLost("Lost contact with the server: still trying…");
        if (!stop) setJob((j) => ({ ...j })); // poll again
      }
    }, POLL_MS);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [job, ended]);

  useEffect(() => {
    if (job.status === "FAILED") onFailed(job);
  }, [job, onFailed]);

  useEffect(() => {
    if (job.status !== "DONE") return;
    const held = (job.result as { heldBackByTlp?: number } | null)?.heldBackByTlp ?? 0;
    focusPageHeading();
    showToast(
      `"${name}" exported: the bundle validated and is ready to download.${held ? ` ${held} observation(s) not TLP:CLEAR stay accepted, outside the bundle.` : ""}`,
    );
    router.refresh();
  }, [job.status, job.result, name, router]);

  const { done, total, phase } = job.progress;
  const label =
    job.status === "QUEUED"
      ? job.error
        ? `Waiting to try again: ${job.error.message}`
        : "Queued: the export starts in a moment…"
      : job.status === "DONE"
        ? "Exported: loading the downloads…"
        : `${phase ?? "Starting"}… (step ${Math.min(done + 1, total || 1)} of ${total || "?"})`;
  return (
    <div className="job-progress" data-testid="export-progress">
      <progress
        max={total || 1}
        value={job.status === "QUEUED" ? undefined : done}
        aria-label={`Export of ${name}`}
        aria-valuetext={label}
      />
      <p role="status" className="muted">
        {label}
      </p>
      {lost && <p className="muted">{lost}</p>}
    </div>
  );
}
