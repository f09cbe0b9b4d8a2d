import Link from "next/link";
import { loadPage } from "@/app/page-errors";
import { requireActor } from "@/app/require-actor";
import { StatusBadge } from "@/app/components/observation-summary";
import { LayerLink } from "@/app/components/layer-link";
import { QueueCharts } from "@/app/components/charts/queue-charts";
import { db } from "@/lib/db/client";
import { listQueue } from "@/lib/review/queue";

export const dynamic = "force-dynamic";

export default async function QueuePage() {
  const actor = await requireActor("observation:read-any", "/queue");
  const items = await loadPage("/queue", () => listQueue(actor, db()));
  return (
    <>
      <h1>Review queue</h1>
      <p className="muted">
        Oldest first. Claim an observation before you edit or decide it. After a new ATT&amp;CK import, see{" "}
        <Link href="/queue/remap">what needs remapping</Link>.
      </p>
      <LayerLink whose="community" />
      {items.length === 0 ? (
        <p className="panel empty">The queue is empty: nothing waits for review.</p>
      ) : (
        <>
          <QueueCharts actor={actor} />
          <div className="table-scroll" role="region" aria-label="Review queue" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th>ID</th>
                  <th>Technique</th>
                  <th>Actor</th>
                  <th>Status</th>
                  <th>Waiting since</th>
                  <th>Reviewer</th>
                </tr>
              </thead>
              <tbody>
                {items.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link href={`/queue/${o.id}`}>{o.id}</Link>
                    </td>
                    <td>{o.techniqueLabel}</td>
                    <td>{o.actorName}</td>
                    <td>
                      <StatusBadge status={o.status} />
                      {o.answered && <span className="status answered">answered</span>}
                    </td>
                    <td className="mono">{(o.submittedAt ?? o.createdAt).slice(0, 10)}</td>
                    <td>{o.assignee ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
