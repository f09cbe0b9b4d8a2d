// Ranking and shaping of catalog search results: pure, so the rules are tested without a database.
import type { AttackKind } from "./parse";

/** The columns a search reads from an AttackObject row. */
export interface SearchCandidate {
  stixId: string;
  attackId: string | null;
  name: string;
  kind: string;
  aliases: unknown;
  isSubtechnique: boolean;
  parentAttackId: string | null;
}

/** What the search returns for each object (GET /catalog/search `items`, the pickers' options). */
export interface CatalogHit {
  stixId: string;
  attackId: string | null;
  name: string;
  kind: AttackKind;
  isSubtechnique: boolean;
  /** The parent technique's name, for sub-techniques ("Command and Scripting Interpreter" for T1059.001). */
  parentName: string | null;
  /** The alias the query matched when the name did not match as well ("Cozy Bear" for APT29), else null. */
  matchedAlias: string | null;
}

export interface RankedCandidate {
  row: SearchCandidate;
  matchedAlias: string | null;
}

// Lower score = better: exact name, exact alias, name prefix, alias prefix, name substring, alias substring.
const EXACT = 0;
const PREFIX = 2;
const SUBSTRING = 4;
const ALIAS_PENALTY = 1;

/** Rows whose name or an alias contains the (lower-cased) needle, best first, each with the alias it matched. */
export function rankText(rows: SearchCandidate[], needle: string): RankedCandidate[] {
  const scored: (RankedCandidate & { score: number })[] = [];
  for (const row of rows) {
    let score = textScore(row.name.toLocaleLowerCase(), needle);
    let matchedAlias: string | null = null;
    for (const alias of aliasesOf(row)) {
      const aliasScore = textScore(alias.toLocaleLowerCase(), needle) + ALIAS_PENALTY;
      // Strictly better only: ATT&CK lists the name itself as the first alias, and a tie goes to the name.
      if (aliasScore < score) [score, matchedAlias] = [aliasScore, alias];
    }
    if (score < Infinity) scored.push({ row, matchedAlias, score });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      Number(a.row.isSubtechnique) - Number(b.row.isSubtechnique) ||
      cmp(a.row.name, b.row.name) ||
      cmp(a.row.attackId ?? "", b.row.attackId ?? ""),
  );
  return scored.map(({ row, matchedAlias }) => ({ row, matchedAlias }));
}

/** Rows found by an ATT&CK ID prefix: the exact ID first, then the parent before its sub-techniques. */
export function rankById(rows: SearchCandidate[], id: string): RankedCandidate[] {
  const exactFirst = (row: SearchCandidate) => (row.attackId === id ? 0 : 1);
  return [...rows]
    .sort((a, b) => exactFirst(a) - exactFirst(b) || cmp(a.attackId ?? "", b.attackId ?? ""))
    .map((row) => ({ row, matchedAlias: null }));
}

/** One result as the API and the pickers receive it; `parents` maps parent ATT&CK IDs to names. */
export function toCatalogHit({ row, matchedAlias }: RankedCandidate, parents: Map<string, string>): CatalogHit {
  return {
    stixId: row.stixId,
    attackId: row.attackId,
    name: row.name,
    kind: row.kind as AttackKind,
    isSubtechnique: row.isSubtechnique,
    parentName: (row.parentAttackId && parents.get(row.parentAttackId)) || null,
    matchedAlias,
  };
}

function textScore(text: string, needle: string): number {
  if (text === needle) return EXACT;
  if (text.startsWith(needle)) return PREFIX;
  if (text.includes(needle)) return SUBSTRING;
  return Infinity;
}

function aliasesOf(row: SearchCandidate): string[] {
  return Array.isArray(row.aliases) ? row.aliases.filter((a): a is string => typeof a === "string") : [];
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
