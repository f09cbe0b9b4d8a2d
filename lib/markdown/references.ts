// Numbered references for `(Citation: X)` markers (issue 7 item 5): each distinct source gets a number in
// the order it is first cited, the same source keeps its number, and the list under the text gives each
// number its citation text and address when they are known. Pure: the renderer runs on the server and in
// the browser.

/** A source a text may cite: ATT&CK's external_references entry, or an observation's reference. */
// A type, not an interface: it must fit Prisma's Json input, which an interface (no index signature) does not.
export type Citation = {
  sourceName: string;
  description?: string | null;
  url?: string | null;
};

/** One entry of the list under the text; an unknown source shows its name alone. */
export interface NumberedReference {
  n: number;
  sourceName: string;
  description?: string;
  url?: string;
}

// Only http(s) addresses become links, as in the text itself.
function httpUrl(url: string | null | undefined): string | undefined {
  const u = url?.trim();
  return u && /^https?:\/\//i.test(u) ? u : undefined;
}

/**
 * Hands out numbers as markers are met, in document order. Names match exactly after trimming, as ATT&CK's
 * `(Citation: X)` must equal its external reference's `source_name` (DESIGN §6).
 */
export class CitationNumbering {
  private readonly known = new Map<string, Citation>();
  private readonly order: string[] = [];

  constructor(citations: readonly Citation[] = []) {
    // The first entry of a name wins: ATT&CK lists each source once, an observation may repeat one.
    for (const c of citations) {
      const name = c.sourceName?.trim();
      if (name && !this.known.has(name)) this.known.set(name, c);
    }
  }

  /** The number of this source, giving it the next one on first sight. */
  numberOf(name: string): number {
    const key = name.trim();
    const at = this.order.indexOf(key);
    if (at >= 0) return at + 1;
    this.order.push(key);
    return this.order.length;
  }

  /** Every source cited so far, by number, with what is known of it. */
  references(): NumberedReference[] {
    return this.order.map((sourceName, i) => {
      const c = this.known.get(sourceName);
      const description = c?.description?.trim() || undefined;
      return { n: i + 1, sourceName, description, url: httpUrl(c?.url) };
    });
  }
}

/** ATT&CK's `external_references` as citations: entries with a source name, other fields checked for type. */
export function citationsFromStix(externalReferences: unknown): Citation[] {
  if (!Array.isArray(externalReferences)) return [];
  const out: Citation[] = [];
  for (const r of externalReferences) {
    if (typeof r !== "object" || r === null) continue;
    const { source_name, description, url } = r as Record<string, unknown>;
    if (typeof source_name !== "string" || !source_name.trim()) continue;
    out.push({
      sourceName: source_name,
      ...(typeof description === "string" && description ? { description } : {}),
      ...(typeof url === "string" && url ? { url } : {}),
    });
  }
  return out;
}

/** Citations read back from a Json column ({sourceName, description?, url?}[]); anything else is dropped. */
export function storedCitations(value: unknown): Citation[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is Citation =>
      typeof c === "object" && c !== null && typeof (c as Record<string, unknown>).sourceName === "string",
  );
}
