import Link from "next/link";
import { loadPage } from "@/app/page-errors";
import { requireActor } from "@/app/require-actor";
import { can } from "@/lib/auth/permissions";
import { coverageCounts } from "@/lib/catalog/layer-service";
import { DOMAIN_NAMES, loadMatrix } from "@/lib/catalog/matrix";
import { db } from "@/lib/db/client";
import { CoverageLegend, MatrixTable } from "./matrix-table";

export const dynamic = "force-dynamic";

// The matrix of one domain (`?view=coverage` colours it by the observations the viewer may see). Wide: it
// scrolls inside its own region, and the page gives it the whole window (catalog.css).
export default async function MatrixPage({
  params,
  searchParams,
}: {
  params: Promise<{ domain: string }>;
  searchParams: Promise<{ view?: string }>;
}) {
  const { domain } = await params;
  const coverage = (await searchParams).view === "coverage";
  const back = `/catalog/${domain}${coverage ? "?view=coverage" : ""}`;
  const actor = await requireActor("observation:read-own", back);
  const [matrix, counts] = await loadPage(back, () =>
    Promise.all([loadMatrix(db(), domain), coverage ? coverageCounts(actor, domain, db()) : null]),
  );
  const name = DOMAIN_NAMES[matrix.domain];
  return (
    <div className="matrix-page">
      <h1>
        ATT&amp;CK {name} matrix{matrix.version && <span className="muted"> v{matrix.version}</span>}
      </h1>
      {matrix.version === null ? (
        <p className="panel empty">
          No {name} catalog is imported yet: an administrator imports it with{" "}
          <code>npm run cli -- attack:import {matrix.domain}-&lt;version&gt;.json</code>.
        </p>
      ) : (
        <>
          <p className="muted">
            {matrix.columns.length} tactics · {matrix.techniqueCount} techniques · {matrix.subtechniqueCount}{" "}
            sub-techniques. Open a technique for ATT&amp;CK&apos;s description and procedure examples.{" "}
            <Link href="/catalog">All domains</Link> · <Link href="/catalog/changes">What changed</Link>
          </p>
          <nav className="filters" aria-label="Matrix view">
            <Link href={`/catalog/${matrix.domain}`} aria-current={coverage ? undefined : "page"}>
              Techniques
            </Link>
            <Link href={`/catalog/${matrix.domain}?view=coverage`} aria-current={coverage ? "page" : undefined}>
              Coverage
            </Link>
          </nav>
          {counts && <CoverageLegend scope={counts.scope} />}
          <p>
            <a href={`/api/v1/catalog/layer?domain=${matrix.domain}`} download>
              Download as Navigator layer
            </a>{" "}
            <span className="muted">
              ({can(actor, "observation:read-any") ? "the community's" : "your"} accepted and published observations per
              technique, ATT&amp;CK Navigator layer format 4.5)
            </span>
          </p>
          <MatrixTable matrix={matrix} counts={counts?.counts} />
        </>
      )}
    </div>
  );
}
