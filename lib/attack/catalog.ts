// Catalog look-ups for forms, the API and the observation services.
//
// Case-insensitive search has to behave the same on SQLite and PostgreSQL. Prisma's
// `mode: "insensitive"` does not exist on SQLite, SQLite's LIKE/LOWER fold ASCII only ("É" ≠ "é"),
// and aliases live in a Json column that neither database can LIKE portably. So: ATT&CK-ID queries
// use the attackId index (IDs are upper-case, so upper-casing the query is exact), and text queries
// fetch the domain's active names and aliases (under 2,000 small rows for Enterprise, a few ms) and
// match them in JS with full Unicode case folding. Identical results on both providers, no extra
// column to keep in sync.
import type { AttackObject, CatalogVersion } from "../../prisma/sqlite/client";
// Tx, not Db: callers may look things up inside their own transaction; a Db is a Tx too.
import type { Tx } from "../db/client";
import { AppError } from "../errors";
import { ATTACK_DOMAINS, ATTACK_KINDS, type AttackKind } from "./parse";

export const SEARCH_MAX_QUERY = 100;
export const SEARCH_MAX_LIMIT = 100;

export interface SearchCatalogInput {
  q: string;
  domain?: string;
  kinds?: AttackKind[];
  limit?: number;
}

export interface CatalogHit {
  stixId: string;
  attackId: string | null;
  name: string;
  kind: AttackKind;
  isSubtechnique: boolean;
  /** The parent technique's name, for sub-techniques ("Command and Scripting Interpreter: PowerShell"). */
  parentName?: string;
}

const ACTOR_KINDS: AttackKind[] = ["group", "software", "campaign"];
// T1059, T1059.001, TA0002, G0007, S0154, C0022 — and any prefix of them once a digit is typed.
const ATTACK_ID_PREFIX = /^(TA|T|G|S|C)\d+(\.\d*)?$/i;

const candidateSelect = {
  stixId: true,
  attackId: true,
  name: true,
  kind: true,
  aliases: true,
  isSubtechnique: true,
  parentAttackId: true,
} as const;

type Candidate = {
  stixId: string;
  attackId: string | null;
  name: string;
  kind: string;
  aliases: unknown;
  isSubtechnique: boolean;
  parentAttackId: string | null;
};

export async function searchCatalog(db: Tx, input: SearchCatalogInput): Promise<CatalogHit[]> {
  const q = input.q.trim().slice(0, SEARCH_MAX_QUERY);
  if (!q) return [];
  const domain = input.domain ?? "enterprise-attack";
  const kinds = input.kinds?.length ? input.kinds : [...ATTACK_KINDS];
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 20), 1), SEARCH_MAX_LIMIT);
  const active = { domain, kind: { in: kinds }, revoked: false, deprecated: false };

  let ranked: Candidate[];
  if (q.includes("--")) {
    ranked = await db.attackObject.findMany({ where: { ...active, stixId: q }, select: candidateSelect });
  } else if (ATTACK_ID_PREFIX.test(q)) {
    const id = q.toUpperCase();
    const rows = await db.attackObject.findMany({
      where: { ...active, attackId: { startsWith: id } },
      select: candidateSelect,
    });
    // Exact ID first, then the parent before its sub-techniques (string order of zero-padded IDs).
    ranked = rows.sort((a, b) => rankId(a, id) - rankId(b, id) || cmp(a.attackId ?? "", b.attackId ?? ""));
  } else {
    const rows = await db.attackObject.findMany({ where: active, select: candidateSelect });
    ranked = rankText(rows, q.toLocaleLowerCase());
  }
  const hits = ranked.slice(0, limit);
  const parents = await parentNames(db, domain, hits);
  return hits.map((row) => ({
    stixId: row.stixId,
    attackId: row.attackId,
    name: row.name,
    kind: row.kind as AttackKind,
    isSubtechnique: row.isSubtechnique,
    ...(row.parentAttackId && parents.has(row.parentAttackId) ? { parentName: parents.get(row.parentAttackId) } : {}),
  }));
}

function rankId(row: Candidate, id: string): number {
  return row.attackId === id ? 0 : 1;
}

