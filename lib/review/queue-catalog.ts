// What the queue needs from the ATT&CK catalog, held in memory per catalog version (issue 9 "Speed"): names for
// its rows (as lib/attack/catalog catalogNames gives them), a technique's family, a tactic's techniques and an
// actor's STIX ids. Without it every request read the catalog again (a tactic filter parsed every technique's
// tactic list). Kept current like the search index (lib/attack/catalog-cache).
import type { CatalogNames } from "../attack/catalog";
import { catalogCache } from "../attack/catalog-cache";
import type { Tx } from "../db/client";

export interface QueueCatalog {
  /** stixId → name, ATT&CK id and (sub-techniques) parent name, for every object of every domain. */
  names: CatalogNames;
  /** The stixIds of the techniques under a tactic shortname, in a domain (or any domain). */
  techniquesOfTactic(shortnames: string[], domain?: string): string[];
  /** The shortnames of a tactic by its ATT&CK id (TA0005), in a domain (or any domain). */
  tacticShortnames(attackId: string, domain?: string): string[];
  /** A parent technique's sub-technique ATT&CK ids. */
  subTechniques(attackId: string): string[];
  /** The stixIds of the groups, software or campaigns with this ATT&CK id. */
  actorStixIds(attackId: string, domain?: string): string[];
  /** The domains whose catalog holds this technique (one, in ATT&CK's data; none once an import dropped it). */
  techniqueDomains(stixId: string): string[];
}

/** The queue's catalog data for this database client, current with its catalog (lib/attack/catalog-cache). */
export const queueCatalog: (db: Tx) => Promise<QueueCatalog> = catalogCache("queueCatalog", loadCatalog);

async function loadCatalog(db: Tx): Promise<QueueCatalog> {
  const rows = await db.attackObject.findMany({
    select: {
      stixId: true,
      attackId: true,
      name: true,
      kind: true,
      domain: true,
      parentAttackId: true,
      tactics: true,
      revoked: true,
    },
  });
  // As catalogNames: a sub-technique's parent is the live technique of its domain with the parent's ATT&CK id.
  const parentName = new Map<string, string>();
  for (const r of rows) {
    if (r.kind === "technique" && !r.revoked && r.attackId) parentName.set(`${r.domain} ${r.attackId}`, r.name);
  }
  const names: CatalogNames = new Map(
    rows.map((r) => [
      r.stixId,
      {
        name: r.name,
        attackId: r.attackId,
        parentName: r.parentAttackId ? (parentName.get(`${r.domain} ${r.parentAttackId}`) ?? null) : null,
      },
    ]),
  );
  const techniques = rows.filter((r) => r.kind === "technique");
  const inDomain = (r: { domain: string }, domain?: string) => domain === undefined || r.domain === domain;
  const domainsOf = new Map<string, string[]>();
  for (const t of techniques) domainsOf.set(t.stixId, [...(domainsOf.get(t.stixId) ?? []), t.domain]);
  return {
    names,
    techniquesOfTactic: (shortnames, domain) => [
      ...new Set(
        techniques
          .filter((t) => inDomain(t, domain) && (t.tactics as string[]).some((name) => shortnames.includes(name)))
          .map((t) => t.stixId),
      ),
    ],
    tacticShortnames: (attackId, domain) =>
      rows
        .filter((r) => r.kind === "tactic" && r.attackId === attackId && inDomain(r, domain))
        .flatMap((r) => r.tactics as string[]),
    subTechniques: (attackId) => [
      ...new Set(
        techniques.filter((t) => t.parentAttackId === attackId && t.attackId).map((t) => t.attackId as string),
      ),
    ],
    actorStixIds: (attackId, domain) => [
      ...new Set(
        rows
          .filter(
            (r) => r.attackId === attackId && ["group", "software", "campaign"].includes(r.kind) && inDomain(r, domain),
          )
          .map((r) => r.stixId),
      ),
    ],
    techniqueDomains: (stixId) => domainsOf.get(stixId) ?? [],
  };
}
