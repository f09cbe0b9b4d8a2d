// The community's coverage as an ATT&CK Navigator layer (layer format 4.5, attack-navigator
// layers/spec/v4.5/layerformat.md): one technique entry per ATT&CK id, scored by how many observations use
// it. Pure: the service (layer-service.ts) counts, this shapes. The output must stay deterministic (same
// counts → same bytes): techniques sorted by id, statuses in a fixed order, no timestamps.

/** What 4.5 asks of `versions`: layer "4.5", a Navigator of at least 4.9.0. */
export const LAYER_VERSION = "4.5";
export const NAVIGATOR_VERSION = "5.2.0";
/** White → the app's accent (app/styles/tokens.css --accent): more observations, darker. */
export const LAYER_GRADIENT = ["#ffffff", "#1f5fa8"] as const;

export interface TLayerCount {
  techniqueId: string;
  status: string;
  count: number;
}

export interface TLayerInput {
  domain: string;
  /** The domain's current catalog version; omitted when the catalog is empty (the spec defaults it). */
  attackVersion: string | null;
  /** The statuses counted, in the order to name them. */
  statuses: readonly string[];
  counts: readonly TLayerCount[];
  /** Whose observations: "yours" (a contributor) or "community". */
  scope: "yours" | "community";
  /** A layer of something narrower than the domain (a release, lib/releases/release-layer.ts): its own title. */
  name?: string;
  /** Said before the counts in the description ("Techniques scored by …" otherwise). */
  subject?: string;
}

export interface TLayerTechnique {
  techniqueID: string;
  score: number;
  comment: string;
  enabled: boolean;
}

export interface TNavigatorLayer {
  name: string;
  versions: { attack?: string; navigator: string; layer: string };
  domain: string;
  description: string;
  sorting: number;
  layout: { layout: "side"; showID: boolean; showName: boolean; expandedSubtechniques: "annotated" };
  hideDisabled: boolean;
  techniques: TLayerTechnique[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: { label: string; color: string }[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const lower = (status: string) => status.toLowerCase().replace(/_/g, " ");

/** "3 observations: 2 accepted, 1 published" (statuses in the input's order, zero counts left out). */
function commentOf(byStatus: Map<string, number>, statuses: readonly string[]): string {
  const total = [...byStatus.values()].reduce((a, b) => a + b, 0);
  const parts = statuses.filter((s) => byStatus.get(s)).map((s) => `${byStatus.get(s)} ${lower(s)}`);
  return `${plural(total, "observation")}: ${parts.join(", ")}`;
}

export function buildLayer(input: TLayerInput): TNavigatorLayer {
  const perTechnique = new Map<string, Map<string, number>>();
  for (const row of input.counts) {
    if (row.count <= 0) continue;
    const byStatus = perTechnique.get(row.techniqueId) ?? new Map<string, number>();
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + row.count);
    perTechnique.set(row.techniqueId, byStatus);
  }
  // Sub-techniques are entries of their own ("T1059.001" sorts right after "T1059"); no `tactic`, so each
  // annotation shows under every tactic the technique serves.
  const techniques = [...perTechnique.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((id) => {
      const byStatus = perTechnique.get(id)!;
      const score = [...byStatus.values()].reduce((a, b) => a + b, 0);
      return { techniqueID: id, score, comment: commentOf(byStatus, input.statuses), enabled: true };
    });
  const top = Math.max(0, ...techniques.map((t) => t.score));
  const whose = input.scope === "yours" ? "your observations" : "the community's observations";
  const total = techniques.reduce((a, t) => a + t.score, 0);
  return {
    name: input.name ?? `Procedure Exchange: ${input.domain} coverage`,
    versions: {
      ...(input.attackVersion ? { attack: input.attackVersion } : {}),
      navigator: NAVIGATOR_VERSION,
      layer: LAYER_VERSION,
    },
    domain: input.domain,
    description:
      `${input.subject ?? "Techniques"} scored by the number of ${whose} (${input.statuses.map(lower).join(", ")}): ` +
      `${plural(total, "observation")} over ${plural(techniques.length, "technique")}.`,
    sorting: 3, // descending by score: the most observed first
    layout: { layout: "side", showID: true, showName: true, expandedSubtechniques: "annotated" },
    hideDisabled: false,
    techniques,
    // The spec wants maxValue > minValue: an empty layer still gets a 0–1 scale.
    gradient: { colors: [...LAYER_GRADIENT], minValue: 0, maxValue: Math.max(1, top) },
    legendItems: [
      { label: "No observations", color: LAYER_GRADIENT[0] },
      { label: plural(Math.max(1, top), "observation"), color: LAYER_GRADIENT[1] },
    ],
  };
}

export interface TActorLayerInput {
  domain: string;
  attackVersion: string | null;
  actor: { attackId: string; name: string };
  /** The ATT&CK IDs of the techniques ATT&CK says the actor uses. */
  techniqueIds: readonly string[];
}

/** An actor's techniques per ATT&CK (its `uses` relationships), score 1 each: what its ATT&CK page shows. */
export function buildActorLayer(input: TActorLayerInput): TNavigatorLayer {
  const ids = [...new Set(input.techniqueIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const label = `${input.actor.attackId} ${input.actor.name}`;
  return {
    name: `${label} (ATT&CK)`,
    versions: {
      ...(input.attackVersion ? { attack: input.attackVersion } : {}),
      navigator: NAVIGATOR_VERSION,
      layer: LAYER_VERSION,
    },
    domain: input.domain,
    description: `The ${plural(ids.length, "technique")} ATT&CK's procedure examples say ${label} uses.`,
    sorting: 0,
    layout: { layout: "side", showID: true, showName: true, expandedSubtechniques: "annotated" },
    hideDisabled: false,
    techniques: ids.map((id) => ({ techniqueID: id, score: 1, comment: `Used by ${label}`, enabled: true })),
    gradient: { colors: [...LAYER_GRADIENT], minValue: 0, maxValue: 1 },
    legendItems: [{ label: `Used by ${label}`, color: LAYER_GRADIENT[1] }],
  };
}
