// Remap assistance (issue 11): when an observation's technique is revoked and ATT&CK's `revoked-by` replacement
// is only a parent technique, or the technique is deprecated (or revoked) with no replacement, the suggester
// ranks the plausible successors by the observation's own text:
// - the techniques that took over the old technique's procedure examples in a newer release: each import records
//   them before it replaces the older rows (lib/attack/moved-examples.ts → CatalogChange.changes.moved), and the
//   records of every imported version pair count, so an observation still on a v6.3 technique finds them after
//   7.0 → 17.1 → … too; a successor retired since is followed (its own moved examples, its `revoked-by`) to live
//   techniques;
// - the active sub-techniques of a parent-only replacement (v7.0 split many techniques into sub-techniques).
// Only when no example moved (the domain's history was imported without the older release, or ATT&CK dropped
// every example) does a technique with no replacement fall back to an approximation: the techniques the old
// technique's own name and description read like.
import type { Tx } from "../db/client";
import type { TMovedExamples } from "./moved-examples";
import { SUGGEST_MAX, suggestTechniques } from "./suggest";
import { catalogSuggestIndex } from "./suggest-store";

/** At most this many suggested successors are listed. */
export const SUCCESSORS_MAX = 5;

// Successors of successors: a bound that only stops a cycle (ATT&CK's chains are at most two long).
const FOLLOW_HOPS = 10;

export interface SuggestedSuccessor {
  technique: string;
  stixId: string;
  name: string;
  source: "suggested";
}

export async function suggestedSuccessors(
  db: Tx,
  input: {
    domain: string;
    /** The revoked or deprecated technique's row. */
    old: { stixId: string; name: string; description: string };
    /** What `revoked-by` names (followed to the end of the chain), or null. */
    replacement: { stixId: string; attackId: string | null; kind: string } | null;
    /** The observation's procedure text. */
    text: string;
  },
): Promise<SuggestedSuccessor[]> {
  const { domain, replacement } = input;
  if (!input.text.trim()) return [];
  // A replacement that is itself a sub-technique (or not a technique) is ATT&CK's answer: nothing to add.
  if (
    replacement &&
    (replacement.kind !== "technique" || !replacement.attackId || replacement.attackId.includes("."))
  ) {
    return [];
  }
  const index = await catalogSuggestIndex(db);
  const moved = await movedSuccessors(db, domain, input.old.stixId);
  const candidates = new Set(moved.keys());
  if (replacement) {
    const subs = await db.attackObject.findMany({
      where: {
        domain,
        kind: "technique",
        parentAttackId: replacement.attackId,
        isSubtechnique: true,
        revoked: false,
        deprecated: false,
      },
      select: { stixId: true },
    });
    for (const s of subs) candidates.add(s.stixId);
  } else if (candidates.size === 0) {
    // No example moved: the approximation (see the header).
    const near = suggestTechniques(index, { text: `${input.old.name}. ${input.old.description}`, domain });
    for (const s of near) candidates.add(s.stixId);
  }
  if (candidates.size === 0) return [];
  const ranked = suggestTechniques(index, { text: input.text, domain, only: candidates, limit: SUGGEST_MAX }).map(
    (s) => ({ technique: s.technique, stixId: s.stixId, name: s.name }),
  );
  // A technique that took over examples stays plausible even when the text shares no word with it: after the
  // ranked ones, those with the most moved examples first.
  const listed = new Set(ranked.map((s) => s.stixId));
  const unranked = [...moved]
    .filter(([stixId]) => !listed.has(stixId))
    .flatMap(([stixId, count]) => {
      const doc = index.domains.get(domain)?.techniques.find((d) => d.row.stixId === stixId);
      return doc ? [{ technique: doc.row.attackId!, stixId, name: doc.label, count }] : [];
    })
    .sort((a, b) => b.count - a.count || a.technique.localeCompare(b.technique, "en", { numeric: true }))
    .map(({ technique, stixId, name }) => ({ technique, stixId, name }));
  // The parent is listed already (as the revoked-by replacement), even when examples moved to it.
  return [...ranked, ...unranked]
    .filter((s) => s.stixId !== replacement?.stixId && s.stixId !== input.old.stixId)
    .slice(0, SUCCESSORS_MAX)
    .map((s) => ({ ...s, source: "suggested" as const }));
}

/**
 * The live techniques that took over this technique's procedure examples, with how many moved, from every
 * change set of the domain. A successor that a later release retired in turn is followed to where its own
 * examples went and to its `revoked-by` replacement.
 */
async function movedSuccessors(db: Tx, domain: string, stixId: string): Promise<Map<string, number>> {
  const moves = await recordedMoves(db, domain);
  const result = new Map<string, number>();
  // Retired techniques already followed (a cycle, or two paths to one): each is followed once.
  const followed = new Set<string>([stixId]);
  let frontier = [...(moves.get(stixId) ?? [])];
  for (let hop = 0; hop < FOLLOW_HOPS; hop++) {
    frontier = frontier.filter(([id]) => !followed.has(id));
    if (frontier.length === 0) break;
    const rows = await db.attackObject.findMany({
      where: { domain, stixId: { in: [...new Set(frontier.map(([id]) => id))] } },
      select: { stixId: true, kind: true, revoked: true, deprecated: true, revokedBy: true },
    });
    const byStix = new Map(rows.map((r) => [r.stixId, r]));
    const next: [string, number][] = [];
    for (const [id, count] of frontier) {
      const row = byStix.get(id);
      if (row && row.kind === "technique" && !row.revoked && !row.deprecated) {
        result.set(id, (result.get(id) ?? 0) + count);
        continue;
      }
      // Retired since (or dropped): where its own examples went, and ATT&CK's replacement, carry its count.
      for (const [to] of moves.get(id) ?? []) next.push([to, count]);
      if (row?.revoked && row.revokedBy) next.push([row.revokedBy, count]);
    }
    for (const [id] of frontier) if (!result.has(id)) followed.add(id);
    frontier = next;
  }
  return result;
}

/** Retired technique → (successor → examples moved) from every recorded change set of the domain. */
async function recordedMoves(db: Tx, domain: string): Promise<Map<string, Map<string, number>>> {
  const rows = await db.catalogChange.findMany({ where: { domain }, select: { changes: true } });
  const moves = new Map<string, Map<string, number>>();
  for (const row of rows) {
    // Change sets recorded before moved examples were kept have none.
    const moved = (row.changes as { moved?: TMovedExamples[] } | null)?.moved;
    if (!Array.isArray(moved)) continue;
    for (const m of moved) {
      const to = moves.get(m.stixId) ?? new Map<string, number>();
      // The same version step can be on record twice (6.3 → 7.0, and 6.3 → 17.1 from a later import of 6.3):
      // the larger count, not the sum.
      for (const t of m.to) to.set(t.stixId, Math.max(to.get(t.stixId) ?? 0, t.count));
      moves.set(m.stixId, to);
    }
  }
  return moves;
}
