import Link from "next/link";
import { currentCatalog } from "@/lib/attack/catalog";
import { can } from "@/lib/auth/permissions";
import { sessionActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [actor, catalog] = await Promise.all([sessionActor(), currentCatalog(db(), "enterprise-attack")]);
  return (
    <>
      <h1>Procedure Exchange</h1>
      <div className="panel">
        <p>
          Contribute what you saw adversaries do, as anonymized procedure examples for MITRE ATT&amp;CK. Customer
          identifiers are replaced before anything is stored; reviewers edit and accept; accepted observations are
          exported as validated STIX 2.1 for the next ATT&amp;CK release, with credit to you if you want it.
        </p>
        <div className="actions">
          {actor ? (
            <>
              <Link className="button" href="/submit">
                Submit an observation
              </Link>
              {can(actor, "observation:read-any") && (
                <Link className="button secondary" href="/queue">
                  Review queue
                </Link>
              )}
            </>
          ) : (
            <Link className="button" href="/sign-in">
              Sign in to contribute
            </Link>
          )}
        </div>
      </div>
      <p className="muted">
        {catalog
          ? `Catalog: ATT&CK ${catalog.domain} ${catalog.version}, imported ${catalog.importedAt.toISOString().slice(0, 10)}.`
          : "The ATT&CK catalog is not imported yet: run npm run cli -- attack:import <enterprise-attack.json>."}
      </p>
    </>
  );
}
