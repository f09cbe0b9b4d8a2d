// Closing the loop, the pure half: whether one of ATT&CK's `uses` relationships took an exported observation.
// It did when the relationship joins the observation's (actor, technique) pair and cites one of the observation's
// references (the same URL, or the same source name or citation text) or the observation's public record
// (`/o/OBS-000123`, which the export cites when there is no public report). No database, no clock.
import { citationName } from "../attack/citations";
import type { Citation } from "../markdown/references";

/** An exported observation, as the matcher needs it. */
export interface UpstreamCandidate {
  publicId: string;
  actorStixId: string;
  techniqueStixId: string;
  /** The observation's stored references ({sourceName, url?, description?}); tolerant of missing fields. */
  references: unknown;
}

/** One of ATT&CK's `uses` relationships (a KnownProcedure row of the imported version). */
export interface UpstreamRelationship {
  stixId: string;
  sourceRef: string;
  targetRef: string;
  references: Citation[];
}

/**
 * An address compared without its scheme, `www.`, fragment, trailing slash or host case: ATT&CK's editors may
 * rewrite `http://Example.org/report/` as `https://example.org/report`. Not an http(s) URL: null.
 */
export function comparableUrl(raw: string | null | undefined): string | null {
  const text = raw?.trim();
  if (!text) return null;
  try {
    const url = new URL(text);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    const host = url.host.toLowerCase().replace(/^www\./, "");
    return `${host}${url.pathname.replace(/\/+$/, "")}${url.search}`;
  } catch {
    return null;
  }
}

// Source names and citation texts compared as ATT&CK writes them, ignoring case and spacing.
const comparableName = (s: unknown) => (typeof s === "string" ? citationName(s).toLowerCase() : "");
const comparableText = (s: unknown) => (typeof s === "string" ? s.replace(/\s+/g, " ").trim().toLowerCase() : "");

/** What an observation may be cited by: its references' URLs, names and texts, and its public record's URL. */
function citationKeys(candidate: UpstreamCandidate, recordUrl: string) {
  const refs = Array.isArray(candidate.references) ? (candidate.references as Record<string, unknown>[]) : [];
  const urls = new Set<string>();
  const names = new Set<string>();
  const texts = new Set<string>();
  for (const r of refs) {
    const url = comparableUrl(typeof r?.url === "string" ? r.url : null);
    if (url) urls.add(url);
    const name = comparableName(r?.sourceName);
    if (name) names.add(name);
    const text = comparableText(r?.description);
    if (text) texts.add(text);
  }
  const record = comparableUrl(recordUrl);
  if (record) urls.add(record);
  return { urls, names, texts };
}

/** Whether this relationship cites the observation (see the file's header). */
export function citesObservation(rel: UpstreamRelationship, candidate: UpstreamCandidate, recordUrl: string): boolean {
  if (rel.sourceRef !== candidate.actorStixId || rel.targetRef !== candidate.techniqueStixId) return false;
  const keys = citationKeys(candidate, recordUrl);
  return (rel.references ?? []).some((c) => {
    const url = comparableUrl(c.url);
    if (url && keys.urls.has(url)) return true;
    const name = comparableName(c.sourceName);
    if (name && keys.names.has(name)) return true;
    const text = comparableText(c.description);
    return text !== "" && keys.texts.has(text);
  });
}

/**
 * The relationship that took the observation, or null. Several may (ATT&CK keeps one per pair, a Workbench export
 * may hold more): the lowest id wins, so the answer does not depend on the order rows were read in.
 */
export function upstreamRelationship(
  candidate: UpstreamCandidate,
  relationships: readonly UpstreamRelationship[],
  recordUrl: string,
): UpstreamRelationship | null {
  const hits = relationships.filter((r) => citesObservation(r, candidate, recordUrl));
  hits.sort((a, b) => (a.stixId < b.stixId ? -1 : a.stixId > b.stixId ? 1 : 0));
  return hits[0] ?? null;
}
