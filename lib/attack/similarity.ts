// Lexical similarity between a contributor's procedure text and ATT&CK's procedure examples of one
// technique: TF-IDF weighted cosine over word sets. A technique has at most a few hundred examples
// (T1105 in Enterprise 18.1 has the most), so the vectors are built per request, in memory, in a few ms.
// Pure (no database, no framework): the submit form imports the threshold below.
import { stemmer } from "stemmer";
import { stripCitations } from "../markdown/citations";

/**
 * At or above this score the typed text reads like an example ATT&CK already has. Measured on
 * Enterprise 18.1 (every 7th example of every technique, 2,512 in all, compared without its actor's
 * name): a copy with the actor's name replaced and a placeholder appended scores at least 0.7 for 91%
 * of examples; with every fifth word dropped and a clause added, for 28%; the median example's nearest
 * *other* example of the same technique scores 0.42. Those other examples that reach 0.7 (18%) are
 * ATT&CK's own boilerplate repeated per actor ("has used PowerShell for execution"): being told so is
 * the point of the hint.
 */
export const SIMILAR_SCORE = 0.7;

// Words every procedure example shares ("has used … to …"): they say nothing about what was done.
const STOPWORDS = new Set(
  (
    "a an and are as at be been by can could did do does for from had has have in into is it its of on or " +
    "that the their them then these they this those to was were which while who will with within via also " +
    "use used uses using utilized leveraged employed able other such some may"
  ).split(" "),
);

const MARKDOWN_LINK = /\[([^\]]*)\]\([^)]*\)/g;
const URL_LIKE = /\bhttps?:\/\/\S+/gi;

/**
 * The text's content words: lower-cased, without citations, link targets, URLs and stop words, reduced to
 * their Porter stem ("installed" and "installs" match "install").
 */
export function tokenize(text: string): string[] {
  const plain = stripCitations(text).replace(MARKDOWN_LINK, " $1 ").replace(URL_LIKE, " ");
  return plain
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 1 && !STOPWORDS.has(t))
    .map((t) => stemmer(t));
}

// ATT&CK's examples open with a link to their own actor ("[APT29](https://attack.mitre.org/groups/G0016)
// has used …"): a contributor describes what was done, so the name would only skew the ranking by actor.
const LEADING_ACTOR_LINK = /^\s*\[[^\]]*\]\([^)]*\)/;

/** An ATT&CK procedure example's wording without its leading actor link. */
export function procedureWording(description: string): string {
  return description.replace(LEADING_ACTOR_LINK, "");
}

export interface Ranked<T> {
  item: T;
  /** Cosine similarity, 0 (nothing in common) to 1 (the same words, equally weighted). */
  score: number;
}

type Vector = Map<string, number>;

/** Every item with its similarity to the query, best first; ties keep the items' order. */
export function rankBySimilarity<T>(query: string, items: readonly T[], textOf: (item: T) => string): Ranked<T>[] {
  return rankByTokens(tokenize(query), items, (item) => tokenize(textOf(item)));
}

/** rankBySimilarity on texts already tokenized (`tokenize`): for callers that keep tokens across requests. */
export function rankByTokens<T>(
  queryTokens: readonly string[],
  items: readonly T[],
  tokensOf: (item: T) => readonly string[],
): Ranked<T>[] {
  const docs = items.map((item) => termCounts(tokensOf(item)));
  const queryCounts = termCounts(queryTokens);
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  // Smoothed IDF: a word in every example still counts a little; a word in none counts the most.
  const idf = (term: string) => Math.log((docs.length + 1) / ((df.get(term) ?? 0) + 1)) + 1;
  const q = weigh(queryCounts, idf);
  return items
    .map((item, i) => ({ item, score: cosine(q, weigh(docs[i], idf)), i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ item, score }) => ({ item, score }));
}

function termCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

// Sub-linear term frequency: a word repeated five times is not five times the evidence.
function weigh(counts: Map<string, number>, idf: (term: string) => number): Vector {
  const vector: Vector = new Map();
  for (const [term, n] of counts) vector.set(term, (1 + Math.log(n)) * idf(term));
  return vector;
}

function cosine(a: Vector, b: Vector): number {
  if (a.size === 0 || b.size === 0) return 0;
  let dot = 0;
  for (const [term, w] of a) dot += w * (b.get(term) ?? 0);
  if (dot === 0) return 0;
  return Math.min(1, dot / (norm(a) * norm(b)));
}

function norm(v: Vector): number {
  let sum = 0;
  for (const w of v.values()) sum += w * w;
  return Math.sqrt(sum);
}

/**
 * Whether to tell the contributor their text repeats ATT&CK: "same" when the closest example reads like
 * it and belongs to the picked actor (or none is picked: nothing to tell apart), "other" when it belongs
 * to another actor (then the pair may still be new to ATT&CK), else null.
 */
export function repeatHint(
  closest: { score: number; actor: { attackId: string | null } } | undefined,
  pickedActor: string | null | undefined,
): "same" | "other" | null {
  if (!closest || closest.score < SIMILAR_SCORE) return null;
  return !pickedActor || closest.actor.attackId === pickedActor ? "same" : "other";
}
