// Field-level differences between two revision snapshots (issue 9 item 3): which fields changed, each shown
// as text with the words (or, for lists, the lines) that went and came, computed by jsdiff. Pure: the
// history page, the API and the 409 of a stale write all use it.
import { diffLines, diffWordsWithSpace, type Change } from "diff";

/** The snapshot's fields in the order a reader expects them, with their labels (lib/observations/view snapshotOf). */
export const SNAPSHOT_FIELDS = [
  ["status", "Status"],
  ["technique", "Technique"],
  ["actor", "Actor"],
  ["procedure", "Procedure"],
  ["references", "References"],
  ["keptIndicators", "Kept public indicators"],
  ["tlp", "TLP"],
  ["credit", "Credit"],
  ["victimology", "Victimology"],
  ["observedFrom", "Observed from"],
  ["observedTo", "Observed to"],
  ["platforms", "Platforms"],
  ["detectionType", "Detection"],
  ["detectionSource", "Detection source"],
  ["privilegeLevel", "Privilege level"],
  ["confidence", "Confidence"],
] as const;

export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number][0];

export interface DiffPart {
  value: string;
  /** "added" in the newer revision, "removed" from the older one; absent for text both share. */
  change?: "added" | "removed";
}

export interface FieldChange {
  field: SnapshotField;
  label: string;
  before: string;
  after: string;
  parts: DiffPart[];
}

const EMPTY = "—";

/** A snapshot value as one readable text: lists one item per line, so a line diff shows what came and went. */
export function fieldText(field: SnapshotField, value: unknown): string {
  if (value === null || value === undefined || value === "") return EMPTY;
  switch (field) {
    case "technique":
      return String((value as { id?: string }).id ?? EMPTY);
    case "actor": {
      const actor = value as { kind?: string; stixId?: string | null; proposed?: { name?: string } | null };
      if (actor.kind === "EXISTING") return actor.stixId ?? EMPTY;
      if (actor.kind === "PROPOSED") return `${actor.proposed?.name ?? "?"} (proposed)`;
      return "unattributed";
    }
    case "references":
      return (value as { sourceName?: string; description?: string; url?: string; public?: boolean }[])
        .map((r) =>
          [r.sourceName, r.description, r.url, r.public === false ? "not public" : null].filter(Boolean).join(" · "),
        )
        .join("\n");
    case "victimology": {
      const v = value as { sector?: string | null; country?: string | null; region?: string | null };
      return (
        [v.sector && `sector ${v.sector}`, v.country && `country ${v.country}`, v.region && `region ${v.region}`]
          .filter(Boolean)
          .join(", ") || EMPTY
      );
    }
    default:
      if (Array.isArray(value)) return value.length ? value.map(String).join("\n") : EMPTY;
      return typeof value === "object" ? JSON.stringify(value) : String(value);
  }
}

const LINE_FIELDS = new Set<SnapshotField>(["references", "keptIndicators", "platforms"]);

function partsOf(changes: Change[]): DiffPart[] {
  return changes.map((c) => ({
    value: c.value,
    ...(c.added ? { change: "added" as const } : c.removed ? { change: "removed" as const } : {}),
  }));
}

/** What changed from `older` to `newer`: one entry per field whose text differs, in SNAPSHOT_FIELDS order. */
export function diffSnapshots(older: Record<string, unknown>, newer: Record<string, unknown>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, label] of SNAPSHOT_FIELDS) {
    const before = fieldText(field, older[field]);
    const after = fieldText(field, newer[field]);
    if (before === after) continue;
    const parts = LINE_FIELDS.has(field)
      ? diffLines(before.endsWith("\n") ? before : `${before}\n`, after.endsWith("\n") ? after : `${after}\n`)
      : diffWordsWithSpace(before, after);
    changes.push({ field, label, before, after, parts: partsOf(parts) });
  }
  return changes;
}
