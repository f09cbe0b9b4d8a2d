// `/catalog`: each ATT&CK domain with its current imported version and how many active objects of each kind it
// holds. Two queries whatever the number of domains.
import { ATTACK_DOMAINS, type AttackDomain } from "../attack/bundle-domain";
import type { Tx } from "../db/client";

export interface TDomainOverview {
  domain: AttackDomain;
  /** The current version, or null before the domain's first import. */
  version: string | null;
  importedAt: Date | null;
  /** Active (neither revoked nor deprecated) objects per kind: technique, tactic, group, software, campaign. */
  counts: Record<string, number>;
  /** Of the techniques, how many are sub-techniques. */
  subtechniques: number;
}

export async function listCatalogDomains(db: Tx): Promise<TDomainOverview[]> {
  const [versions, groups] = await Promise.all([
    db.catalogVersion.findMany({ where: { current: true }, orderBy: { importedAt: "desc" } }),
    db.attackObject.groupBy({
      by: ["domain", "kind", "isSubtechnique"],
      where: { revoked: false, deprecated: false },
      _count: { _all: true },
    }),
  ]);
  return ATTACK_DOMAINS.map((domain) => {
    const version = versions.find((v) => v.domain === domain) ?? null;
    const counts: Record<string, number> = {};
    let subtechniques = 0;
    for (const g of groups.filter((g) => g.domain === domain)) {
      counts[g.kind] = (counts[g.kind] ?? 0) + g._count._all;
      if (g.isSubtechnique) subtechniques += g._count._all;
    }
    return {
      domain,
      version: version?.version ?? null,
      importedAt: version?.importedAt ?? null,
      counts,
      subtechniques,
    };
  });
}
