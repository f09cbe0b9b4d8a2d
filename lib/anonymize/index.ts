// Anonymizer for procedure write-ups (DESIGN.md §5). Pure: no database, no framework. The submit form shows the
// findings; the server runs it again on whatever it receives, so it must be idempotent and must number around
// placeholders already in the text.
import { isNeverPublic } from "./internal";
import { findDefanged, findEmails, findHosts, findIps, findTerms, type Span } from "./recognizers";
import { findDomainNames } from "./recognizers/domain-name";
import { findDomainUsers } from "./recognizers/domain-user";
import { echoFinder } from "./recognizers/echoes";
import { findOrganizations } from "./recognizers/organization";
import { findProfilePaths } from "./recognizers/profile-path";
import { findShortHosts } from "./recognizers/short-host";
import { findContextUsers } from "./recognizers/user-context";
import { findAssetsAndEmployees } from "./recognizers/asset";
import { findAwsIds } from "./recognizers/aws";
import { findAzureIds } from "./recognizers/azure";
import { findGcpProjects } from "./recognizers/gcp";
import { findGitRemotes } from "./recognizers/git-remote";
import { findIpv6 } from "./recognizers/ipv6";
import { findK8s } from "./recognizers/k8s";
import { findMacs } from "./recognizers/mac";
import { findNationalIds } from "./recognizers/national-id";
import { findPhones } from "./recognizers/phone";
import {
  FINDING_KINDS,
  type Candidate,
  type Finding,
  type FindingKind,
  type Recognizer,
  type ScrubFieldsResult,
  type ScrubOptions,
  type ScrubResult,
} from "./types";

export type { FieldFinding, Finding, FindingKind, ScrubFieldsResult, ScrubOptions, ScrubResult } from "./types";
export { FINDING_KINDS } from "./types";

/**
 * The structural recognizers, each its own module with its own tests. Order does not matter: overlapping candidates
 * are settled by `selectOutermost` (longest span, then `priority`).
 */
export const STRUCTURAL_RECOGNIZERS = {
  findEmails,
  findIps,
  findHosts,
  findDomainUsers,
  findContextUsers,
  findProfilePaths,
  findShortHosts,
  findOrganizations,
  findIpv6,
  findAwsIds,
  findAzureIds,
  findGcpProjects,
  findMacs,
  findPhones,
  findNationalIds,
  findK8s,
  findGitRemotes,
  findAssetsAndEmployees,
  findDomainNames,
} as const satisfies Record<string, Recognizer>;
const STRUCTURAL: readonly Recognizer[] = Object.values(STRUCTURAL_RECOGNIZERS);

const KIND_ALTERNATIVES = [...FINDING_KINDS].sort((a, b) => b.length - a.length).join("|");
/** Matches any placeholder this module produces, e.g. `[HOST-1]`, `[AWS-ACCOUNT-2]`. Not global: safe to share. */
export const PLACEHOLDER_PATTERN: RegExp = new RegExp(`\\[(?:${KIND_ALTERNATIVES})-[1-9]\\d*\\]`);

const PLACEHOLDERS = new RegExp(`\\[(${KIND_ALTERNATIVES})-([1-9]\\d*)\\]`, "g");
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function scrub(text: string, options: ScrubOptions = {}): ScrubResult {
  const { texts, findings } = scrubTexts([text], options);
  return {
    text: texts[0],
    findings: findings.map(({ kind, value, placeholder, count }) => ({ kind, value, placeholder, count })),
  };
}

/**
 * Scrubs several texts of one record with one numbering: a value gets the same placeholder in every field, and new
 * placeholders are numbered after any already present in any field. Findings are in order of first appearance, the
 * fields taken in the order given, and say in which fields (keys) each value occurred.
 */
export function scrubFields<K extends string>(
  fields: Record<K, string>,
  options: ScrubOptions = {},
): ScrubFieldsResult<K> {
  const keys = Object.keys(fields) as K[];
  const { texts, findings, kept } = scrubTexts(
    keys.map((k) => fields[k]),
    options,
  );
  return {
    fields: Object.fromEntries(keys.map((k, i) => [k, texts[i]])) as Record<K, string>,
    findings: findings.map(({ where, ...f }) => ({ ...f, fields: [...where].map((i) => keys[i]) })),
    kept,
  };
}

interface Located extends Finding {
  /** Indexes of the texts the value occurred in, in order. */
  where: Set<number>;
}

interface Replacement extends Candidate {
  text: number;
}

