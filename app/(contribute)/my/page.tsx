import Link from "next/link";
import { requireActor } from "@/app/require-actor";
import { StatusBadge } from "@/app/components/observation-summary";
import { db } from "@/lib/db/client";
import { listMyObservations } from "@/lib/observations/service";

export const dynamic = "force-dynamic";

export default async function MyObservationsPage() {
  const actor = await requireActor("observation:read-own", "/my");
  const items = await listMyObservations(actor, db());
  return (
    <>
      <h1>My observations</h1>
      {items.length === 0 ? (
        <p className="panel">
          Nothing yet. <Link href="/submit">Submit your first observation</Link>.
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>ID</th>
              <th>Technique</th>
              <th>Status</th>
              <th>Submitted</th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link href={`/my/${o.id}`}>{o.id}</Link>
                </td>
                <td>{o.technique.id}</td>
                <td>
                  <StatusBadge status={o.status} />
                </td>
                <td className="mono">{(o.submittedAt ?? o.createdAt).slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
