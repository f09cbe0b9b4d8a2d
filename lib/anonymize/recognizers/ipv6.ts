// IPv6 addresses and CIDRs. A run of hex groups and colons is a candidate; ipaddr.js decides whether it is an
// address. Loopback (`::1`), unspecified (`::`) and multicast (`ff02::1:3`, LLMNR/mDNS groups) describe technique
// behaviour, as `isHarmlessAddress` does for IPv4; every other address (link-local and documentation ranges
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
    const value = prefix === undefined ? address : `${address}/${prefix}`;
    const key = parsed.toString() + (prefix === undefined ? "" : `/${Number(prefix)}`);
    found.push(candidate("IP", m.index, value, key));
  }
  return found;
}
