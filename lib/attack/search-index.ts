// The catalog search index: every active (not revoked, not deprecated) technique, sub-technique, tactic, group,
// software and campaign of every domain, in memory. Pure (no database): lib/attack/search-index-store builds it
// from the database and keeps it current; the tests build it from plain rows.
//
// Names and aliases are matched as today (lib/attack/search-rank: exact, prefix, substring, Unicode case
// folding); description words through an inverted index over lower-cased tokens of the name, aliases and the
// description's plain text. Every query word must match a token (as a prefix, so "cred dump" finds "credential
// dumping"); documents rank by BM25 with name and alias tokens weighing more than description ones.
import { stripCitations } from "../markdown/citations";
import type { AttackKind } from "./parse";
import {
  byKindAndName,
  foldNames,
  rankById,
  rankText,
  toCatalogHit,
  type CatalogHit,
  type FoldedNames,
  type RankedCandidate,
  type SearchCandidate,
} from "./search-rank";

/** What the index is built from: the searchable columns plus the description and the row's status. */
export interface IndexRow extends SearchCandidate {
  description: string;
  revoked: boolean;
  deprecated: boolean;
}

export interface IndexQuery {
  q: string;
  /** One domain, or every domain when absent. */
  domain?: string;
  kinds: readonly AttackKind[];
  limit: number;
}

interface Doc {
  row: SearchCandidate;
  folded: FoldedNames;
  /** The description as ATT&CK wrote it (markdown, citations): plainText() for reading. */
  description: string;
  /** plainText(description), kept once a snippet needed it. */
  plain?: string;
  /** BM25's length normalization of this document: 1 - b + b × length / average length. */
  norm: number;
}

export interface SearchIndex {
  docs: Doc[];
  /** Each doc's lower-cased names and aliases, by its row (what rankText reads). */
  folded: Map<SearchCandidate, FoldedNames>;
  /** Parent technique names by domain, then parent ATT&CK ID (revoked parents left out, deprecated kept). */
  parents: Map<string, Map<string, string>>;
  /** Every token, sorted, for prefix look-ups by binary search. */
  vocabulary: string[];
  /** Token → [doc index, weighted term frequency] pairs, flat. */
  postings: Map<string, number[]>;
}

// T1059, T1059.001, TA0002, G0007, S0154, C0022 — and any prefix of them once a digit is typed.
export const ATTACK_ID_PREFIX = /^(TA|T|G|S|C)\d+(\.\d*)?$/i;

// A name or alias token counts this many times a description token.
const NAME_WEIGHT = 3;
// A query word that is only a prefix of the token scores this fraction of a whole-word match.
const PREFIX_WEIGHT = 0.6;
const BM25_K1 = 1.2;
const BM25_B = 0.75;
const SNIPPET_BEFORE = 40;
const SNIPPET_LENGTH = 120;

const MARKDOWN_LINK = /\[([^\]]*)\]\([^)]*\)/g;
const URL_LIKE = /\bhttps?:\/\/\S+/gi;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** Lower-cased words of a text (letters and digits of any script). */
export function tokenize(text: string): string[] {
  return text.toLocaleLowerCase().split(NOT_WORD).filter(Boolean);
}

/** The words of an ATT&CK description: citations out, links as their text, URLs out. */
function wordsOf(description: string): string {
  return stripCitations(description).replace(MARKDOWN_LINK, "$1").replace(URL_LIKE, " ");
}

/** An ATT&CK description as plain text, for reading: its words (wordsOf), `<code>` tags out, one space between. */
export function plainText(description: string): string {
  return wordsOf(description)
    .replace(/<\/?code>/g, "")
    .replace(/(^|\n)[ \t]*[*-][ \t]+/g, "$1") // markdown list bullets
    .replace(/\s+/g, " ")
    .trim();
}

export function buildSearchIndex(rows: IndexRow[]): SearchIndex {
  const parents = new Map<string, Map<string, string>>();
  for (const row of rows) {
    if (row.kind !== "technique" || row.isSubtechnique || row.revoked || !row.attackId) continue;
    if (!parents.has(row.domain)) parents.set(row.domain, new Map());
    parents.get(row.domain)!.set(row.attackId, row.name);
  }
  const docs: Doc[] = [];
  // Flat [doc, frequency, doc, frequency, …] per token, appended in doc order: no map per token.
  const postings = new Map<string, number[]>();
  const lengths: number[] = [];
  for (const row of rows) {
    if (row.revoked || row.deprecated) continue;
    const parentName = row.parentAttackId ? parents.get(row.domain)?.get(row.parentAttackId) : null;
    const folded = foldNames(row, parentName);
    const doc = docs.length;
    const counts = new Map<string, number>();
    const add = (tokens: string[], weight: number) => {
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + weight);
    };
    add(tokenize(row.name), NAME_WEIGHT);
    for (const { folded: alias } of folded.aliases) if (alias !== folded.names[0]) add(tokenize(alias), NAME_WEIGHT);
    add(tokenize(wordsOf(row.description)), 1);
    let length = 0;
    for (const [token, count] of counts) {
      length += count;
      const list = postings.get(token);
      if (list) list.push(doc, count);
      else postings.set(token, [doc, count]);
    }
    lengths.push(length);
    docs.push({ row: searchColumns(row), folded, description: row.description, norm: 1 });
  }
  const average = lengths.reduce((sum, n) => sum + n, 0) / (lengths.length || 1);
  docs.forEach((doc, i) => (doc.norm = 1 - BM25_B + (BM25_B * lengths[i]!) / average));
  return {
    docs,
    folded: new Map(docs.map((doc) => [doc.row, doc.folded])),
    parents,
    vocabulary: [...postings.keys()].sort(),
    postings,
  };
}

