import Link from "next/link";
import { loadPage } from "@/app/page-errors";
import { requireActor } from "@/app/require-actor";
import { StatusBadge } from "@/app/components/observation-summary";
import { currentCatalog } from "@/lib/attack/catalog";
import { db } from "@/lib/db/client";
import { listReleases } from "@/lib/releases/service";
import { releaseTacticBars } from "@/lib/stats/releases";
import { ReleaseTacticChart } from "@/app/components/charts/release-chart";
import { LayerLink } from "@/app/components/layer-link";
import { CreateReleaseForm, ReleaseActions } from "./release-controls";
import { ReleaseDownloads } from "./release-downloads";

export const dynamic = "force-dynamic";

// Charts for the newest releases only: older ones are history, and the page stays short.
const CHARTED_RELEASES = 3;

export default async function ReleasesPage() {
  const actor = await requireActor("release:manage", "/releases");
  const [releases, catalog, bars] = await loadPage("/releases", async () => {
    const [releases, catalog] = await Promise.all([
      listReleases(actor, db()),
      currentCatalog(db(), "enterprise-attack"),
    ]);
    const ids = releases.slice(0, CHARTED_RELEASES).map((r) => r.id);
    return [releases, catalog, await releaseTacticBars(actor, db(), ids)] as const;
  });
  const charted = releases.slice(0, CHARTED_RELEASES);
  const hasOpen = releases.some((r) => r.status === "OPEN" && r.domain === "enterprise-attack");
  return (
    <>
      <h1>Releases</h1>
      <p className="muted">
        Accepted observations join the open release of their domain. Freeze it to stop more joining; export (which
        freezes it too) builds the STIX 2.1 bundle and validates it with MITRE&apos;s ATT&amp;CK data model and the
        OASIS STIX 2.1 schemas before offering it.
      </p>
      <LayerLink whose="community" />
      {!hasOpen && <CreateReleaseForm attackVersion={catalog?.version ?? "18.1"} />}
      {releases.length === 0 ? (
        <p className="panel empty">No releases yet. Open one above: accepted observations join it.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Releases" tabIndex={0}>
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">Release</th>
                <th scope="col">Status</th>
                <th scope="col">Observations</th>
                <th scope="col">Downloads</th>
              </tr>
            </thead>
            <tbody>
              {releases.map((r) => (
                <tr key={r.id} data-testid={`release-${r.name}`}>
                  <td data-label="Release">
                    <div>
                      <Link href={`/releases/${r.id}`}>{r.name}</Link>
                      <br />
                      <span className="muted">
                        {r.domain} · ATT&amp;CK {r.attackVersion}
                      </span>
                    </div>
                  </td>
                  <td data-label="Status">
                    <StatusBadge status={r.status} />
                  </td>
                  <td data-label="Observations">{r.observations}</td>
                  <td data-label="Downloads">
                    {r.status === "EXPORTED" ? (
                      <ReleaseDownloads releaseId={r.id} sha256={r.sha256} />
                    ) : (
                      <ReleaseActions
                        releaseId={r.id}
                        name={r.name}
                        observations={r.observations}
                        open={r.status === "OPEN"}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {charted.length > 0 && (
        <>
          <h2>What the releases hold</h2>
          {charted.map((r) => (
            <ReleaseTacticChart key={r.id} name={r.name} bars={bars.get(r.id) ?? []} />
          ))}
        </>
      )}
    </>
  );
}
