// What the queue needs from the ATT&CK catalog, held in memory per catalog version (issue 9 "Speed"): names for
// its rows (as lib/attack/catalog catalogNames gives them), a technique's family, a tactic's techniques and an
// actor's STIX ids. Without it every request read the catalog again (a tactic filter parsed every technique's
// tactic list). Kept current like the search index: an import in this process drops it at once
// (catalogGeneration), another process's import is noticed from the current CatalogVersion rows, checked at most
// every CHECK_INTERVAL_MS.
import type { CatalogNames } from "../attack/catalog";
import { CHECK_INTERVAL_MS, catalogFingerprint, catalogGeneration } from "../attack/search-index-store";
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
}

interface Entry {
  fingerprint: string;
  generation: number;
  checkedAt: number;
  catalog: Promise<QueueCatalog>;
}

const store = ((globalThis as unknown as { __queueCatalog?: WeakMap<object, Entry> }).__queueCatalog ??= new WeakMap());

export async function queueCatalog(db: Tx): Promise<QueueCatalog> {
  const generation = catalogGeneration();
  const cached = store.get(db);
  const fresh = cached?.generation === generation;
  if (cached && fresh && Date.now() - cached.checkedAt < CHECK_INTERVAL_MS) return cached.catalog;
  const fingerprint = await catalogFingerprint(db);
  const now = store.get(db);
  if (now && now.generation === generation && now.fingerprint === fingerprint) {
    now.checkedAt = Date.now();
    return now.catalog;
  }
  const entry: Entry = { fingerprint, generation, checkedAt: Date.now(), catalog: loadCatalog(db) };
  store.set(db, entry);
  entry.catalog.catch(() => store.get(db) === entry && store.delete(db));
  return entry.catalog;
}

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
  };
}
