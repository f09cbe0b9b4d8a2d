// Technique suggestions (issue 11): given a procedure text, rank the techniques and sub-techniques it most
// likely describes, with a score and a short "why". Pure (no database, no framework): lib/attack/suggest-store
// builds the index from the imported catalog and keeps it current; the tests and the bench build it from rows.
//
// Two lexical signals, both BM25 over Porter-stemmed content words (lib/attack/similarity's tokenizer):
// - the k nearest ATT&CK procedure examples (their wording without the actor's link, name, links' targets
//   and citations) vote for their technique, each vote weighted by its BM25 score relative to the best one;
// - the technique's own name and description, as a document, for techniques with few examples and texts
//   worded like ATT&CK's definitions rather than its examples.
// A technique's score is its share of the vote plus a smaller share of the document ranking; a sub-technique
// lends part of its score to its parent (a text that fits T1059.001 also fits T1059). Revoked and deprecated
// techniques are never indexed, and examples pointing at them are dropped.
import { stemmer } from "stemmer";
import { stripCitations } from "../markdown/citations";

/** At most this many suggestions are returned. */
export const SUGGEST_MAX = 10;

/** A technique row of the catalog (AttackObject, kind "technique"). */
export interface SuggestTechniqueRow {
  domain: string;
  stixId: string;
  attackId: string | null;
  name: string;
  description: string;
  isSubtechnique: boolean;
  parentAttackId: string | null;
  revoked: boolean;
  deprecated: boolean;
}

/** A procedure example of the catalog (KnownProcedure): an actor's `uses` of a technique. */
export interface SuggestExampleRow {
  domain: string;
  /** The technique's STIX id. */
  targetRef: string;
  description: string;
  /** The actor's name and aliases: stripped from the wording so the ranking is by behaviour, not by actor. */
  actorNames?: readonly string[];
}

export interface Suggestion {
  /** The technique's ATT&CK ID (T1059.001). */
  technique: string;
  stixId: string;
  domain: string;
  /** "Parent: Sub" for a sub-technique. */
  name: string;
  /** 0..1, two decimals: the technique's share of the evidence. */
  score: number;
  /** A short reason: the matching words, and how many of the nearest ATT&CK examples are of this technique. */
  why: string;
}

export interface SuggestQuery {
  text: string;
  /** One domain, or every domain when absent. */
  domain?: string;
  limit?: number;
  /** Only these techniques (STIX ids) may be suggested: a remap's plausible successors. */
  only?: ReadonlySet<string>;
}

/** Tuning, exported for the bench (lib/attack/suggest.bench.ts measures each change). */
export interface SuggestTuning {
  /** How many nearest examples vote. */
  neighbours: number;
  /** A neighbour's vote is (its score / the best score) to this power. */
  votePower: number;
  /** Weight of the technique-document ranking beside the vote (whose shares sum to 1). */
  docWeight: number;
  /** Share of a sub-technique's score its parent gets too. */
  parentShare: number;
}

// Measured on the Enterprise 17.1 hold-out (npm run bench): k 20–50, vote power 2–4, document weight 0.15–0.5 and
// parent share 0–0.3 all land within ±0.01 of top-1 0.69 / top-5 0.91; these were best.
export const DEFAULT_TUNING: SuggestTuning = { neighbours: 30, votePower: 2, docWeight: 0.5, parentShare: 0.3 };

interface TechniqueDoc {
  row: SuggestTechniqueRow;
  /** Name as a reader sees it: "Parent: Sub" for a sub-technique. */
  label: string;
  /** Index of the parent technique in the domain's list, or -1. */
  parent: number;
}

interface DomainIndex {
  domain: string;
  techniques: TechniqueDoc[];
  techniqueDocs: Bm25;
  exampleDocs: Bm25;
  /** The technique (index into techniques) of each example. */
  exampleTechnique: Int32Array;
}

