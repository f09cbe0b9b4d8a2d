// Remap assistance (issue 11): when an observation's technique is revoked and ATT&CK's `revoked-by` replacement
// is only a parent technique, or the technique is deprecated (or revoked) with no replacement, the suggester
// ranks the plausible successors by the observation's own text:
// - the active sub-techniques of the replacement (v7.0 split many techniques into sub-techniques);
// - with no replacement, the techniques the old technique's own name and description read like — the closest
//   this database can come to "the techniques that took over its procedure examples", since an import replaces
//   the older version's examples and their old targets are not kept.
import type { Tx } from "../db/client";
import { SUGGEST_MAX, suggestTechniques } from "./suggest";
import { catalogSuggestIndex } from "./suggest-store";

/** At most this many suggested successors are listed. */
export const SUCCESSORS_MAX = 5;

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
    old: { name: string; description: string };
    /** What `revoked-by` names (followed to the end of the chain), or null. */
    replacement: { stixId: string; attackId: string | null; kind: string } | null;
    /** The observation's procedure text. */
    text: string;
  },
): Promise<SuggestedSuccessor[]> {
  const { domain, replacement } = input;
  if (!input.text.trim()) return [];
  let candidates: Set<string>;
  const index = await catalogSuggestIndex(db);
  if (replacement) {
    if (replacement.kind !== "technique" || !replacement.attackId || replacement.attackId.includes(".")) return [];
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
    if (subs.length === 0) return [];
    candidates = new Set([replacement.stixId, ...subs.map((s) => s.stixId)]);
  } else {
    const near = suggestTechniques(index, { text: `${input.old.name}. ${input.old.description}`, domain });
    candidates = new Set(near.map((s) => s.stixId));
  }
  if (candidates.size === 0) return [];
  return suggestTechniques(index, { text: input.text, domain, only: candidates, limit: SUGGEST_MAX })
    .filter((s) => s.stixId !== replacement?.stixId)
    .slice(0, SUCCESSORS_MAX)
    .map((s) => ({ technique: s.technique, stixId: s.stixId, name: s.name, source: "suggested" as const }));
}
