// Ordering duplicate candidates for a reviewer (issue 9 item 5). Pure (no database, no framework): the scoring is
// tested directly and lib/review/duplicates.ts feeds it rows it has already narrowed with indexed queries.
import { rankByTokens, tokenize } from "../attack/similarity";

// Tokens by text, kept across requests: ATT&CK's examples and stored procedures are read again and again, and
// tokenizing (stemming) them was most of a request's time. Bounded: emptied when full.
const TOKENS_MAX = 50_000;
const tokens = new Map<string, readonly string[]>();
function tokensOf(text: string): readonly string[] {
  let hit = tokens.get(text);
  if (!hit) {
    if (tokens.size >= TOKENS_MAX) tokens.clear();
    hit = tokenize(text);
    tokens.set(text, hit);
  }
  return hit;
}

/**
 * Below this score a candidate of another pair is not shown: the two texts share only a few of their
 * content words, and those few are common ones (in Enterprise 18.1 the median example's nearest other
 * example of the same technique scores 0.42, see SIMILAR_SCORE). Chosen, not measured: it keeps the list
 * to texts that could describe the same activity. Candidates of the same pair (technique and actor) are
 * always shown, whatever their score: ATT&CK keeps one relationship per pair, so the reviewer must see them.
 */
export const CANDIDATE_MIN_SCORE = 0.2;

/** What the ranking needs of the observation under review and of each candidate. */
export interface RankSubject {
  text: string;
  techniqueStixId: string;
  /** The actor's STIX id; null for an unattributed or proposed actor (which matches no other). */
  actorStixId: string | null;
}

export interface RankedCandidate<T> {
  item: T;
  /** rankBySimilarity's cosine (lib/attack/similarity.ts), rounded to two decimals. */
  score: number;
  sameTechnique: boolean;
  sameActor: boolean;
}

/**
 * The candidates a reviewer should compare, best first, at most `limit`:
 *
 * 1. Score: TF-IDF weighted cosine of the two texts' content words (lib/attack/similarity.ts `rankBySimilarity`, on cached tokens:
 *    citations, link targets, URLs and stop words dropped, words reduced to their stem, IDF taken over the
 *    candidates themselves, so words every candidate shares count least). 0 = no content word in common,
 *    1 = the same words equally weighted; at or above SIMILAR_SCORE (0.7) the texts read like copies.
 * 2. Filter: a candidate of another pair is kept only at or above CANDIDATE_MIN_SCORE.
 * 3. Order: the same technique first (then its parent or sibling sub-techniques), within that the same actor
 *    first, then by score, then in the order given (the caller's order breaks ties).
 */
export function rankCandidates<T>(
  subject: RankSubject,
  candidates: readonly T[],
  describe: (item: T) => RankSubject,
  limit: number,
): RankedCandidate<T>[] {
  const ranked = rankByTokens(tokenize(subject.text), candidates, (item) => tokensOf(describe(item).text));
  return ranked
    .map(({ item, score }, order) => {
      const c = describe(item);
      const sameTechnique = c.techniqueStixId === subject.techniqueStixId;
      const sameActor = subject.actorStixId !== null && c.actorStixId === subject.actorStixId;
      return { item, score: Math.round(score * 100) / 100, sameTechnique, sameActor, order };
    })
    .filter((c) => (c.sameTechnique && c.sameActor) || c.score >= CANDIDATE_MIN_SCORE)
    .sort(
      (a, b) =>
        Number(b.sameTechnique) - Number(a.sameTechnique) ||
        Number(b.sameActor) - Number(a.sameActor) ||
        b.score - a.score ||
        a.order - b.order,
    )
    .slice(0, limit)
    .map(({ item, score, sameTechnique, sameActor }) => ({ item, score, sameTechnique, sameActor }));
}