export interface SuggestIndex {
  domains: Map<string, DomainIndex>;
  tuning: SuggestTuning;
  /** Counts, for the bench and logs. */
  techniques: number;
  examples: number;
}

// Words every procedure example shares ("has used … to …"): they say nothing about what was done.
const STOPWORDS = new Set(
  (
    "a an and are as at be been by can could did do does for from had has have in into is it its of on or " +
    "that the their them then these they this those to was were which while who will with within via also " +
    "use used uses using utilized leveraged employed able other such some may not than more most over after " +
    "before during when where what each both any all our we you your he she his her i me my"
  ).split(" "),
);

const MARKDOWN_LINK = /\[([^\]]*)\]\([^)]*\)/g;
const LEADING_LINK = /^\s*\[[^\]]*\]\([^)]*\)/;
const URL_LIKE = /\bhttps?:\/\/\S+/gi;
const HTML_TAG = /<\/?[a-z][^>]*>/gi;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

// The Porter stemmer is the costliest step of a build: each distinct word is stemmed once per process.
const stems = new Map<string, string>();
function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stems.size < 200_000) stems.set(word, s);
  }
  return s;
}

/** A text's words as [surface, stem] pairs: lower-cased, no stop words, no one-letter words, no bare numbers. */
export function words(text: string): [string, string][] {
  const plain = stripCitations(text).replace(MARKDOWN_LINK, " $1 ").replace(URL_LIKE, " ").replace(HTML_TAG, " ");
  const out: [string, string][] = [];
  for (const w of plain.toLocaleLowerCase().split(NOT_WORD)) {
    if (w.length < 2 || w.length > 40 || STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    out.push([w, stem(w)]);
  }
  return out;
}

/** Content-word stems of a text (see words). */
export function terms(text: string): string[] {
  return words(text).map(([, s]) => s);
}

/**
 * An ATT&CK procedure example as a contributor would write it: no leading actor link, no other mention of
 * the actor's names, links as their text, no citations.
 */
export function exampleWording(description: string, actorNames: readonly string[] = []): string {
  let text = description.replace(LEADING_LINK, " ").replace(MARKDOWN_LINK, " $1 ");
  for (const name of actorNames) {
    if (name.trim().length < 2) continue;
    text = withoutName(text, name.trim());
  }
  return stripCitations(text);
}

// A letter or digit of any script: a name counts only as a whole word ("FIN7", not the start of "FIN75").
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

function isWordCharAt(text: string, at: number, before: boolean): boolean {
  if (at < 0 || at >= text.length) return false;
  // The whole code point: a letter outside the BMP is two UTF-16 units.
  const low = before && at > 0 && /[\udc00-\udfff]/.test(text[at]!) && /[\ud800-\udbff]/.test(text[at - 1]!);
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(low ? at - 1 : at)!));
}

/**
 * `text` with each whole-word, case-insensitive occurrence of `name` replaced by a space. A plain search on
 * lower-cased copies: a `giu` RegExp per name (thousands of actor names and aliases) costs ~1.5 ms each to
 * compile, which made a process's first index build ~4 s instead of ~0.5 s (V8 caches them only afterwards).
 */
function withoutName(text: string, name: string): string {
  const lower = text.toLowerCase();
  const needle = name.toLowerCase();
  // Lower-casing changed a length (a few non-ASCII letters): positions would not line up, so the RegExp.
  if (lower.length !== text.length || needle.length !== name.length) {
    return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "giu"), " ");
  }
  let out = "";
  let from = 0;
  let at = lower.indexOf(needle);
  while (at >= 0) {
    const end = at + needle.length;
    if (isWordCharAt(text, at - 1, true) || isWordCharAt(text, end, false)) {
      at = lower.indexOf(needle, at + 1);
      continue;
    }
    out += `${text.slice(from, at)} `;
    from = end;
    at = lower.indexOf(needle, end);
  }
  return from === 0 ? text : out + text.slice(from);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ---------------------------------------------------------------------------------------------- BM25

