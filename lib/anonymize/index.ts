// Anonymizer for procedure write-ups (DESIGN.md §5). Pure: no database, no framework. The submit form shows the
// findings; the server runs it again on whatever it receives, so it must be idempotent and must number around
// placeholders already in the text.
import { findDefanged, findEmails, findHosts, findIps, findTerms, type Span } from "./recognizers";
import type { Candidate, Finding, FindingKind, ScrubOptions, ScrubResult } from "./types";

export type { Finding, FindingKind, ScrubOptions, ScrubResult } from "./types";

/** Matches any placeholder this module produces, e.g. `[HOST-1]`. Not global: safe to share. */
export const PLACEHOLDER_PATTERN: RegExp = /\[(?:EMAIL|IP|HOST|TERM)-[1-9]\d*\]/;

const PLACEHOLDERS = /\[(EMAIL|IP|HOST|TERM)-([1-9]\d*)\]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function scrub(text: string, options: ScrubOptions = {}): ScrubResult {
  // Placeholders already present are untouchable, and new ones are numbered after them, so a second pass over
  // edited text never gives two values the same placeholder.
  const next: Record<FindingKind, number> = { EMAIL: 0, IP: 0, HOST: 0, TERM: 0 };
  const taken = new Uint8Array(text.length);
  for (const m of text.matchAll(PLACEHOLDERS)) {
    mark(taken, { start: m.index, end: m.index + m[0].length });
    const kind = m[1] as FindingKind;
    next[kind] = Math.max(next[kind], Number(m[2]));
  }

  // Defanged IOCs shield structural recognizers only; an explicit `redact` term still wins over them.
  const shielded = taken.slice();
  for (const span of findDefanged(text)) mark(shielded, span);

  const keep = new Set((options.keep ?? []).map(normalizeKept));
  // Kept values are dropped only after selection, so the host inside a kept e-mail is not replaced either.
  const structural = selectOutermost(
    [...findEmails(text), ...findIps(text), ...findHosts(text)].filter((c) => !overlaps(shielded, c)),
  ).filter((c) => !keep.has(c.key) && !keep.has(c.value.toLowerCase()));

  const replacements: Candidate[] = [];
  const counts = new Map<string, number>();
  const bump = (c: Candidate) => counts.set(`${c.kind}:${c.key}`, (counts.get(`${c.kind}:${c.key}`) ?? 0) + 1);
  for (const c of structural) {
    mark(taken, c);
    replacements.push(c);
    bump(c);
  }
  // A term that partly overlaps a replaced span ("John Smith" vs `smith.acme.com`) keeps its other part replaced:
  // leaving "John" in the text would be the leak the contributor asked us to prevent.
  for (const term of findTerms(text, options.redact ?? [])) {
    const pieces = uncovered(taken, term).filter((p) => LETTER_OR_DIGIT.test(text.slice(p.start, p.end)));
    if (pieces.length === 0) continue;
    for (const piece of pieces) {
      mark(taken, piece);
      replacements.push({ ...term, ...piece });
    }
    bump(term);
  }
  replacements.sort((a, b) => a.start - b.start);

  const findings = new Map<string, Finding>();
  const out: string[] = [];
  let cursor = 0;
  for (const r of replacements) {
    const id = `${r.kind}:${r.key}`;
    let finding = findings.get(id);
    if (!finding) {
      next[r.kind] += 1;
      finding = {
        kind: r.kind,
        value: r.value,
        placeholder: `[${r.kind}-${next[r.kind]}]`,
        count: counts.get(id) ?? 1,
      };
      findings.set(id, finding);
    }
    out.push(text.slice(cursor, r.start), finding.placeholder);
    cursor = r.end;
  }
  out.push(text.slice(cursor));
  return { text: out.join(""), findings: [...findings.values()] };
}

// `keep` entries may be pasted defanged, as a URL or with a trailing dot; compare them as the recognizers key values.
function normalizeKept(value: string): string {
  const refanged = value
    .trim()
    .toLowerCase()
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/g, ".")
    .replace(/\[@\]/g, "@")
    .replace(/\[:\]/g, ":");
  const url = /^(?:h[tx]{2}ps?|ftp|fxp):\/\/(?:[^/?#@]*@)?([^/?#:]+)/.exec(refanged);
  return (url ? url[1] : refanged).replace(/\.$/, "");
}

// Longest span wins among overlapping candidates: an e-mail over its domain, a host over an IP-looking prefix.
function selectOutermost(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Candidate[] = [];
  let end = 0;
  for (const c of sorted) {
    if (c.start < end) continue;
    chosen.push(c);
    end = c.end;
  }
  return chosen;
}

function mark(mask: Uint8Array, span: Span): void {
  mask.fill(1, span.start, span.end);
}

function overlaps(mask: Uint8Array, span: Span): boolean {
  for (let i = span.start; i < span.end; i++) if (mask[i]) return true;
  return false;
}

function uncovered(mask: Uint8Array, span: Span): Span[] {
  const pieces: Span[] = [];
  let start = -1;
  for (let i = span.start; i <= span.end; i++) {
    const free = i < span.end && !mask[i];
    if (free && start < 0) start = i;
    if (!free && start >= 0) {
      pieces.push({ start, end: i });
      start = -1;
    }
  }
  return pieces;
}
