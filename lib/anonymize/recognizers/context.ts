// Small helpers shared by the recognizers in this folder.
import type { Candidate, FindingKind } from "../types";

/** Up to `length` characters just before `index`: the context a keyword ("account", "tenant") must stand in. */
export function before(text: string, index: number, length = 40): string {
  return text.slice(Math.max(0, index - length), index);
}

/** Up to `length` characters from `index` on. */
export function after(text: string, index: number, length = 40): string {
  return text.slice(index, index + length);
}

export function candidate(
  kind: FindingKind,
  start: number,
  value: string,
  key: string = value.toLowerCase(),
  priority?: number,
): Candidate {
  const c: Candidate = { kind, start, end: start + value.length, value, key };
  if (priority !== undefined) c.priority = priority;
  return c;
}

/** Drops repeated spans (two patterns of one recognizer finding the same value at the same place). */
export function unique(found: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return found.filter((c) => {
    const id = `${c.start}:${c.end}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
