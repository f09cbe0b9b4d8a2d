// National identifiers → NATIONAL-ID. Covered: US Social Security numbers, UK National Insurance numbers and the
// German tax id (Steuer-IdNr). Not covered: passports, ID-card numbers and other countries' ids (formats vary too
// much to find without a dedicated list; contributors add them as extra terms).
// - SSN `123-45-6789`: anywhere when the SSA rules hold (area not 000, 666 or 900–999; group not 00; serial not
//   0000); `123 45 6789` and `123456789` only after "SSN"/"social security".
// - NINO `AB 12 34 56 C`: anywhere when the HMRC prefix rules hold; any two letters (`QQ`, the specimen prefix)
//   after "NINO"/"national insurance".
// - Steuer-ID: 11 digits after "Steuer-ID"/"IdNr"/"Steueridentifikationsnummer", with a valid check digit.
import type { Candidate } from "../types";
import { before, candidate } from "./context";

const SSN = /(?<![\d-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\d-]|\.\d)/g;
const SSN_CONTEXT = /(?:\bssn|social\s+security(?:\s+(?:number|no\.?|#))?)["']?\s*(?:[:=#]|is|of)?\s*["']?$/i;
const NINO = /(?<![A-Za-z0-9])([A-Z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])(?![A-Za-z0-9])/g;
const NINO_CONTEXT =
  /(?:\bnino|national\s+insurance(?:\s+(?:number|no\.?))?|\bni\s+(?:number|no\.?))["']?\s*(?:[:=#]|is)?\s*["']?$/i;
// First letter not D F I Q U V, second not D F I O Q U V; prefixes BG GB KN NK NT TN ZZ are never issued.
const NINO_PREFIX = /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]$/;
const NINO_UNISSUED = new Set(["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"]);
const STEUER_ID = /(?<![\d-])\d{2} ?\d{3} ?\d{3} ?\d{3}(?![\d-])/g;
const STEUER_CONTEXT =
  /(?:steuer[\s-]?id(?:entifikationsnummer)?|steueridentifikationsnummer|\bidnr\.?|tax\s+id)["']?\s*(?:[:=#]|is)?\s*["']?$/i;

export function findNationalIds(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(SSN)) {
    const [, area, separator, group, serial] = m;
    const valid = area !== "000" && area !== "666" && area[0] !== "9" && group !== "00" && serial !== "0000";
    const inContext = SSN_CONTEXT.test(before(text, m.index));
    if (!(inContext || (valid && separator === "-"))) continue;
    found.push(candidate("NATIONAL-ID", m.index, m[0], `ssn:${area}${group}${serial}`));
  }
  for (const m of text.matchAll(NINO)) {
    const prefix = m[1];
    const issued = NINO_PREFIX.test(prefix) && !NINO_UNISSUED.has(prefix);
    const spaced = m[0].includes(" ");
    const inContext = NINO_CONTEXT.test(before(text, m.index));
    if (!(inContext || (issued && spaced))) continue;
    found.push(candidate("NATIONAL-ID", m.index, m[0], `nino:${m[0].replace(/ /g, "")}`));
  }
  for (const m of text.matchAll(STEUER_ID)) {
    const digits = m[0].replace(/ /g, "");
    if (!STEUER_CONTEXT.test(before(text, m.index)) || !validSteuerId(digits)) continue;
    found.push(candidate("NATIONAL-ID", m.index, m[0], `steuer:${digits}`));
  }
  return found;
}

// ISO 7064 MOD 11,10 check digit, as the Bundeszentralamt für Steuern computes it.
export function validSteuerId(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (Number(digits[i]) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return check === Number(digits[10]);
}
