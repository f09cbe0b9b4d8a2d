import Link from "next/link";
import { MarkdownText } from "@/app/components/markdown";
import { loadPage } from "@/app/page-errors";
import { requireActor } from "@/app/require-actor";
import type { AttackDomain } from "@/lib/attack/bundle-domain";
import { DOMAIN_NAMES } from "@/lib/catalog/matrix";
import { loadCatalogObject, type TCatalogObject, type TObjectRef } from "@/lib/catalog/object-page";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

const KIND_LABELS: Record<string, string> = {
  technique: "Technique",
  tactic: "Tactic",
  group: "Group",
  software: "Software",
  campaign: "Campaign",
};
const ACTOR_KINDS = ["group", "software", "campaign"];
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// One ATT&CK object as ATT&CK describes it, with the procedure examples ATT&CK already has for it.
export default async function CatalogObjectPage({ params }: { params: Promise<{ domain: string; attackId: string }> }) {
  const { domain, attackId } = await params;
  const back = `/catalog/${domain}/${attackId}`;
  await requireActor("observation:read-own", back);
  const o = await loadPage(back, () => loadCatalogObject(db(), domain, attackId));
  const kind = o.kind === "technique" && o.parent ? "Sub-technique" : (KIND_LABELS[o.kind] ?? o.kind);
  return (
    <>
      <p className="muted breadcrumbs">
        <Link href="/catalog">Catalog</Link> ›{" "}
        <Link href={`/catalog/${o.domain}`}>{DOMAIN_NAMES[o.domain as keyof typeof DOMAIN_NAMES]} matrix</Link>
        {o.parent && (
          <>
            {" "}
            › <ObjectLink domain={o.domain} item={o.parent} />
          </>
        )}
      </p>
      <h1>
        {o.title} <span className="muted mono">{o.attackId}</span>
      </h1>
      <Status o={o} />
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{o.stixType === "malware" || o.stixType === "tool" ? `${kind} (${o.stixType})` : kind}</dd>
        {o.aliases.length > 0 && (
          <>
            <dt>{o.kind === "software" ? "Associated software" : "Associated names"}</dt>
            <dd>{o.aliases.join(", ")}</dd>
          </>
        )}
        {o.tactics.length > 0 && (
          <>
            <dt>Tactics</dt>
            <dd>
              <RefList domain={o.domain} items={o.tactics} />
            </dd>
          </>
        )}
        {o.platforms.length > 0 && (
          <>
            <dt>Platforms</dt>
            <dd>{o.platforms.join(", ")}</dd>
          </>
        )}
        {o.otherDomains.length > 0 && (
          <>
            <dt>Also in</dt>
            <dd>
              {o.otherDomains.map((d, i) => (
                <span key={d.domain}>
                  {i > 0 && ", "}
                  <Link href={`/catalog/${d.domain}/${d.attackId ?? o.attackId}`}>
                    {DOMAIN_NAMES[d.domain as AttackDomain] ?? d.domain}
                  </Link>
                </span>
              ))}
            </dd>
          </>
        )}
        <dt>ATT&amp;CK</dt>
        <dd>
          {o.version ? `v${o.version}` : "—"}
          {o.url?.startsWith("https://") && (
            <>
              {" · "}
              <a href={o.url} rel="noopener noreferrer" target="_blank">
                on attack.mitre.org
              </a>
            </>
          )}
        </dd>
      </dl>
      {o.description && (
        <section className="panel" aria-labelledby="description">
          <h2 id="description">Description</h2>
          <MarkdownText text={o.description} citations={o.citations} testId="description" />
        </section>
      )}
      {o.subtechniques.length > 0 && (
        <section aria-labelledby="subtechniques">
          <h2 id="subtechniques">
            {o.kind === "tactic" ? "Techniques" : "Sub-techniques"} ({o.subtechniques.length})
          </h2>
          <ul className="columns">
            {o.subtechniques.map((s) => (
              <li key={s.attackId}>
                <ObjectLink domain={o.domain} item={s} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <Examples o={o} />
    </>
  );
}

function Status({ o }: { o: TCatalogObject }) {
  if (o.revoked) {
    return (
      <p className="notice warn" role="note">
        ATT&amp;CK revoked {o.attackId}
        {o.replacedBy ? (
          <>
            : it was replaced by <ObjectLink domain={o.domain} item={o.replacedBy} />. Use that instead.
          </>
        ) : (
          " and names no live replacement: pick another from the matrix."
        )}
      </p>
    );
  }
  if (o.deprecated) {
    return (
      <p className="notice warn" role="note">
        ATT&amp;CK deprecated {o.attackId}: it is kept for reference only and cannot be picked for new observations.
      </p>
    );
  }
  return null;
}

function ObjectLink({ domain, item }: { domain: string; item: TObjectRef }) {
  if (!item.attackId) return <>{item.name}</>;
  return (
    <Link href={`/catalog/${domain}/${item.attackId}`}>
      <span className="mono">{item.attackId}</span> {item.name}
    </Link>
  );
}

function RefList({ domain, items }: { domain: string; items: TObjectRef[] }) {
  return items.map((t, i) => (
    <span key={t.attackId ?? t.name}>
      {i > 0 && ", "}
      <ObjectLink domain={domain} item={t} />
    </span>
  ));
}

// A technique lists who ATT&CK says uses it; an actor lists the techniques it uses, each with ATT&CK's example.
function Examples({ o }: { o: TCatalogObject }) {
  const onActor = ACTOR_KINDS.includes(o.kind);
  if (o.kind !== "technique" && !onActor) return null;
  const title = onActor ? "Techniques used" : "Procedure examples";
  return (
    <section aria-labelledby="examples">
      <h2 id="examples">
        {title} ({o.examples.length})
      </h2>
      {onActor && o.examples.length > 0 && !o.revoked && (
        <p>
          <a href={`/api/v1/catalog/layer?domain=${o.domain}&actor=${o.attackId}`} download>
            Download as Navigator layer
          </a>{" "}
          <span className="muted">
            ({plural(new Set(o.examples.map((e) => e.ref.attackId)).size, "technique")}, score 1 each, layer format 4.5)
          </span>
        </p>
      )}
      {o.examples.length === 0 ? (
        <p className="panel empty">
          {onActor
            ? `ATT&CK has no procedure example for ${o.name} yet.`
            : `ATT&CK has no procedure example for ${o.title} yet: an accepted observation could be the first.`}
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-label={title} tabIndex={0}>
          <table className="stack examples">
            <caption className="visually-hidden">
              {title} for {o.title}, as ATT&amp;CK publishes them
            </caption>
            <thead>
              <tr>
                <th scope="col">{onActor ? "Technique" : "Used by"}</th>
                <th scope="col">Procedure</th>
              </tr>
            </thead>
            <tbody>
              {o.examples.map((e, i) => (
                <tr key={i}>
                  <td data-label={onActor ? "Technique" : "Used by"}>
                    <ObjectLink domain={o.domain} item={e.ref} />
                  </td>
                  <td data-label="Procedure">
                    <MarkdownText text={e.description} citations={e.references} testId="example" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
