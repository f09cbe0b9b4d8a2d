import { loadPage } from "@/app/page-errors";
import { MarkdownText } from "@/app/components/markdown";
import { StatusBadge } from "@/app/components/observation-summary";
import { UpstreamBadge } from "@/app/components/upstream-badge";
import { db } from "@/lib/db/client";
import { getPublicRecord } from "@/lib/observations/service";
import { countryLabel, sectorLabel } from "@/lib/observations/victimology";

export const dynamic = "force-dynamic";

// The citable public record of an accepted observation (exports link here when there is no public report).
export default async function PublicRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const record = await loadPage(`/o/${id}`, () => getPublicRecord(id, db()));
  const v = record.victimology;
  return (
    <>
      <h1>{record.id}</h1>
      <div className="panel">
        <p>
          <StatusBadge status={record.status} />{" "}
          <span className="muted">accepted {record.acceptedAt?.slice(0, 10)}</span>{" "}
          <UpstreamBadge upstream={record.upstream} />
        </p>
        <p>
          <strong>Technique:</strong> {record.technique}
          <br />
          <strong>Actor:</strong> {record.actor}
        </p>
        <h2>Procedure</h2>
        <MarkdownText text={record.procedure} testId="procedure" />
        <p className="muted">
          Observed {record.observedFrom ?? "—"} to {record.observedTo ?? "—"}
          {v.sector && ` · sector (NAICS) ${sectorLabel(v.sector)}`}
          {v.country && ` · ${countryLabel(v.country)}`}
          {v.region && ` · ${v.region}`}
        </p>
        {record.upstream && (
          <p data-testid="upstream-notice">
            ATT&amp;CK v{record.upstream.version} lists this procedure for its technique and actor, citing its source.
          </p>
        )}
        <p className="muted">
          An in-the-wild observation contributed to Procedure Exchange and accepted by its reviewers. Customer
          identifiers were replaced by placeholders such as [HOST-1] before anything was stored.
        </p>
      </div>
    </>
  );
}
