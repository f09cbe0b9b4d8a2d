// The pure half of the anonymization preview (app/components/anonymize-preview.tsx): what the preview endpoint answers and how the
// keep list and the "Also replace" terms change. No React, so it is unit-tested on its own.

import { isNeverPublic } from "../anonymize/internal";

/** Typing or toggling pauses this long before the preview runs again. */
export const ANONYMIZE_DEBOUNCE_MS = 400;

export interface PreviewFinding {
  kind: string;
  value: string;
  placeholder: string;
  count: number;
  /** Where the value occurred: `procedure`, `references.0.description`, … */
  fields?: string[];
}

/** `POST /api/v1/anonymize`'s answer (lib/observations/anonymize previewAnonymization). */
export interface PreviewResult {
  text: string;
  fields?: Record<string, string>;
  findings: PreviewFinding[];
  /** The keep values that spared something (absent when the request had no fields). */
  kept?: string[];
}

/** How a previewed field reads to people ("reference 1 citation"). */
export function fieldLabel(path: string): string {
  const ref = /^references\.(\d+)\.(sourceName|description)$/.exec(path);
  if (ref) return `reference ${Number(ref[1]) + 1} ${ref[2] === "sourceName" ? "source name" : "citation"}`;
  return path;
}

/** "Also replace" terms: one per line, trimmed, blank lines dropped, each once. */
export function splitTerms(text: string): string[] {
  const terms = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return [...new Set(terms)];
}

/** The keep list with `value` added (once, case-insensitively) or removed (every spelling of it). */
export function toggled(keep: string[], value: string, on: boolean): string[] {
  const rest = keep.filter((k) => k.toLowerCase() !== value.toLowerCase());
  return on ? [...rest, value] : rest;
}

/** True for a finding nobody may keep (the never-public rule, lib/anonymize/internal): the toggle is disabled. */
export function cannotKeep(value: string): boolean {
  return isNeverPublic(value.trim().toLowerCase());
}

/** Two keep or term lists hold the same values in the same order. */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The references the server anonymizes (not the public ones), keyed by their field paths, for the preview. */
export function scrubbedReferenceFields(
  references: readonly { sourceName?: string; description?: string; public?: boolean }[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  references.forEach((ref, i) => {
    if (ref.public) return;
    if (ref.sourceName?.trim()) fields[`references.${i}.sourceName`] = ref.sourceName;
    if (ref.description?.trim()) fields[`references.${i}.description`] = ref.description;
  });
  return fields;
}
