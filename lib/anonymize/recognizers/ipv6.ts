// IPv6 addresses and CIDRs. A run of hex groups and colons is a candidate; ipaddr.js decides whether it is an
// address. Loopback (`::1`), unspecified (`::`) and multicast (`ff02::1:3`, LLMNR/mDNS groups) describe technique
// behaviour, as `isHarmlessAddress` does for IPv4, and so do whole special-purpose blocks written as CIDRs
// (`64:ff9b::/96`); every other address (link-local and documentation ranges
// included: they are still one machine's interface) is a customer address.
import ipaddr from "ipaddr.js";
import type { Candidate } from "../types";
import { candidate } from "./context";

// The lookbehind pins the start to the beginning of a hex/colon run, so `std::string` and `[Convert]::FromBase64`
// never start a match inside a word; each repetition ends at a colon, so the groups parse one way only. The
// lookahead rejects runs that go on (MAC addresses and colon-separated fingerprints have more groups than fit).
const IPV6 =
  /(?<![0-9A-Za-z:._-])((?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|\d{1,3}(?:\.\d{1,3}){3})?)(?:\/(\d{1,3}))?(?![0-9A-Za-z:_]|\.\d)/g;

export function findIpv6(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(IPV6)) {
    const address = m[1];
    if (!ipaddr.IPv6.isValid(address)) continue;
    // A run of colons with one short word (`[x]::Add`, `a::b`) parses but is code, not an address: an address has
    // at least two groups and a digit.
    const groups = address.split(":").filter((g) => g !== "");
    if (groups.length < 2 || !/\d/.test(address)) continue;
    const parsed = ipaddr.IPv6.parse(address);
    const range = parsed.range();
    if (range === "loopback" || range === "unspecified" || range === "multicast") continue;
    const prefix = m[2] !== undefined && Number(m[2]) <= 128 ? m[2] : undefined;
    if (prefix !== undefined && isSpecialPrefix(parsed, Number(prefix))) continue;
    const value = prefix === undefined ? address : `${address}/${prefix}`;
    const key = parsed.toString() + (prefix === undefined ? "" : `/${Number(prefix)}`);
    found.push(candidate("IP", m.index, value, key));
  }
  return found;
}

// Whole special-purpose or well-known blocks written as CIDRs are protocol vocabulary (NAT64, IPv4-mapped, 6to4,
// Teredo, documentation, link-local, unique local, multicast, the default route, global unicast); an address or a
// smaller block inside one (`::ffff:10.1.2.3`, `2001:db8:1234::/48`) is still a customer's.
const SPECIAL_BLOCKS = new Set(
  [
    "::/0",
    "::/96",
    "::ffff:0:0/96",
    "64:ff9b::/96",
    "64:ff9b:1::/48",
    "2000::/3",
    "2001::/32",
    "2001:db8::/32",
    "2002::/16",
    "fc00::/7",
    "fd00::/8",
    "fe80::/10",
    "fe80::/64",
    "ff00::/8",
  ].map((cidr) => {
    const [address, prefix] = ipaddr.IPv6.parseCIDR(cidr);
    return `${address.toString()}/${prefix}`;
  }),
);

function isSpecialPrefix(parsed: ipaddr.IPv6, prefix: number): boolean {
  return SPECIAL_BLOCKS.has(`${parsed.toString()}/${prefix}`);
}
