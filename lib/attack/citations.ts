// ATT&CK's inline citation markers, "(Citation: Source Name)", each naming one external reference by its
// `source_name`. One home for reading them: the export, its validation and the submission's own check.

/** The source names a text cites, in order (repeats included), trimmed as ATT&CK's data needs. */
export const citedNames = (text: string) => [...text.matchAll(/\(Citation: ([^)]+)\)/g)].map((m) => m[1].trim());

/** A reference's source name as a marker can cite it: parentheses would end the marker early, spaces collapse. */
export const citationName = (s: string) => s.replace(/[()]/g, "").replace(/\s+/g, " ").trim();

/** The names `text` cites that none of `references` carries (each a source name, as citationName reads it). */
export function unresolvedCitations(text: string, references: { sourceName?: string }[]): string[] {
  const known = new Set(references.map((r) => citationName(String(r.sourceName ?? ""))));
  return [...new Set(citedNames(text))].filter((name) => !known.has(name));
}
