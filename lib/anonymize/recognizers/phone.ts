// Phone numbers, parsed by libphonenumber-js. Two ways in:
// - international format (`+49 30 1234567`, `tel:+14155552671`) anywhere, if the library finds it valid;
// - a national number right after a phone word (`call (555) 123-4567`, `Tel: 030 1234567`, `mobile 0171 2345678`),
//   if it has a phone's shape: 7–15 digits, possible for the US plan or with a trunk `0` as in most of Europe.
// - a North American number in its written shape anywhere: `(415) 555-0198`, `646-555-0114` (area code and exchange
//   start with 2–9); no other run of digits has that punctuation.
// An international number counts if the library finds it valid or, with at least two groups (`+44 7700 900123`),
// possible: numbering plans reserve ranges (UK 07700 900xxx for drama) that are still somebody's format.
// Numbers without either (versions, dates, port lists, event ids 4624, ATT&CK ids, IPs) are never looked at as
// phones: the library's own search skips those, and the context path rejects their shapes before parsing.
import { findPhoneNumbersInText, parsePhoneNumberFromString } from "libphonenumber-js";
import type { Candidate } from "../types";
import { candidate, unique } from "./context";

// Bounded quantifiers only: the keyword, at most two filler words, then a digit run of at most 20 characters.
const AFTER_WORD =
  /(?<![A-Za-z])(?:call(?:ed|ing)?|phone|telephone|tel|mobile|cell(?:phone)?|fax|sms|whatsapp|dial(?:ed|ing)?|hotline)(?![A-Za-z])[^\S\n]{0,3}(?:(?:number|no\.?|nr\.?|#|at|on|from|to|is|me|the|a|this|that)[^\S\n]{0,3}){0,3}[:.=,]?[^\S\n]{0,3}((?:\+|\()?\d[\d ().\/-]{5,18}\d)(?![\d.-]?\d)/gi;
const INTERNATIONAL = /(?<![A-Za-z0-9+])\+\d[\d ().\/-]{5,22}\d/g;
const NANP = /(?<![\w+().\/-])(?:\([2-9]\d{2}\)[^\S\n]?|[2-9]\d{2}-)[2-9]\d{2}-\d{4}(?![\w-]|\.\d)/g;
// Shapes that are not phones even after a phone word.
const NOT_PHONE =
  /^\d{1,3}(?:\.\d{1,3}){3}$|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$|^(?!\d{3}\.\d{3}\.\d{4}$)\d+(?:\.\d+){2,}$/;

export function findPhones(text: string): Candidate[] {
  const found: Candidate[] = [];
  // The library's own search is slow on long digit runs (seconds on 200 KB), so it only sees short runs that
  // start with `+`.
  for (const m of text.matchAll(INTERNATIONAL)) {
    const hits = findPhoneNumbersInText(m[0]);
    if (hits.length === 0) {
      // The library's search skips numbers of reserved ranges; a grouped `+44 7700 900123` is still a number.
      const parsed = parsePhoneNumberFromString(m[0]);
      if (parsed?.isPossible() && /^\+\d{1,3}[ -]\d+[ -]\d/.test(m[0])) {
        found.push(candidate("PHONE", m.index, m[0], parsed.number));
      }
    }
    for (const hit of hits) {
      if (m[0][hit.startsAt] !== "+") continue;
      const value = m[0].slice(hit.startsAt, hit.endsAt);
      if (!hit.number.isValid() && !(hit.number.isPossible() && /\d[ -]\d+[ -]\d/.test(value))) continue;
      found.push(candidate("PHONE", m.index + hit.startsAt, value, hit.number.number));
    }
  }
  const international = found.slice();
  for (const m of text.matchAll(NANP)) {
    // The national part of `+1 (415) 555-2671` is already inside the international number.
    if (international.some((c) => c.start < m.index + m[0].length && m.index < c.end)) continue;
    const us = parsePhoneNumberFromString(m[0], "US");
    if (us?.isPossible()) found.push(candidate("PHONE", m.index, m[0], us.number));
  }
  for (const m of text.matchAll(AFTER_WORD)) {
    const value = m[1].trim();
    const start = m.index + m[0].length - m[1].length;
    if (NOT_PHONE.test(value)) continue;
    const digits = value.replace(/\D/g, "");
    if (digits.length < 7 || digits.length > 15) continue;
    const key = phoneKey(value, digits);
    if (key) found.push(candidate("PHONE", start, value, key));
  }
  return unique(found);
}

// The E.164 form where the library can tell it, so `+1 415 555 2671` and `(415) 555-2671` share a placeholder.
function phoneKey(value: string, digits: string): string | undefined {
  if (value.startsWith("+")) {
    const parsed = parsePhoneNumberFromString(value);
    return parsed?.isPossible() ? parsed.number : undefined;
  }
  const us = parsePhoneNumberFromString(value, "US");
  if (us?.isPossible() && digits.length >= 10) return us.number;
  if (digits.startsWith("0") && digits.length >= 9 && digits.length <= 13) return digits;
  if (digits.length === 7 && /^\d{3}[ .-]\d{4}$/.test(value)) return digits;
  return undefined;
}
