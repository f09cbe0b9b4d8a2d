import Link from "next/link";
import { ContributorSection } from "@/app/components/home-contributor";
import { AdminSection } from "@/app/components/home-admin";
import { ReviewerSection } from "@/app/components/home-reviewer";
import { loadPage } from "@/app/page-errors";
import { currentCatalog } from "@/lib/attack/catalog";
import { sessionActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { loadHome } from "@/lib/home/load-home";

export const dynamic = "force-dynamic";

// Where sign-in lands: each role starts from its own work (lib/home), a visitor from what this is.
export default async function HomePage() {
  const actor = await sessionActor();
  if (!actor) return <Welcome />;
  const home = await loadPage("/", () => loadHome(actor, db()));
  return (
    <>
      {/* Who is signed in shows in the header already (app/layout.tsx). */}
      <h1>Procedure Exchange</h1>
      {home.reviewer && <ReviewerSection home={home.reviewer} />}
      {home.admin && <AdminSection home={home.admin} />}
      <ContributorSection
        home={home.contributor}
        title={home.reviewer ? "Your own observations" : "Your observations"}
      />
    </>
  );
}

async function Welcome() {
  const catalog = await currentCatalog(db(), "enterprise-attack");
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
          <Link className="button" href="/sign-in">
            Sign in to contribute
          </Link>
        </div>
        <p className="muted">No password: we e-mail you a link that signs you in.</p>
      </div>
      <p className="muted">
        {catalog
          ? `Catalog: ATT&CK ${catalog.domain} ${catalog.version}, imported ${catalog.importedAt.toISOString().slice(0, 10)}.`
          : "The ATT&CK catalog is not imported yet: run npm run cli -- attack:import <enterprise-attack.json>."}
      </p>
    </>
  );
}