/** The ranked hits for a query (already trimmed and non-empty), at most `limit`. */
export function queryIndex(index: SearchIndex, query: IndexQuery): CatalogHit[] {
  const inScope = (doc: Doc) =>
    (!query.domain || doc.row.domain === query.domain) && query.kinds.includes(doc.row.kind as AttackKind);
  const q = query.q;
  let ranked: RankedCandidate[];
  if (q.includes("--")) {
    ranked = index.docs
      .filter((doc) => doc.row.stixId === q && inScope(doc))
      .map((doc) => ({ row: doc.row, matchedAlias: null, matchedOn: "id" }));
  } else if (ATTACK_ID_PREFIX.test(q)) {
    const id = q.toUpperCase();
    const rows = index.docs.filter((doc) => doc.row.attackId?.startsWith(id) && inScope(doc)).map((doc) => doc.row);
    ranked = rankById(rows, id);
    // Then names and aliases (the software "T9000", the "C2" in names), but no description words: texts cite
    // IDs all the time, and an ID search lists the ID's own objects.
    const byId = new Set(rows);
    const scope = index.docs.filter((doc) => inScope(doc) && !byId.has(doc.row)).map((doc) => doc.row);
    ranked = ranked.concat(rankText(scope, q.toLocaleLowerCase(), (row) => index.folded.get(row)!));
  } else {
    const scope: SearchCandidate[] = [];
    for (const doc of index.docs) if (inScope(doc)) scope.push(doc.row);
    ranked = rankText(scope, q.toLocaleLowerCase(), (row) => index.folded.get(row)!);
    if (ranked.length < query.limit) {
      const seen = new Set(ranked.map((r) => r.row));
      const words = [...new Set(tokenize(q))];
      const more = rankWords(index, words, (doc) => inScope(doc) && !seen.has(doc.row));
      ranked = ranked.concat(
        more.slice(0, query.limit - ranked.length).map((doc) => ({
          row: doc.row,
          matchedAlias: null,
          matchedOn: "description",
          snippet: snippet((doc.plain ??= plainText(doc.description)), words),
        })),
      );
    }
  }
  return ranked
    .slice(0, query.limit)
    .map((hit) => toCatalogHit(hit, index.parents.get(hit.row.domain) ?? new Map<string, string>()));
}

/** Documents holding every word (as a token or a token's prefix), best BM25 score first. */
function rankWords(index: SearchIndex, words: string[], wanted: (doc: Doc) => boolean): Doc[] {
  if (words.length === 0) return [];
  const n = index.docs.length;
  // Typed arrays, not maps: a two-letter prefix touches thousands of postings.
  const total = new Float64Array(n);
  const matched = new Uint8Array(n);
  const best = new Float64Array(n);
  const touched: number[] = [];
  for (const word of words) {
    touched.length = 0;
    for (let i = lowerBound(index.vocabulary, word); i < index.vocabulary.length; i++) {
      const token = index.vocabulary[i]!;
      if (!token.startsWith(word)) break;
      const postings = index.postings.get(token)!;
      const df = postings.length / 2;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (token === word ? 1 : PREFIX_WEIGHT);
      for (let p = 0; p < postings.length; p += 2) {
        const doc = postings[p]!;
        const tf = postings[p + 1]!;
        const score = (idf * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * index.docs[doc]!.norm);
        if (best[doc] === 0) touched.push(doc);
        if (score > best[doc]!) best[doc] = score;
      }
    }
    for (const doc of touched) {
      total[doc]! += best[doc]!;
      matched[doc]!++;
      best[doc] = 0;
    }
  }
  const scored: { doc: Doc; score: number }[] = [];
  for (let doc = 0; doc < n; doc++) {
    if (matched[doc] === words.length && wanted(index.docs[doc]!))
      scored.push({ doc: index.docs[doc]!, score: total[doc]! });
  }
  scored.sort((a, b) => b.score - a.score || byKindAndName(a.doc.row, b.doc.row));
  return scored.map((s) => s.doc);
}

function lowerBound(sorted: string[], key: string): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The words around the first query word in the description ("…dumps credentials from LSASS…"), or null. */
export function snippet(text: string, words: string[]): string | null {
  if (!text || words.length === 0) return null;
  const at = firstWordAt(text, words);
  if (at < 0) return null;
  let start = Math.max(0, at - SNIPPET_BEFORE);
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) end = text.lastIndexOf(" ", end) > at ? text.lastIndexOf(" ", end) : end;
  return `${start > 0 ? "…" : ""}${text.slice(start, end).trim()}${end < text.length ? "…" : ""}`;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Where the first of the (lower-cased) words starts a word of the text, or -1. */
function firstWordAt(text: string, words: string[]): number {
  const folded = text.toLocaleLowerCase();
  if (folded.length !== text.length) {
    // Folding changed the length (rare letters): positions would not map back, so let the regex fold instead.
    const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})`, "iu").exec(text)?.index ?? -1;
  }
  let first = -1;
  for (const word of words) {
    for (let i = folded.indexOf(word); i >= 0 && (first < 0 || i < first); i = folded.indexOf(word, i + 1)) {
      if (i === 0 || !WORD_CHAR.test(folded[i - 1]!)) {
        first = i;
        break;
      }
    }
  }
  return first;
}

function searchColumns(row: IndexRow): SearchCandidate {
  const { stixId, attackId, name, kind, domain, aliases, isSubtechnique, parentAttackId } = row;
  return { stixId, attackId, name, kind, domain, aliases, isSubtechnique, parentAttackId };
}