const BM25_K1 = 1.2;
const BM25_B = 0.75;

/** A BM25 index over documents given as stem lists: flat postings per term, one length norm per doc. */
class Bm25 {
  readonly size: number;
  private readonly postings = new Map<string, { docs: Int32Array; tfs: Float32Array }>();
  private readonly norms: Float32Array;

  constructor(docs: Map<string, number>[]) {
    this.size = docs.length;
    const lists = new Map<string, number[]>();
    const lengths = new Float64Array(docs.length);
    docs.forEach((counts, doc) => {
      for (const [term, tf] of counts) {
        lengths[doc]! += tf;
        const list = lists.get(term);
        if (list) list.push(doc, tf);
        else lists.set(term, [doc, tf]);
      }
    });
    const average = lengths.reduce((sum, n) => sum + n, 0) / (docs.length || 1) || 1;
    this.norms = Float32Array.from(lengths, (n) => 1 - BM25_B + (BM25_B * n) / average);
    for (const [term, list] of lists) {
      const n = list.length / 2;
      const entry = { docs: new Int32Array(n), tfs: new Float32Array(n) };
      for (let i = 0; i < n; i++) {
        entry.docs[i] = list[2 * i]!;
        entry.tfs[i] = list[2 * i + 1]!;
      }
      this.postings.set(term, entry);
    }
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** Every document's score for the query terms (each counted once per occurrence in the query, sub-linearly). */
  score(query: Map<string, number>, into: Float64Array): Float64Array {
    into.fill(0);
    for (const [term, qtf] of query) {
      const entry = this.postings.get(term);
      if (!entry) continue;
      const weight = this.idf(term) * (1 + Math.log(qtf));
      const { docs, tfs } = entry;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        const tf = tfs[i]!;
        into[doc]! += (weight * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * this.norms[doc]!);
      }
    }
    return into;
  }

  termsOf(doc: number, query: Iterable<string>): string[] {
    const found: string[] = [];
    for (const term of query) {
      const entry = this.postings.get(term);
      if (entry && binarySearch(entry.docs, doc)) found.push(term);
    }
    return found;
  }
}

function binarySearch(sorted: Int32Array, key: number): boolean {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === key;
}

function counts(stemsOf: string[], weight = 1, into = new Map<string, number>()): Map<string, number> {
  for (const t of stemsOf) into.set(t, (into.get(t) ?? 0) + weight);
  return into;
}

// --------------------------------------------------------------------------------------------- build

// A technique's name words count this many times its description's.
const NAME_WEIGHT = 3;

export function buildSuggestIndex(
  techniques: readonly SuggestTechniqueRow[],
  examples: readonly SuggestExampleRow[],
  tuning: SuggestTuning = DEFAULT_TUNING,
): SuggestIndex {
  const byDomain = new Map<string, SuggestTechniqueRow[]>();
  for (const row of techniques) {
    if (row.revoked || row.deprecated || !row.attackId) continue;
    if (!byDomain.has(row.domain)) byDomain.set(row.domain, []);
    byDomain.get(row.domain)!.push(row);
  }
  const domains = new Map<string, DomainIndex>();
  let exampleCount = 0;
  for (const [domain, rows] of byDomain) {
    rows.sort((a, b) => a.attackId!.localeCompare(b.attackId!));
    const at = new Map(rows.map((row, i) => [row.attackId!, i]));
    const byStix = new Map(rows.map((row, i) => [row.stixId, i]));
    const docs: TechniqueDoc[] = rows.map((row) => {
      const parent = row.isSubtechnique && row.parentAttackId ? (at.get(row.parentAttackId) ?? -1) : -1;
      return { row, parent, label: parent >= 0 ? `${rows[parent]!.name}: ${row.name}` : row.name };
    });
    const techniqueDocs = new Bm25(
      docs.map((doc) => {
        const c = counts(terms(doc.label), NAME_WEIGHT);
        return counts(terms(doc.row.description), 1, c);
      }),
    );
    const exampleCounts: Map<string, number>[] = [];
    const labels: number[] = [];
    for (const example of examples) {
      if (example.domain !== domain) continue;
      const technique = byStix.get(example.targetRef);
      if (technique === undefined) continue; // a revoked or deprecated technique's, or not a technique's
      const c = counts(terms(exampleWording(example.description, example.actorNames)));
      if (c.size === 0) continue;
      exampleCounts.push(c);
      labels.push(technique);
    }
    exampleCount += labels.length;
    domains.set(domain, {
      domain,
      techniques: docs,
      techniqueDocs,
      exampleDocs: new Bm25(exampleCounts),
      exampleTechnique: Int32Array.from(labels),
    });
  }
  return {
    domains,
    tuning,
    techniques: [...byDomain.values()].reduce((n, r) => n + r.length, 0),
    examples: exampleCount,
  };
}

