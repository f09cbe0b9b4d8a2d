// Catalog look-ups for forms, the API and the observation services.
//
// Search runs in memory (lib/attack/search-index, kept current by lib/attack/search-index-store): identical
// results on SQLite and PostgreSQL, full Unicode case folding (SQLite's LIKE/LOWER fold ASCII only), aliases
// matched although they live in a Json column, and a few ms per query over all three domains. The look-ups by
// ID below use the attackId/stixId indexes.
import type { AttackObject, CatalogVersion } from "../../prisma/sqlite/client";
// Tx, not Db: callers may look things up inside their own transaction; a Db is a Tx too.
import type { Tx } from "../db/client";
import { AppError } from "../errors";
import type { TNameable } from "./label";
import { ACTOR_KINDS, ATTACK_DOMAINS, ATTACK_KINDS, type AttackKind } from "./parse";
import { queryIndex } from "./search-index";
import { catalogSearchIndex } from "./search-index-store";
import type { CatalogHit, SearchCandidate } from "./search-rank";

export const SEARCH_MAX_QUERY = 100;
export const SEARCH_MAX_LIMIT = 100;

export interface SearchCatalogInput {
  q: string;
  /** One ATT&CK domain; absent: every domain. */
  domain?: string;
  kinds?: AttackKind[];
  limit?: number;
}

export type { CatalogHit, MatchedOn } from "./search-rank";

/**
 * The active catalog objects a query names, best first: the exact ATT&CK ID (an ID prefix lists the parent, then
 * its sub-techniques), the name, an alias (named in `matchedAlias`), then description words (all must match).
 * Revoked and deprecated objects never appear.
 */
export async function searchCatalog(db: Tx, input: SearchCatalogInput): Promise<CatalogHit[]> {
  const q = input.q.trim().slice(0, SEARCH_MAX_QUERY);
  if (!q) return [];
  const kinds = input.kinds?.length ? input.kinds : [...ATTACK_KINDS];
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 20), 1), SEARCH_MAX_LIMIT);
  return queryIndex(await catalogSearchIndex(db), { q, domain: input.domain, kinds, limit });
}

/** Names of the hits' parent techniques, by parent ATT&CK ID (for "Parent: Sub" labels). */
export async function parentNames(
  db: Tx,
  domain: string,
  hits: Pick<SearchCandidate, "parentAttackId">[],
): Promise<Map<string, string>> {
  const ids = [...new Set(hits.map((h) => h.parentAttackId).filter((id): id is string => !!id))];
  if (ids.length === 0) return new Map();
  const rows = await db.attackObject.findMany({
    where: { domain, kind: "technique", revoked: false, attackId: { in: ids } },
    select: { attackId: true, name: true },
  });
  return new Map(rows.map((r) => [r.attackId ?? "", r.name]));
}

/**
 * The technique an ATT&CK ID (`T1059.001`, any case) or STIX id names, unless revoked. Deprecated
 * techniques are returned with `deprecated: true`: whether they may still be used is the caller's rule.
 */
export async function resolveTechnique(db: Tx, domain: string, idOrStixId: string): Promise<CatalogRow | null> {
  return resolve(db, domain, idOrStixId, ["technique"]);
}

/** The group, software or campaign an ATT&CK ID (`G0007`, `S0154`, `C0022`) or STIX id names, unless revoked. */
export async function resolveActor(db: Tx, domain: string, idOrStixId: string): Promise<CatalogRow | null> {
  return resolve(db, domain, idOrStixId, [...ACTOR_KINDS]);
}

/**
 * A catalog object without the STIX object as published: that column is the row's bulk (up to tens of KB of JSON
 * for a group), and a look-up that checks a reference never reads it (an export reads it where it needs it).
 */
export type CatalogRow = Omit<AttackObject, "stix">;

/**
 * Every submission and edit checks its technique and actor here: one statement, written out (through findFirst
 * Prisma compiled the query on every call, 1–2 ms against 0.2–0.4 ms). The kinds are tested on the few rows
 * that share the ID (one, almost always). lib/attack/catalog.integration.test.ts holds it to findFirst's answers.
 */
