// Recognizers: each scans the whole text once and returns candidate spans; index.ts decides which win.
// Every pattern here must stay linear: a lookbehind pins each match to the start of a character run, and no
// repeated group can match the same text in two ways. A 200 KB paste must scrub in milliseconds.
import ipaddr from "ipaddr.js";
import { FILE_EXTENSIONS, isHostname, isPublicServiceHost, type HostContext } from "./hostname";
import type { Candidate } from "./types";

export interface Span {
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Shields: spans no structural recognizer may touch.

// A defanged IOC (`evil[.]com`, `1.2.3[.]4`, `bad[@]evil[.]com`) is something the contributor already marked as a
// public indicator. The whole run is shielded, so `mail.google[.]com` does not leak a `mail.google` HOST either.
// `[at]` is deliberately not a marker: `jdoe[at]acme.com` is spam-proofing of a victim address, not an IOC.
const DEFANG_RUN = /(?:[A-Za-z0-9_.@-]|\[(?:\.|dot|@)\]|\((?:\.|dot)\)|\{\.\})+/gi;
const DEFANG_MARKER = /\[(?:\.|dot|@)\]|\((?:\.|dot)\)|\{\.\}/i;

// `hxxp://evil.com`, `http[:]//evil.com`: the scheme is the defang, so scheme and authority are shielded. The path is
// not: a victim host in a query string is still scrubbed.
const DEFANGED_URL =
  /\b(?:(?:hxxps?|fxp)(?::\/\/|\[:\]\/\/|\[:\/\/\])|(?:https?|ftp)(?:\[:\]\/\/|\[:\/\/\]))(?:[A-Za-z0-9_.@:-]|\[(?:\.|dot|@)\]|\((?:\.|dot)\))*/gi;

export function findDefanged(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(DEFANG_RUN)) {
    if (DEFANG_MARKER.test(m[0])) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(DEFANGED_URL)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

// ---------------------------------------------------------------------------------------------------------------
// E-mail. The domain belongs to the e-mail finding; index.ts drops the HOST candidate nested inside it.

const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

export function findEmails(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const at = m[0].indexOf("@");
    const local = m[0].slice(0, at).replace(/^\.+/, "");
    const domain = m[0].slice(at + 1).replace(/-+$/, "");
    // `user@host` without a dotted domain (UNC, ssh) is not an e-mail; a dotted one must be a real host.
    if (!local || !isHostname(domain, "email")) continue;
    const start = m.index + (at - local.length);
    const value = `${local}@${domain}`;
    found.push({ kind: "EMAIL", start, end: start + value.length, value, key: value.toLowerCase() });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// IPv4, with an optional CIDR suffix. The lookbehind rejects `v1.2.3.4` and the tail of `1.2.3.4.5`.

const IPV4 = /(?<![0-9A-Za-z.])(\d{1,3}(?:\.\d{1,3}){3})(?:\/(\d{1,2}))?(?![0-9]|\.\d)/g;
// Version strings parse as addresses; a word like "version" or "build" just before the number says which it is.
const VERSION_CONTEXT = /(?:version|\b(?:ver|v|build|release|revision|rev|firmware|fw))\.?\s*[:=#]?\s*["']?$/i;

export function findIps(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(IPV4)) {
    // Zero-padded octets (192.168.001.010) occur in logs; ipaddr.js rejects them as ambiguous, so normalize first.
    const address = m[1]
      .split(".")
      .map((octet) => String(Number(octet)))
      .join(".");
    if (!ipaddr.IPv4.isValidFourPartDecimal(address)) continue;
    if (isHarmlessAddress(address)) continue;
    if (VERSION_CONTEXT.test(text.slice(Math.max(0, m.index - 32), m.index))) continue;
    const prefix = m[2] !== undefined && Number(m[2]) <= 32 ? m[2] : undefined;
    const value = prefix === undefined ? m[1] : `${m[1]}/${prefix}`;
    const key = prefix === undefined ? address : `${address}/${Number(prefix)}`;
    found.push({ kind: "IP", start: m.index, end: m.index + value.length, value, key });
  }
  return found;
}

// Loopback, 0.0.0.0 and netmasks describe technique behaviour (a bind address, a route), never a victim.
function isHarmlessAddress(address: string): boolean {
  const parsed = ipaddr.IPv4.parse(address);
  const range = parsed.range();
  if (range === "loopback" || range === "unspecified") return true;
  return parsed.octets[0] === 255 && parsed.prefixLengthFromSubnetMask() !== null;
}

// ---------------------------------------------------------------------------------------------------------------
// Hostnames. `$` in the lookbehind skips PowerShell member access (`$file.Name`, `.name` being a TLD).

const HOST = /(?<![A-Za-z0-9$.-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

export function findHosts(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(HOST)) {
    const lead = /^-*/.exec(m[0])![0].length;
    let name = m[0].slice(lead).replace(/-+$/, "");
    const start = m.index + lead;
    const context = hostContext(text, start, start + name.length);
    if (!isHostname(name, context)) {
      // A file named after a host (`dc01.corp.local.log`) still names the host.
      const cut = name.lastIndexOf(".");
      const ext = name.slice(cut + 1).toLowerCase();
      if (!FILE_EXTENSIONS.has(ext) || name.indexOf(".") === cut || !isHostname(name.slice(0, cut), "text")) continue;
      name = name.slice(0, cut);
    }
    if (isPublicServiceHost(name)) continue;
    found.push({ kind: "HOST", start, end: start + name.length, value: name, key: name.toLowerCase() });
  }
  return found;
}

// A URL authority (`://evil.sh`, `evil.sh/x`, `evil.sh:8080`) can only be a host; elsewhere `run.sh` is a file.
function hostContext(text: string, start: number, end: number): HostContext {
  if (start >= 3 && text.startsWith("://", start - 3)) return "url";
  const next = text[end];
  if (next === "/" || (next === ":" && /\d/.test(text[end + 1] ?? ""))) return "url";
  return "text";
}

// ---------------------------------------------------------------------------------------------------------------
// Contributor terms: literal, case-insensitive, whole words; any run of spaces in a term matches any whitespace,
// so a name wrapped across lines is still found.

export function findTerms(text: string, terms: readonly string[]): Candidate[] {
  const seen = new Set<string>();
  const alternatives: string[] = [];
  // Longest first, so "Acme Bank" wins over "Acme" at the same position.
  for (const term of [...terms].map((t) => t.trim()).sort((a, b) => b.length - a.length)) {
    const lower = term.toLowerCase();
    if (!term || seen.has(lower)) continue;
    seen.add(lower);
    alternatives.push(term.split(/\s+/).map(escapeRegExp).join("\\s+"));
  }
  if (alternatives.length === 0) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}_])`, "giu");
  return [...text.matchAll(pattern)].map((m) => ({
    kind: "TERM" as const,
    start: m.index,
    end: m.index + m[0].length,
    value: m[0],
    key: m[0].toLowerCase().replace(/\s+/g, " "),
  }));
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