// Lower score = better: exact name, exact alias, name prefix, alias prefix, name substring, alias substring.
function rankText(rows: Candidate[], needle: string): Candidate[] {
  const scored: { row: Candidate; score: number }[] = [];
  for (const row of rows) {
    const score = Math.min(
      textScore(row.name.toLocaleLowerCase(), needle, 0),
      ...aliasesOf(row).map((alias) => textScore(alias.toLocaleLowerCase(), needle, 1)),
    );
    if (score < Infinity) scored.push({ row, score });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      Number(a.row.isSubtechnique) - Number(b.row.isSubtechnique) ||
      cmp(a.row.name, b.row.name) ||
      cmp(a.row.attackId ?? "", b.row.attackId ?? ""),
  );
  return scored.map((s) => s.row);
}

function textScore(text: string, needle: string, aliasPenalty: number): number {
  if (text === needle) return 0 + aliasPenalty;
  if (text.startsWith(needle)) return 2 + aliasPenalty;
  if (text.includes(needle)) return 4 + aliasPenalty;
  return Infinity;
}

function aliasesOf(row: Candidate): string[] {
  return Array.isArray(row.aliases) ? row.aliases.filter((a): a is string => typeof a === "string") : [];
}

/** Names of the hits' parent techniques, by parent ATT&CK ID (for "Parent: Sub" labels). */
export async function parentNames(
  db: Tx,
  domain: string,
  hits: Pick<Candidate, "parentAttackId">[],
): Promise<Map<string, string>> {
  const ids = [...new Set(hits.map((h) => h.parentAttackId).filter((id): id is string => !!id))];
  if (ids.length === 0) return new Map();
  const rows = await db.attackObject.findMany({
    where: { domain, kind: "technique", revoked: false, attackId: { in: ids } },
    select: { attackId: true, name: true },
  });
  return new Map(rows.map((r) => [r.attackId ?? "", r.name]));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The technique an ATT&CK ID (`T1059.001`, any case) or STIX id names, unless revoked. Deprecated
 * techniques are returned with `deprecated: true`: whether they may still be used is the caller's rule.
 */
export async function resolveTechnique(db: Tx, domain: string, idOrStixId: string): Promise<AttackObject | null> {
  return resolve(db, domain, idOrStixId, ["technique"]);
}

/** The group, software or campaign an ATT&CK ID (`G0007`, `S0154`, `C0022`) or STIX id names, unless revoked. */
export async function resolveActor(db: Tx, domain: string, idOrStixId: string): Promise<AttackObject | null> {
  return resolve(db, domain, idOrStixId, ACTOR_KINDS);
}

async function resolve(db: Tx, domain: string, ref: string, kinds: AttackKind[]): Promise<AttackObject | null> {
  const key = ref.trim();
  if (!key) return null;
  const match = key.includes("--") ? { stixId: key } : { attackId: key.toUpperCase() };
  return db.attackObject.findFirst({ where: { domain, ...match, kind: { in: kinds }, revoked: false } });
}

/** The release whose rows the catalog holds for a domain, or null before the first import. */
export async function currentCatalog(db: Tx, domain: string): Promise<CatalogVersion | null> {
  return db.catalogVersion.findFirst({ where: { domain, current: true }, orderBy: { importedAt: "desc" } });
}

/** `GET /catalog/search` query parameters (q, domain, kinds=technique,group…), checked. */
export function parseCatalogQuery(params: URLSearchParams): SearchCatalogInput {
  const domain = params.get("domain") ?? "enterprise-attack";
  if (!(ATTACK_DOMAINS as readonly string[]).includes(domain)) {
    throw new AppError("VALIDATION", `Unknown domain "${domain}": use one of ${ATTACK_DOMAINS.join(", ")}.`);
  }
  const kinds = params.get("kinds")?.split(",").filter(Boolean);
  const bad = kinds?.find((k) => !(ATTACK_KINDS as readonly string[]).includes(k));
  if (bad) throw new AppError("VALIDATION", `Unknown kind "${bad}": use ${ATTACK_KINDS.join(", ")}.`);
  return { q: params.get("q") ?? "", domain, kinds: kinds as AttackKind[] | undefined, limit: 20 };
}

export type CatalogNames = Map<string, { name: string; attackId: string | null }>;

/** Names and ATT&CK IDs of the given STIX ids, in one query (for lists and detail pages). */
export async function catalogNames(db: Tx, stixIds: (string | null | undefined)[]): Promise<CatalogNames> {
  const ids = [...new Set(stixIds.filter((s): s is string => !!s))];
  const rows = ids.length
    ? await db.attackObject.findMany({
        where: { stixId: { in: ids } },
        select: { stixId: true, name: true, attackId: true },
      })
    : [];
  return new Map(rows.map((r) => [r.stixId, { name: r.name, attackId: r.attackId }]));
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