async function resolve(db: Tx, domain: string, ref: string, kinds: AttackKind[]): Promise<CatalogRow | null> {
  const key = ref.trim();
  if (!key) return null;
  // One of the two is null, which equals nothing: the other decides (each side has its index).
  const [stixId, attackId] = key.includes("--") ? [key, null] : [null, key.toUpperCase()];
  const rows = await db.$queryRaw<CatalogRow[]>`
    SELECT "id", "domain", "stixId", "attackId", "kind", "stixType", "name", "description", "url", "aliases",
      "tactics", "platforms", "isSubtechnique", "parentAttackId", "revoked", "revokedBy", "deprecated", "version",
      "modified"
    FROM "AttackObject"
    WHERE "domain" = ${domain} AND ("stixId" = ${stixId} OR "attackId" = ${attackId}) AND "revoked" = false`;
  return rows.find((row) => (kinds as string[]).includes(row.kind)) ?? null;
}

/** The release whose rows the catalog holds for a domain, or null before the first import. */
export async function currentCatalog(db: Tx, domain: string): Promise<CatalogVersion | null> {
  return db.catalogVersion.findFirst({ where: { domain, current: true }, orderBy: { importedAt: "desc" } });
}

/** What `domain=` takes besides one domain's name: every domain (as does leaving it out). */
export const ALL_DOMAINS = "all";

/**
 * `GET /catalog/search` query parameters, checked: q, domain (one of ATTACK_DOMAINS; `all` or absent: every
 * domain), kinds (technique,group… ; absent: every kind).
 */
export function parseCatalogQuery(params: URLSearchParams): SearchCatalogInput {
  const domain = params.get("domain") || ALL_DOMAINS;
  if (domain !== ALL_DOMAINS && !(ATTACK_DOMAINS as readonly string[]).includes(domain)) {
    const message = `Unknown domain "${domain}": use one of ${ATTACK_DOMAINS.join(", ")}, or ${ALL_DOMAINS} (or leave domain out) for every domain.`;
    throw new AppError("VALIDATION", message, [{ path: "domain", message }]);
  }
  const kinds = params.get("kinds")?.split(",").filter(Boolean);
  const bad = kinds?.find((k) => !(ATTACK_KINDS as readonly string[]).includes(k));
  if (bad) {
    const message = `Unknown kind "${bad}" in kinds: use ${ATTACK_KINDS.join(", ")}, separated by commas.`;
    throw new AppError("VALIDATION", message, [{ path: "kinds", message }]);
  }
  return {
    q: params.get("q") ?? "",
    ...(domain === ALL_DOMAINS ? {} : { domain }),
    kinds: kinds as AttackKind[] | undefined,
    limit: 20,
  };
}

export type CatalogNames = Map<string, TNameable>;

/**
 * Names and ATT&CK IDs of the given STIX ids, with each sub-technique's parent name (for lists and detail
 * pages: lib/attack/label catalogLabel), in two queries.
 */
export async function catalogNames(db: Tx, stixIds: (string | null | undefined)[]): Promise<CatalogNames> {
  const ids = [...new Set(stixIds.filter((s): s is string => !!s))];
  const rows = ids.length
    ? await db.attackObject.findMany({
        where: { stixId: { in: ids } },
        select: { stixId: true, name: true, attackId: true, domain: true, parentAttackId: true },
      })
    : [];
  const parentIds = [...new Set(rows.map((r) => r.parentAttackId).filter((id): id is string => !!id))];
  const parents = parentIds.length
    ? await db.attackObject.findMany({
        where: { kind: "technique", revoked: false, attackId: { in: parentIds } },
        select: { domain: true, attackId: true, name: true },
      })
    : [];
  const parentName = new Map(parents.map((p) => [`${p.domain} ${p.attackId}`, p.name]));
  return new Map(
    rows.map((r) => [
      r.stixId,
      {
        name: r.name,
        attackId: r.attackId,
        parentName: r.parentAttackId ? (parentName.get(`${r.domain} ${r.parentAttackId}`) ?? null) : null,
      },
    ]),
  );
}

/**
 * The platforms a domain's techniques name (`Windows`, `Linux`, `IaaS`, `Office Suite`, …): the vocabulary an
 * observation's platforms must come from. Revoked and deprecated techniques are left out: their old platform
 * names (e.g. `Azure AD`) are no longer ATT&CK's. Sorted by name; empty before the first import.
 */
export async function platformVocabulary(db: Tx, domain: string): Promise<string[]> {
  const rows = await db.attackObject.findMany({
    where: { domain, kind: "technique", revoked: false, deprecated: false },
    select: { platforms: true },
  });
  const names = new Set<string>();
  for (const row of rows) {
    if (Array.isArray(row.platforms)) for (const p of row.platforms) if (typeof p === "string") names.add(p);
  }
  return [...names].sort((a, b) => a.localeCompare(b, "en"));
}
