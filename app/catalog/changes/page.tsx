import { loadPage } from "@/app/page-errors";
import { requireActor } from "@/app/require-actor";
import { countChanges } from "@/lib/attack/catalog-diff";
import { listLatestCatalogChanges, type TCatalogChangeSet } from "@/lib/attack/changes";
import { DOMAIN_NAMES } from "@/lib/catalog/matrix";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

// The latest change set per domain: what the last import revoked (and what replaced it) first, since
// that is what sends observations to remapping; the long list of additions stays folded.
export default async function CatalogChangesPage() {
  const actor = await requireActor("observation:read-own", "/catalog/changes");
  const sets = await loadPage("/catalog/changes", () => listLatestCatalogChanges(actor, db()));
  return (
    <>
      <h1>What changed in ATT&amp;CK</h1>
      <p className="muted">
        What the latest imported version of each domain added, revoked, deprecated and renamed against the version
        imported before it. Also served at <code>/api/v1/catalog/changes?domain=&amp;from=&amp;to=</code>.
      </p>
      {sets.length === 0 ? (
        <p className="panel empty">
          No changes yet: a change set is recorded when a newer ATT&amp;CK version is imported over an older one.
        </p>
      ) : (
        sets.map((set) => <ChangeSet key={set.domain} set={set} />)
      )}
    </>
  );
}

function ChangeSet({ set }: { set: TCatalogChangeSet }) {
  const counts = countChanges(set);
  const title = `${DOMAIN_NAMES[set.domain as keyof typeof DOMAIN_NAMES] ?? set.domain} ${set.from} → ${set.to}`;
  return (
    <section className="catalog-changes" aria-label={title}>
      <h2>{title}</h2>
      <p role="status" data-testid={`changes-counts-${set.domain}`}>
        {counts.revoked} revoked · {counts.deprecated} deprecated · {counts.renamed} renamed · {counts.added} added
        <span className="muted"> (imported {set.importedAt.toISOString().slice(0, 10)})</span>
      </p>
      {set.revoked.length > 0 && (
        <>
          <h3>Revoked</h3>
          <div className="table-scroll" role="region" aria-label={`Revoked in ${title}`} tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th>ID</th>
                  <th>Name</th>
                  <th>Replaced by</th>
                </tr>
              </thead>
              <tbody>
                {set.revoked.map((r) => (
                  <tr key={r.id}>
                    <td className="mono">{r.id}</td>
                    <td>{r.name}</td>
                    <td>{r.replacedBy ? `${r.replacedBy.id} ${r.replacedBy.name}` : "— (ATT&CK names none)"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {set.deprecated.length > 0 && (
        <>
          <h3>Deprecated</h3>
          <ul>
            {set.deprecated.map((d) => (
              <li key={d.id}>
                <span className="mono">{d.id}</span> {d.name}
              </li>
            ))}
          </ul>
        </>
      )}
      {set.renamed.length > 0 && (
        <>
          <h3>Renamed</h3>
          <ul>
            {set.renamed.map((r) => (
              <li key={r.id}>
                <span className="mono">{r.id}</span> {r.from} → {r.to}
              </li>
            ))}
          </ul>
        </>
      )}
      {set.added.length > 0 && (
        <details>
          <summary>Added ({set.added.length})</summary>
          <ul>
            {set.added.map((a) => (
              <li key={a.id}>
                <span className="mono">{a.id}</span> {a.name} <span className="muted">({a.kind})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
