import Link from "next/link";
import { loadPage } from "@/app/page-errors";
import { requireActor } from "@/app/require-actor";
import { currentCatalog, platformVocabulary } from "@/lib/attack/catalog";
import { db } from "@/lib/db/client";
import { creditLabels, getProfile } from "@/lib/auth/profile";
import { loadDraftForForm } from "@/lib/observations/draft-restore";
import { countryOptions } from "@/lib/observations/victimology";
import { SubmitForm } from "./submit-form";

export const dynamic = "force-dynamic";

export default async function SubmitPage() {
  const actor = await requireActor("observation:create", "/submit");
  const [catalog, profile, draft, platforms] = await loadPage("/submit", () =>
    Promise.all([
      currentCatalog(db(), "enterprise-attack"),
      getProfile(actor, db()),
      loadDraftForForm(actor, db()),
      platformVocabulary(db(), "enterprise-attack"),
    ]),
  );
  return (
    <>
      <h1>Submit a procedure observation</h1>
      {catalog ? (
        <p className="muted">
          Against ATT&amp;CK Enterprise {catalog.version}. Customer identifiers are replaced before anything is stored;
          preview what will be replaced before you submit.
        </p>
      ) : (
        <p className="notice bad">
          The ATT&amp;CK catalog has not been imported yet, so techniques cannot be found. An admin runs{" "}
          <code>npm run cli -- attack:import ../shared/attack/enterprise-attack-18.1.json</code>.{" "}
          <Link href="/">Home</Link>
        </p>
      )}
      <SubmitForm
        creditLabels={creditLabels(profile)}
        draft={draft}
        options={{ platforms, countries: countryOptions() }}
      />
    </>
  );
}
