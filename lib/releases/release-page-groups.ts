// The per-release page's contents, grouped: observations by technique and by actor, reviewers with what they
// accepted or edited, and how much of the export ATT&CK took. Pure (no database, no clock): lib/releases/release-page.ts
// reads the rows, this shapes them; every list is sorted so the page reads the same on every load.

export interface TPageObservation {
  publicId: string;
  status: string;
  tlp: string;
  techniqueAttackId: string;
  techniqueLabel: string;
  /** The catalog's ATT&CK id of the actor ("G0007"), or null (proposed, unattributed, or gone from the catalog). */
  actorAttackId: string | null;
  actorLabel: string;
  upstream: { version: string; relationshipId: string } | null;
}

export interface TGroup {
  key: string;
  label: string;
  observations: TPageObservation[];
}

/** One audit event of a reviewer's work on an observation of the release. */
export interface TReviewAct {
  reviewer: string;
  action: "accept" | "edit" | "remap";
  publicId: string;
}

export interface TReviewer {
  reviewer: string;
  accepted: string[];
  edited: string[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function groupBy(rows: readonly TPageObservation[], key: (o: TPageObservation) => [string, string]): TGroup[] {
  const groups = new Map<string, TGroup>();
  for (const o of rows) {
    const [k, label] = key(o);
    const group = groups.get(k) ?? { key: k, label, observations: [] };
    group.observations.push(o);
    groups.set(k, group);
  }
  for (const g of groups.values()) g.observations.sort((a, b) => byText(a.publicId, b.publicId));
  return [...groups.values()].sort((a, b) => byText(a.key, b.key));
}

/** By technique, in ATT&CK id order (T1003.001 before T1059.001). */
export function groupByTechnique(rows: readonly TPageObservation[]): TGroup[] {
  return groupBy(rows, (o) => [o.techniqueAttackId, o.techniqueLabel]);
}

/** By actor: catalog actors by ATT&CK id first, then proposed and unattributed ones by name. */
export function groupByActor(rows: readonly TPageObservation[]): TGroup[] {
  return groupBy(rows, (o) => [
    o.actorAttackId ? `0 ${o.actorAttackId}` : `1 ${o.actorLabel.toLowerCase()}`,
    o.actorLabel,
  ]);
}

/** Reviewer → the observations they accepted and those they edited (an edit of several revisions counts once). */
export function reviewersOf(acts: readonly TReviewAct[]): TReviewer[] {
  const by = new Map<string, { accepted: Set<string>; edited: Set<string> }>();
  for (const a of acts) {
    const entry = by.get(a.reviewer) ?? { accepted: new Set<string>(), edited: new Set<string>() };
    (a.action === "accept" ? entry.accepted : entry.edited).add(a.publicId);
    by.set(a.reviewer, entry);
  }
  return [...by]
    .map(([reviewer, e]) => ({ reviewer, accepted: [...e.accepted].sort(byText), edited: [...e.edited].sort(byText) }))
    .sort((a, b) => b.accepted.length - a.accepted.length || byText(a.reviewer, b.reviewer));
}

/** How much of the export ATT&CK took: n of the m exported (PUBLISHED) observations, as a whole percentage. */
export function upstreamShare(rows: readonly Pick<TPageObservation, "status" | "upstream">[]) {
  const exported = rows.filter((o) => o.status === "PUBLISHED");
  const taken = exported.filter((o) => o.upstream !== null).length;
  const versions = [...new Set(exported.flatMap((o) => (o.upstream ? [o.upstream.version] : [])))].sort((a, b) =>
    a.localeCompare(b, "en", { numeric: true }),
  );
  return {
    taken,
    exported: exported.length,
    percent: exported.length === 0 ? 0 : Math.round((100 * taken) / exported.length),
    versions,
  };
}
