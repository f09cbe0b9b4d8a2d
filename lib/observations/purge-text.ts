// The pure half of a purge: replace one leaked value in many texts with one TERM placeholder, using the
// anonymizer's own matching (case-insensitive, whole words) and numbering (after every placeholder present).
// What must stay true: a purge changes only the value. Stored texts may hold what the recognizers would flag
// today (public reports, indicators kept as public, hosts recognizers added since); `termsOnly` leaves them be.
import { scrubFields } from "../anonymize";

export interface PurgedTexts<K extends string> {
  fields: Record<K, string>;
  /** The placeholder that replaced the value, or null when the value occurs in none of the texts. */
  placeholder: string | null;
  /** The keys whose text changed. */
  changed: K[];
}

// Keys of reserve texts cannot clash with caller keys (those never start with "#").
const RESERVE = "#reserve";

/**
 * `reserve` (e.g. "[TERM-3]") only reserves placeholder numbers, so text cleaned separately (a mail) gets the
 * same placeholder as the observation did.
 */
export function purgeTexts<K extends string>(texts: Record<K, string>, value: string, reserve = ""): PurgedTexts<K> {
  const input: Record<string, string> = { ...texts, [RESERVE]: reserve };
  const result = scrubFields(input, { redact: [value], termsOnly: true });
  const term = result.findings.find((f) => f.kind === "TERM");
  const keys = Object.keys(texts) as K[];
  const fields = Object.fromEntries(keys.map((k) => [k, result.fields[k]])) as Record<K, string>;
  return {
    fields,
    placeholder: term?.placeholder ?? null,
    changed: keys.filter((k) => fields[k] !== texts[k]),
  };
}

/** Every string leaf of a JSON value, keyed by its path (`references.0.description`), skipping `skip` paths. */
export function stringLeaves(
  value: unknown,
  skip: ReadonlySet<string> = new Set(),
  prefix = "",
): Record<string, string> {
  const out: Record<string, string> = {};
  if (skip.has(prefix)) return out;
  if (typeof value === "string") out[prefix] = value;
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      Object.assign(out, stringLeaves(child, skip, prefix ? `${prefix}.${key}` : key));
    }
  }
  return out;
}

/** `value` with the string leaves at the given paths replaced (a deep copy; arrays stay arrays). */
export function withLeaves(value: unknown, leaves: Record<string, string>, prefix = ""): unknown {
  if (prefix in leaves) return leaves[prefix];
  if (Array.isArray(value))
    return value.map((child, i) => withLeaves(child, leaves, prefix ? `${prefix}.${i}` : `${i}`));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, child]) => [
        k,
        withLeaves(child, leaves, prefix ? `${prefix}.${k}` : k),
      ]),
    );
  }
  return value;
}
