// The public indicators an observation keeps (issue 6 §4) and what un-keeping one touches. Pure: no database.
//
// The edit rule (README "Keep and un-keep"): an edit that omits `keep` keeps the stored list, so an edit never
// silently redacts what the contributor kept. An edit that sends `keep` replaces the list; a stored value missing
// from it is un-kept, and every stored free-text field that still contains it joins the edit and is scrubbed
// again with it (one numbering, the remaining kept values kept): the value leaves the whole current text, not only
// the field being edited. Earlier revisions keep it as they were (it was public when kept; purge removes it there).
import type { ProposedActor } from "./anonymize";
import type { ObservationView, Reference } from "./view";

/** The stored kept values that the new `keep` list no longer names (compared case-insensitively). */
export function unkeptValues(stored: string[], keep: string[]): string[] {
  const still = new Set(keep.map((k) => k.trim().toLowerCase()));
  return stored.filter((value) => !still.has(value.toLowerCase()));
}

export interface StoredTexts {
  procedure: string;
  references: Pick<Reference, "sourceName" | "description" | "public">[];
  proposed: unknown;
  platforms: string[];
}

/** Which stored free-text fields contain one of `values` (public references are never scrubbed: never listed). */
export function fieldsContaining(stored: StoredTexts, values: string[]) {
  const lower = values.map((v) => v.toLowerCase()).filter(Boolean);
  const has = (text: string) => lower.length > 0 && lower.some((v) => text.toLowerCase().includes(v));
  return {
    procedure: has(stored.procedure),
    references: stored.references.some((r) => !r.public && (has(r.sourceName) || has(r.description))),
    proposed: stored.proposed !== null && stored.proposed !== undefined && has(JSON.stringify(stored.proposed)),
    platforms: stored.platforms.some(has),
  };
}

/** What an edit scrubs: the texts it writes (undefined/null = left alone), the keep list, and the context. */
export interface EditPlan {
  keep: string[];
  storedKept: string[];
  procedure?: string;
  references?: Reference[];
  proposed: ProposedActor | null;
  platforms?: string[];
  /** The stored texts left alone: they only reserve their placeholder numbers. */
  context: string[];
}

export function planEdit(
  stored: Pick<ObservationView, "procedure" | "references" | "actor" | "platforms" | "keptIndicators">,
  edit: { procedure?: string; references?: Reference[]; keep?: string[] },
): EditPlan {
  const keep = edit.keep ?? stored.keptIndicators;
  const storedProposed = stored.actor.kind === "PROPOSED" ? (stored.actor.proposed as ProposedActor) : null;
  const storedPlatforms = ((stored.platforms as unknown[]) ?? []).map(String);
  const rescrub = fieldsContaining(
    {
      procedure: stored.procedure,
      references: stored.references,
      proposed: storedProposed,
      platforms: storedPlatforms,
    },
    unkeptValues(stored.keptIndicators, keep),
  );
  const procedure = edit.procedure ?? (rescrub.procedure ? stored.procedure : undefined);
  const references = edit.references ?? (rescrub.references ? stored.references : undefined);
  const proposed = rescrub.proposed ? storedProposed : null;
  const platforms = rescrub.platforms ? storedPlatforms : undefined;
  return {
    keep,
    storedKept: stored.keptIndicators,
    procedure,
    references,
    proposed,
    platforms,
    context: [
      ...(procedure === undefined ? [stored.procedure] : []),
      // Stored references as JSON (public ones too: their text is published as it is, numbers included).
      ...(references === undefined && Array.isArray(stored.references)
        ? stored.references.map((r) => JSON.stringify(r))
        : []),
      ...(storedProposed && !proposed ? [JSON.stringify(storedProposed)] : []),
      ...(platforms === undefined ? storedPlatforms : []),
    ],
  };
}
