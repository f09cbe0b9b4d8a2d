// ATT&CK's procedure texts cite their sources inline as `(Citation: Source Name)`; the export writes them
// the same way (DESIGN §6). Shown raw they bury the sentence, so the markdown renderer shows each as a
// numbered marker with the sources listed under the text (./references.ts). Pure: the renderer runs on the
// server and in the browser.

export type CitationPart = { type: "text"; value: string } | { type: "citation"; name: string };

// A name never contains ")" in ATT&CK's data; "(Citation:" with nothing usable after it stays text.
const CITATION = /\(Citation:\s*([^()]*?[^()\s])\s*\)/g;

/** The text cut into plain runs and citation markers, in order; adjacent text is never split. */
export function splitCitations(text: string): CitationPart[] {
  const parts: CitationPart[] = [];
  let last = 0;
  for (const match of text.matchAll(CITATION)) {
    const start = match.index;
    if (start > last) parts.push({ type: "text", value: text.slice(last, start) });
    parts.push({ type: "citation", name: match[1] });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ type: "text", value: text.slice(last) });
  return parts;
}

/** The text without its citation markers (for comparing wording, not sources). */
export function stripCitations(text: string): string {
  return text.replace(CITATION, " ");
}
