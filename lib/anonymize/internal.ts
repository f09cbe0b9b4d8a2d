// Names and addresses that only mean something inside an organization. Kept apart from hostname.ts (which
// loads the public suffix list) so the submit form can check a public report's URL in the browser too.
import ipaddr from "ipaddr.js";

/**
 * Suffixes organizations use internally. Not in the public suffix list (or, for .ad/.int, listed for other
 * reasons), so they are checked first: a name ending in one of them is always a victim hostname.
 */
export const INTERNAL_SUFFIXES: ReadonlySet<string> = new Set([
  "local",
  "corp",
  "internal",
  "lan",
  "intra",
  "ad",
  "home",
  "localdomain",
  "private",
  "int",
]);

/**
 * Why a public report's URL cannot be published as written, or null when it can: it must be http(s) and name a
 * public host, not an internal name (single label, `localhost`, an internal suffix) or a non-public IP address
 * (private, loopback, link-local, …: anything ipaddr.js does not class as unicast).
 */
export function publicUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Use a full http(s):// address.";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "Use a full http(s):// address.";
  // WHATWG URL already turned `2130706433` and `0x7f.1` into dotted IPv4; IPv6 keeps its brackets.
  const host = parsed.hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
  if (ipaddr.isValid(host)) {
    const range = ipaddr.parse(host).range();
    return range === "unicast"
      ? null
      : `${host} is a ${range} address, not a public one: link the report where it is published.`;
  }
  const labels = host.split(".");
  const last = labels[labels.length - 1];
  if (labels.length < 2 || last === "localhost" || INTERNAL_SUFFIXES.has(last)) {
    return `${host} is an internal host name, not a public one: link the report where it is published.`;
  }
  return null;
}

// Address ranges that only exist inside a network: never a public attacker's address.
const NON_PUBLIC_RANGES: ReadonlySet<string> = new Set([
  "private",
  "loopback",
  "linkLocal",
  "uniqueLocal",
  "carrierGradeNat",
  "unspecified",
]);

/**
 * True for a value a contributor may not mark as public attacker infrastructure (issue 6 §2): a private, loopback or
 * link-local address (or a CIDR of one), `localhost`, a host under an internal suffix (`dc01.corp.local`), or an
 * e-mail or URL at such a host. Expects the value trimmed, lower-cased and refanged.
 */
export function isNeverPublic(value: string): boolean {
  const at = value.lastIndexOf("@");
  const host = (at >= 0 ? value.slice(at + 1) : value).replace(/\/\d{1,3}$/, "").replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host)) return NON_PUBLIC_RANGES.has(ipaddr.process(host).range());
  const labels = host.replace(/\.$/, "").split(".");
  const last = labels[labels.length - 1];
  return last === "localhost" || (labels.length > 1 && INTERNAL_SUFFIXES.has(last));
}