// --------------------------------------------------------------------------------------------- query

// Fewer content words than this and there is nothing to go on ("hello", "asdf qwer" still pass: see below).
const MIN_TERMS = 1;

interface Scored {
  domain: DomainIndex;
  technique: number;
  score: number;
  /** How many of the nearest examples are this technique's. */
  nearest: number;
}

/** Best first, at most `limit` (SUGGEST_MAX): empty when the text has no word the catalog knows. */
export function suggestTechniques(index: SuggestIndex, query: SuggestQuery): Suggestion[] {
  const limit = Math.max(0, Math.min(query.limit ?? SUGGEST_MAX, SUGGEST_MAX));
  const queryWords = words(query.text);
  if (queryWords.length < MIN_TERMS || limit === 0) return [];
  const q = counts(queryWords.map(([, s]) => s));
  const domains = query.domain
    ? [index.domains.get(query.domain)].filter((d): d is DomainIndex => !!d)
    : [...index.domains.values()];
  const scored: Scored[] = [];
  for (const domain of domains) {
    for (const s of scoreDomain(domain, q, index.tuning)) {
      if (!query.only || query.only.has(domain.techniques[s.technique]!.row.stixId)) scored.push(s);
    }
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.domain.techniques[a.technique]!.row.attackId!.localeCompare(b.domain.techniques[b.technique]!.row.attackId!),
  );
  const surface = new Map<string, string>();
  for (const [w, s] of queryWords) if (!surface.has(s)) surface.set(s, w);
  return scored.slice(0, limit).map((s) => toSuggestion(s, q, surface, index.tuning));
}

/** Raw ranking of one domain, for the bench: technique indexes and scores, best first. */
function scoreDomain(domain: DomainIndex, q: Map<string, number>, tuning: SuggestTuning): Scored[] {
  const n = domain.techniques.length;
  const total = new Float64Array(n);
  const nearest = new Int32Array(n);

  // The k nearest examples vote.
  const exampleScores = domain.exampleDocs.score(q, scratch(domain.exampleDocs.size));
  const top = topK(exampleScores, tuning.neighbours);
  const best = top.length ? exampleScores[top[0]!]! : 0;
  if (best > 0) {
    let sum = 0;
    const votes = top.map((doc) => Math.pow(exampleScores[doc]! / best, tuning.votePower));
    for (const v of votes) sum += v;
    top.forEach((doc, i) => {
      const t = domain.exampleTechnique[doc]!;
      total[t]! += votes[i]! / sum;
      nearest[t]!++;
    });
  }

  // The technique documents: a softmax-like share over the best few, so the scale matches the vote's.
  const docScores = domain.techniqueDocs.score(q, new Float64Array(n));
  const docTop = topK(docScores, 10);
  const docBest = docTop.length ? docScores[docTop[0]!]! : 0;
  if (docBest > 0) {
    let sum = 0;
    const shares = docTop.map((t) => Math.pow(docScores[t]! / docBest, 4));
    for (const s of shares) sum += s;
    docTop.forEach((t, i) => (total[t]! += (tuning.docWeight * shares[i]!) / sum));
  }

  // A sub-technique's evidence is also evidence for its parent.
  if (tuning.parentShare > 0) {
    const own = Float64Array.from(total);
    domain.techniques.forEach((doc, t) => {
      if (doc.parent >= 0 && own[t]! > 0) total[doc.parent]! += tuning.parentShare * own[t]!;
    });
  }

  const scored: Scored[] = [];
  const norm = 1 + (docBest > 0 ? tuning.docWeight : 0);
  for (let t = 0; t < n; t++) {
    if (total[t]! > 0) scored.push({ domain, technique: t, score: total[t]! / norm, nearest: nearest[t]! });
  }
  return scored;
}

