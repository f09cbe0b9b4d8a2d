// A draft saves what it can: a field that is not valid yet (a month in the future, a URL on a non-public reference,
// a text over its limit) is left out of the stored copy and named, instead of refusing the whole draft — the
// contributor is mid-way through the form, and everything else they typed must still be kept. Pure.
import type { z } from "zod";

export interface SkippedField {
  path: string;
  message: string;
}

/** A deep copy of `value` without the given dotted paths (array entries are removed, not left as holes). */
export function withoutPaths(value: unknown, paths: string[]): unknown {
  const copy = structuredClone(value);
  // Deepest and last array entries first, so removing one does not shift the index of another still to remove.
  const sorted = [...new Set(paths)].sort((a, b) => b.localeCompare(a, "en", { numeric: true }));
  for (const path of sorted) {
    const keys = path.split(".");
    const last = keys.pop()!;
    let parent: unknown = copy;
    for (const key of keys) parent = (parent as Record<string, unknown> | undefined)?.[key];
    if (Array.isArray(parent) && /^\d+$/.test(last)) parent.splice(Number(last), 1);
    else if (parent && typeof parent === "object") delete (parent as Record<string, unknown>)[last];
  }
  return copy;
}

/**
 * Parses with `schema`, leaving out each field an issue names; `null` when what is left still does not parse (an
 * issue on the whole body, such as a body that is not an object, cannot be left out).
 */
export function parseWhatIsValid<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): { data: z.output<S>; skipped: SkippedField[] } | { error: z.ZodError } {
  const skipped: SkippedField[] = [];
  let input = raw;
  for (let round = 0; round < 3; round++) {
    const parsed = schema.safeParse(input);
    if (parsed.success) return { data: parsed.data, skipped };
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    if (issues.some((i) => i.path === "")) return { error: parsed.error };
    skipped.push(...issues.filter((i) => !skipped.some((s) => s.path === i.path)));
    input = withoutPaths(
      input,
      issues.map((i) => i.path),
    );
  }
  const parsed = schema.safeParse(input);
  return parsed.success ? { data: parsed.data, skipped } : { error: parsed.error };
}

const LABELS: Record<string, string> = {
  domain: "Domain",
  technique: "Technique",
  actor: "Group, software or campaign",
  procedure: "What was seen",
  references: "References",
  observedFrom: "Observed from",
  observedTo: "Observed to",
  platforms: "Platforms",
  sector: "Sector",
  country: "Country",
  region: "Region",
  detectionType: "Detection",
  detectionSource: "Validation",
  privilegeLevel: "Privilege level",
  confidence: "Confidence",
  tlp: "TLP",
  credit: "Credit",
  keep: "Kept values",
  redact: "Also replace",
};
const REFERENCE_PARTS: Record<string, string> = { sourceName: "source name", url: "URL", description: "citation" };

/** How the form names a field path ("references.0.url" → "reference 1 URL"). */
export function draftFieldLabel(path: string): string {
  const ref = /^references\.(\d+)\.(\w+)/.exec(path);
  if (ref) return `reference ${Number(ref[1]) + 1} ${REFERENCE_PARTS[ref[2]] ?? ref[2]}`;
  return LABELS[path.split(".")[0]] ?? path;
}
