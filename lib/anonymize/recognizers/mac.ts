// MAC addresses: `00:1A:2B:3C:4D:5E`, `00-1A-2B-3C-4D-5E`, Cisco's `001a.2b3c.4d5e`. All-zero and broadcast
// addresses are protocol constants (ARP, Wake-on-LAN), not a machine, and are kept.
import type { Candidate } from "../types";
import { candidate } from "./context";

// Exactly six pairs with one separator throughout; longer colon runs (certificate fingerprints) are rejected by the
// lookarounds. Cisco form must contain a hex letter: three dotted four-digit numbers are more often versions.
const PAIRS =
  /(?<![0-9A-Za-z:-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}(?![0-9A-Za-z]|[:-][0-9A-Za-z])/g;
const CISCO = /(?<![0-9A-Za-z.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![0-9A-Za-z]|\.[0-9A-Za-z])/g;
const CONSTANTS = new Set(["000000000000", "ffffffffffff"]);

export function findMacs(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const pattern of [PAIRS, CISCO]) {
    for (const m of text.matchAll(pattern)) {
      const hex = m[0].replace(/[:.-]/g, "").toLowerCase();
      if (CONSTANTS.has(hex)) continue;
      if (pattern === CISCO && !/[a-f]/.test(hex)) continue;
      found.push(candidate("MAC", m.index, m[0], hex.replace(/(..)(?!$)/g, "$1:")));
    }
  }
  return found;
}
