// Ranking and shaping of catalog search results: pure, so the rules are tested without a database.
// The tiers, best first (issue 8): the exact ATT&CK ID (an ID prefix lists the parent, then its
// sub-techniques), the name (exact, prefix, then substring), an alias, then description words
// (lib/attack/search-index scores those).
import type { AttackKind } from "./parse";

/** The columns a search reads from an AttackObject row. */
export interface SearchCandidate {
  stixId: string;
  attackId: string | null;
  name: string;
  kind: string;
  domain: string;
  aliases: unknown;
  isSubtechnique: boolean;
  parentAttackId: string | null;
}

/** What matched the query: the ATT&CK ID, the name, an alias (`matchedAlias`), or words of the text. */
export type MatchedOn = "id" | "name" | "alias" | "description";

/** What the search returns for each object (GET /catalog/search `items`, the pickers' options). */
export interface CatalogHit {
  stixId: string;
  attackId: string | null;
  name: string;
  kind: AttackKind;
  /** The ATT&CK domain whose catalog holds this object (`enterprise-attack`, `mobile-attack`, `ics-attack`). */
  domain: string;
  isSubtechnique: boolean;
  /** The parent technique's name, for sub-techniques ("Command and Scripting Interpreter" for T1059.001). */
  parentName: string | null;
  matchedOn: MatchedOn;
  /** The alias the query matched when the name did not match as well ("Cozy Bear" for APT29), else null. */
  matchedAlias: string | null;
  /** For a description match: the words around the first match in the description, else null. */
  snippet: string | null;
}

export interface RankedCandidate {
  row: SearchCandidate;
  matchedAlias: string | null;
  /** "name" when absent (a text match with no alias). */
  matchedOn?: MatchedOn;
  snippet?: string | null;
}

// Lower score = better: exact name, exact alias, name prefix, alias prefix, name substring, alias substring.
const EXACT = 0;
const PREFIX = 2;
const SUBSTRING = 4;
const ALIAS_PENALTY = 1;

/** A row's name and aliases, lower-cased once (the search index keeps them so). */
export interface FoldedNames {
  /** The name, and for a sub-technique also "parent: name" as the pickers show it. */
  names: string[];
  aliases: { alias: string; folded: string }[];
}

export function foldNames(row: SearchCandidate, parentName?: string | null): FoldedNames {
  const name = row.name.toLocaleLowerCase();
  return {
    names: parentName ? [name, `${parentName}: ${row.name}`.toLocaleLowerCase()] : [name],
    aliases: aliasesOf(row).map((alias) => ({ alias, folded: alias.toLocaleLowerCase() })),
  };
}

/** The score of a name or alias match of the (lower-cased) needle (Infinity: none), and the alias it matched. */
export function scoreNames(folded: FoldedNames, needle: string): { score: number; matchedAlias: string | null } {
  let score = Infinity;
  for (const name of folded.names) score = Math.min(score, textScore(name, needle));
  let matchedAlias: string | null = null;
  for (const { alias, folded: text } of folded.aliases) {
    const aliasScore = textScore(text, needle) + ALIAS_PENALTY;
    // Strictly better only: ATT&CK lists the name itself as the first alias, and a tie goes to the name.
    if (aliasScore < score) [score, matchedAlias] = [aliasScore, alias];
  }
  return { score, matchedAlias };
}

/** Rows whose name or an alias contains the (lower-cased) needle, best first, each with the alias it matched. */
export function rankText(rows: SearchCandidate[], needle: string, folded = (row: SearchCandidate) => foldNames(row)) {
  const scored: (RankedCandidate & { score: number })[] = [];
  for (const row of rows) {
    const { score, matchedAlias } = scoreNames(folded(row), needle);
    if (score < Infinity) scored.push({ row, matchedAlias, matchedOn: matchedAlias ? "alias" : "name", score });
  }
  scored.sort((a, b) => a.score - b.score || byKindAndName(a.row, b.row));
  return scored.map(({ row, matchedAlias, matchedOn }): RankedCandidate => ({ row, matchedAlias, matchedOn }));
}

/** Rows found by an ATT&CK ID prefix: the exact ID first, then the parent before its sub-techniques. */
export function rankById(rows: SearchCandidate[], id: string): RankedCandidate[] {
  const exactFirst = (row: SearchCandidate) => (row.attackId === id ? 0 : 1);
  return [...rows]
    .sort((a, b) => exactFirst(a) - exactFirst(b) || cmp(a.attackId ?? "", b.attackId ?? "") || cmp(a.domain, b.domain))
    .map((row) => ({ row, matchedAlias: null, matchedOn: "id" }));
}

/** Parents before sub-techniques, then by name, ATT&CK ID and domain: the order within one score. */
export function byKindAndName(a: SearchCandidate, b: SearchCandidate): number {
  return (
    Number(a.isSubtechnique) - Number(b.isSubtechnique) ||
    cmp(a.name, b.name) ||
    cmp(a.attackId ?? "", b.attackId ?? "") ||
    cmp(a.domain, b.domain)
  );
}

/** One result as the API and the pickers receive it; `parents` maps the row's domain's parent ATT&CK IDs to names. */
export function toCatalogHit(
  { row, matchedAlias, matchedOn, snippet }: RankedCandidate,
  parents: Map<string, string>,
): CatalogHit {
  return {
    stixId: row.stixId,
    attackId: row.attackId,
    name: row.name,
    kind: row.kind as AttackKind,
    domain: row.domain,
    isSubtechnique: row.isSubtechnique,
    parentName: (row.parentAttackId && parents.get(row.parentAttackId)) || null,
    matchedOn: matchedOn ?? (matchedAlias ? "alias" : "name"),
    matchedAlias,
    snippet: snippet ?? null,
  };
}

function textScore(text: string, needle: string): number {
  if (text === needle) return EXACT;
  if (text.startsWith(needle)) return PREFIX;
  if (text.includes(needle)) return SUBSTRING;
  return Infinity;
}

export function aliasesOf(row: Pick<SearchCandidate, "aliases">): string[] {
  return Array.isArray(row.aliases) ? row.aliases.filter((a): a is string => typeof a === "string") : [];
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
