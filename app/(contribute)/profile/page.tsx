import Link from "next/link";
import { loadPage } from "@/app/page-errors";
import { requireActor } from "@/app/require-actor";
import { getProfile } from "@/lib/auth/profile";
import { listApiTokens } from "@/lib/auth/tokens";
import { db } from "@/lib/db/client";
import { canChooseDigest, getDigestPreference } from "@/lib/review/digest-preference";
import { DigestForm } from "./digest-form";
import { ProfileForm } from "./profile-form";
import { TokensPanel } from "./tokens-panel";

export const dynamic = "force-dynamic";

const when = (d: Date | null) => (d ? d.toISOString() : null);

export default async function ProfilePage() {
  const actor = await requireActor("observation:read-own", "/profile");
  const [profile, tokens, digest] = await loadPage("/profile", () =>
    Promise.all([
      getProfile(actor, db()),
      listApiTokens(actor, db()),
      canChooseDigest(actor) ? getDigestPreference(actor, db()) : null,
    ]),
  );
  return (
    <>
      <h1>Your profile</h1>
      <p className="muted">Signed in as {profile.email}. Your e-mail address is never published.</p>
      <section className="panel" aria-labelledby="credit-heading">
        <h2 id="credit-heading">Credit</h2>
        <p className="hint">
          When you choose &quot;named&quot; or &quot;organization&quot; credit on a submission, the STIX export lists
          these in the ATT&amp;CK object&apos;s contributors. They are published exactly as you write them.
        </p>
        <ProfileForm initial={{ creditName: profile.creditName ?? "", creditOrg: profile.creditOrg ?? "" }} />
      </section>
      {digest && (
        <section className="panel" id="digest" aria-labelledby="digest-heading">
          <h2 id="digest-heading">Review digest</h2>
          <p className="hint">
            An e-mail summary of the review queue, for reviewers.
            {digest.lastSentAt && ` Last digest run for you: ${digest.lastSentAt.slice(0, 16).replace("T", " ")} UTC.`}
          </p>
          <DigestForm initial={digest.digest} />
        </section>
      )}
      <section className="panel" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Personal API tokens</h2>
        <p className="hint">
          Send a token as <code>Authorization: Bearer &lt;token&gt;</code> to use the API as you (see the{" "}
          <Link href="/docs/api">API reference</Link>). Revoke any token you no longer use.
        </p>
        <TokensPanel
          tokens={tokens.map((t) => ({
            id: t.id,
            name: t.name,
            created: when(t.createdAt) as string,
            lastUsed: when(t.lastUsedAt),
            revoked: when(t.revokedAt),
          }))}
        />
      </section>
    </>
  );
}
