import Link from "next/link";
import { loadPage } from "@/app/page-errors";
import { requireActor } from "@/app/require-actor";
import { StatusBadge } from "@/app/components/observation-summary";
import { db } from "@/lib/db/client";
import { REMAP_LIST_MAX, listNeedsRemapping } from "@/lib/review/remap-queue";

export const dynamic = "force-dynamic";

export default async function NeedsRemappingPage() {
  const actor = await requireActor("observation:remap", "/queue/remap");
  const list = await loadPage("/queue/remap", () => listNeedsRemapping(actor, db()));
  const { counts } = list;
  return (
    <>
      <h1>Needs remapping</h1>
      <p className="muted">
        Observations still in work (accepted ones in an open release included) whose technique or actor the current
        ATT&amp;CK catalog revoked or deprecated. A release cannot be exported while it holds one. See{" "}
        <Link href="/catalog/changes">what the last import changed</Link>.
      </p>
      <p role="status" data-testid="remap-counts">
        {counts.revoked} revoked · {counts.deprecated} deprecated · {counts.actor} with a revoked or deprecated actor
        {list.total > list.items.length && ` (showing ${REMAP_LIST_MAX} of ${list.total})`}
      </p>
      {list.items.length === 0 ? (
        <p className="panel empty">Nothing to remap: every observation names a current technique and actor.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Observations that need remapping" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th>ID</th>
                <th>Technique</th>
                <th>Catalog</th>
                <th>Proposed replacement</th>
                <th>Actor</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((o) => {
                const first = o.catalog.replacements[0];
                return (
                  <tr key={o.id}>
                    <td>
                      <Link href={`/queue/${o.id}`}>{o.id}</Link>
                    </td>
                    <td>{[o.catalog.technique.id, o.catalog.technique.name].filter(Boolean).join(" ")}</td>
                    <td>
                      {o.catalog.status === "CURRENT" ? "current" : o.catalog.status.toLowerCase()}
                      {o.catalog.version && ` in ${o.catalog.version}`}
                    </td>
                    <td>
                      {first
                        ? `${first.technique ?? ""} ${first.name}${first.source === "suggested" ? " (suggested from the text)" : ""}`
                        : "— (pick one)"}
                    </td>
                    <td>
                      {o.actorName}
                      {o.catalog.actor && ` (${o.catalog.actor.status.toLowerCase()})`}
                    </td>
                    <td>
                      <StatusBadge status={o.status} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