function scrubTexts(texts: string[], options: ScrubOptions): { texts: string[]; findings: Located[]; kept: string[] } {
  // Placeholders already present are untouchable, and new ones are numbered after them, so a second pass over
  // edited text never gives two values the same placeholder.
  const next = Object.fromEntries(FINDING_KINDS.map((kind) => [kind, 0])) as Record<FindingKind, number>;
  const masks = texts.map((text) => {
    const taken = new Uint8Array(text.length);
    for (const m of text.matchAll(PLACEHOLDERS)) {
      mark(taken, { start: m.index, end: m.index + m[0].length });
      const kind = m[1] as FindingKind;
      next[kind] = Math.max(next[kind], Number(m[2]));
    }
    return taken;
  });

  // A private address or a customer (internal) host can never be marked public: such `keep` entries are ignored.
  const keep = new Set((options.keep ?? []).map(normalizeKept).filter((value) => !isNeverPublic(value)));
  const counts = new Map<string, number>();
  const bump = (c: Candidate) => counts.set(`${c.kind}:${c.key}`, (counts.get(`${c.kind}:${c.key}`) ?? 0) + 1);
  const shields = texts.map((text, index) => {
    // Defanged IOCs shield structural recognizers only; an explicit `redact` term still wins over them.
    const shielded = masks[index].slice();
    for (const span of findDefanged(text)) mark(shielded, span);
    return shielded;
  });
  // Kept values are dropped only after selection, so the host inside a kept e-mail is not replaced either.
  const isKept = (c: Candidate) => keep.has(c.key) || keep.has(c.value.toLowerCase());
  const recognizers = options.termsOnly ? [] : STRUCTURAL;
  const selected = texts.map((text, index) =>
    selectOutermost(recognizers.flatMap((recognize) => recognize(text)).filter((c) => !overlaps(shields[index], c))),
  );
  // Echoes (second pass): a DOMAIN, USER, bare HOST or ORG stem found anywhere in the record is replaced wherever
  // else it stands alone, with the same placeholder ("CONTOSO" after `CONTOSO\jdoe`, "Contoso" after "Contoso Bank
  // AG"). Only known after the first pass; echoes join a second selection, where they outrank a shape-only reading
  // of the same span (`m.schmidt` as a host) but not a longer span or a structural DOMAIN/USER (echoes.ts).
  const findEchoes = echoFinder(selected.flat().filter((c) => !isKept(c)));
  // What `keep` actually spared: values a recognizer would have replaced, as they stand in the text (one per value).
  const kept = new Map<string, string>();
  const chosen = selected.map((candidates, index) =>
    (findEchoes
      ? selectOutermost([...candidates, ...findEchoes(texts[index]).filter((c) => !overlaps(shields[index], c))])
      : candidates
    ).filter((c) => {
      if (!isKept(c)) return true;
      if (!kept.has(c.value.toLowerCase())) kept.set(c.value.toLowerCase(), c.value);
      return false;
    }),
  );

  const perText = texts.map((text, index) => {
    const taken = masks[index];

    const replacements: Replacement[] = [];
    for (const c of chosen[index]) {
      mark(taken, c);
      replacements.push({ ...c, text: index });
      bump(c);
    }
    // A term that partly overlaps a replaced span ("John Smith" vs `smith.acme.com`) keeps its other part replaced:
    // leaving "John" in the text would be the leak the contributor asked us to prevent.
    for (const term of findTerms(text, options.redact ?? [])) {
      const pieces = uncovered(taken, term).filter((p) => LETTER_OR_DIGIT.test(text.slice(p.start, p.end)));
      if (pieces.length === 0) continue;
      for (const piece of pieces) {
        mark(taken, piece);
        replacements.push({ ...term, ...piece, text: index });
      }
      bump(term);
    }
    return replacements.sort((a, b) => a.start - b.start);
  });

  const findings = new Map<string, Located>();
  const out = texts.map((text, index) => {
    const parts: string[] = [];
    let cursor = 0;
    for (const r of perText[index]) {
      const id = `${r.kind}:${r.key}`;
      let finding = findings.get(id);
      if (!finding) {
        next[r.kind] += 1;
        finding = {
          kind: r.kind,
          value: r.value,
          placeholder: `[${r.kind}-${next[r.kind]}]`,
          count: counts.get(id) ?? 1,
          where: new Set(),
        };
        findings.set(id, finding);
      }
      finding.where.add(index);
      parts.push(text.slice(cursor, r.start), finding.placeholder);
      cursor = r.end;
    }
    parts.push(text.slice(cursor));
    return parts.join("");
  });
  return { texts: out, findings: [...findings.values()], kept: [...kept.values()] };
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
  const sorted = [...candidates].sort(
    (a, b) => a.start - b.start || b.end - a.end || (b.priority ?? 0) - (a.priority ?? 0),
  );
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
