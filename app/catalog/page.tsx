import Link from "next/link";
import { loadPage } from "@/app/page-errors";
import { requireActor } from "@/app/require-actor";
import { DOMAIN_NAMES } from "@/lib/catalog/matrix";
import { listCatalogDomains } from "@/lib/catalog/overview";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

const KINDS = [
  ["tactic", "Tactics"],
  ["technique", "Techniques"],
  ["group", "Groups"],
  ["software", "Software"],
  ["campaign", "Campaigns"],
] as const;

// The catalog's front door: each ATT&CK domain, its current version and what it holds, with its matrix.
export default async function CatalogPage() {
  await requireActor("observation:read-own", "/catalog");
  const domains = await loadPage("/catalog", () => listCatalogDomains(db()));
  return (
    <>
      <h1>ATT&amp;CK catalog</h1>
      <p className="muted">
        The ATT&amp;CK content this site works with, as last imported. Open a matrix to browse tactics and techniques,
        or see <Link href="/catalog/changes">what changed</Link> with the latest import.
      </p>
      <div className="table-scroll" role="region" aria-label="ATT&CK domains" tabIndex={0}>
        <table className="stack">
          <caption className="visually-hidden">ATT&amp;CK domains with their current version</caption>
          <thead>
            <tr>
              <th scope="col">Domain</th>
              <th scope="col">Version</th>
              {KINDS.map(([kind, label]) => (
                <th key={kind} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {domains.map((d) => (
              <tr key={d.domain} data-testid={`domain-${d.domain}`}>
                <td data-label="Domain">
                  {d.version ? (
                    <Link href={`/catalog/${d.domain}`}>{DOMAIN_NAMES[d.domain]} matrix</Link>
                  ) : (
                    DOMAIN_NAMES[d.domain]
                  )}
                </td>
                <td data-label="Version">
                  {d.version ? (
                    <>
                      {d.version}{" "}
                      <span className="muted nowrap">(imported {d.importedAt?.toISOString().slice(0, 10)})</span>
                    </>
                  ) : (
                    <span className="muted">not imported</span>
                  )}
                </td>
                {KINDS.map(([kind, label]) => (
                  <td key={kind} data-label={label} className="num">
                    {d.counts[kind] ?? 0}
                    {kind === "technique" && d.subtechniques > 0 && (
                      <span className="muted"> ({d.subtechniques} sub-techniques)</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {domains.some((d) => !d.version) && (
        <p className="muted">
          A domain not imported yet is added by an administrator with{" "}
          <code>npm run cli -- attack:import &lt;bundle.json or https URL&gt;</code>.
        </p>
      )}
    </>
  );
}