let scratchArray = new Float64Array(0);
function scratch(size: number): Float64Array {
  if (scratchArray.length < size) scratchArray = new Float64Array(size);
  return scratchArray.subarray(0, size);
}

/** Indexes of the k highest positive scores, best first (ties: lower index first). */
function topK(scores: Float64Array, k: number): number[] {
  const heap: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (s <= 0) continue;
    if (heap.length < k) heap.push(i);
    else if (s > scores[heap[heap.length - 1]!]!) heap[heap.length - 1] = i;
    else continue;
    // Keep the list sorted, best first: k is small.
    for (let j = heap.length - 1; j > 0 && scores[heap[j]!]! > scores[heap[j - 1]!]!; j--) {
      [heap[j], heap[j - 1]] = [heap[j - 1]!, heap[j]!];
    }
  }
  return heap;
}

function toSuggestion(
  s: Scored,
  q: Map<string, number>,
  surface: Map<string, string>,
  tuning: SuggestTuning,
): Suggestion {
  const doc = s.domain.techniques[s.technique]!;
  const matched = s.domain.techniqueDocs
    .termsOf(s.technique, q.keys())
    .sort((a, b) => s.domain.techniqueDocs.idf(b) - s.domain.techniqueDocs.idf(a))
    .slice(0, 4)
    .map((t) => `“${surface.get(t) ?? t}”`);
  const reasons: string[] = [];
  if (s.nearest > 0) reasons.push(`${s.nearest} of the ${tuning.neighbours} closest ATT&CK procedure examples`);
  if (matched.length) reasons.push(`its description matches ${matched.join(", ")}`);
  if (reasons.length === 0) reasons.push("its sub-techniques match");
  return {
    technique: doc.row.attackId!,
    stixId: doc.row.stixId,
    domain: doc.row.domain,
    name: doc.label,
    score: Math.round(Math.min(1, s.score) * 100) / 100,
    why: reasons.join("; "),
  };
}

/** How many of the best suggestions a chosen technique should be among: below that, the review flags it. */
export const MAPPING_TOP = 5;

export interface MappingCheck {
  /** 1-based place of the chosen technique (or its parent or sub-technique) among the suggestions, or null. */
  rank: number | null;
  /** The text gave suggestions and the chosen technique is not among the top MAPPING_TOP. */
  likelyMismapped: boolean;
}

/**
 * Whether a chosen technique (ATT&CK ID) agrees with the suggestions for its text: the technique itself, its
 * parent or one of its sub-techniques among the top MAPPING_TOP. No suggestion at all flags nothing.
 */
export function checkMapping(suggestions: readonly Pick<Suggestion, "technique">[], chosen: string): MappingCheck {
  const related = (id: string) =>
    id === chosen ||
    (!id.includes(".") && chosen.split(".")[0] === id) ||
    (!chosen.includes(".") && id.split(".")[0] === chosen);
  const at = suggestions.findIndex((s) => related(s.technique));
  const rank = at >= 0 ? at + 1 : null;
  return { rank, likelyMismapped: suggestions.length > 0 && (rank === null || rank > MAPPING_TOP) };
}
