// Organization names by their form: a capitalized stem of one to three words and a legal-form suffix ("Contoso Bank
// AG", "Acme Corp", "Example Health Inc.", "Tailspin LLC") → ORG. The key is the stem, so index.ts can replace the
// bare stem ("Contoso Bank", "Contoso") elsewhere in the same texts with the same placeholder (`orgStems`).
// Software makers and security vendors (vendors.ts) are sources and products, not customers, and are kept.
import type { Candidate } from "../types";
import { isKnownVendor } from "./vendors";

// Legal forms, longest first where one is a prefix of another. The dotted forms end in a dot, so they are followed
// by anything; the others must end a word.
const SUFFIX =
  "(?:Pty\\.? Ltd\\.?|Co\\.,? Ltd\\.?|S\\.p\\.A\\.|S\\.A\\.S\\.|S\\.A\\.|S\\.à r\\.l\\.|S\\.a\\.r\\.l\\.|B\\.V\\.|N\\.V\\.|" +
  "A\\.G\\.|GmbH & Co\\.? KG|GmbH|AG|Inc\\.|Inc|Incorporated|Corp\\.|Corp|Corporation|Ltd\\.|Ltd|Limited|LLC|L\\.L\\.C\\.|LLP|" +
  "plc|PLC|SAS|SARL|SpA|BV|NV|Oy|Oyj|AB|KK|K\\.K\\.|SE|ASA|A/S|ApS|KG|KGaA|SRL|S\\.r\\.l\\.|Sp\\. z o\\.o\\.|s\\.r\\.o\\.|Pte\\.? Ltd\\.?|Bhd)";
// A stem word: capitalized (`Contoso`, `McKinsey`, `AT&T`), or a connecting "&"/"and"/"of" inside the stem.
const WORD = "(?:[A-Z][\\p{L}\\p{N}&'’-]{0,30}|[A-Z]{2,}(?:&[A-Z]+)?)";
const ORG = new RegExp(
  `(?<![\\p{L}\\p{N}_.&'’-])(${WORD}(?:,?\\s(?:&\\s|and\\s|of\\s)?${WORD}){0,2}),?\\s(${SUFFIX})(?![\\p{L}\\p{N}_])`,
  "gu",
);

// Sentence words that are capitalized but are not part of a name: "At Contoso Bank AG" is "Contoso Bank AG".
const LEADING: ReadonlySet<string> = new Set(
  (
    "A An The At In On For From By With And Of To Into Onto Via As Our Their Its His Her We They This That These " +
    "Those When While After Before During Since Until Customer Client Victim Company Organization Firm Bank's " +
    "Yesterday Today Tonight Later Then Also However Meanwhile Subsequently Initially Finally Additionally Next " +
    "Furthermore Moreover Both Only Even Attackers Adversaries Employees Staff Users Analysts Researchers " +
    "Investigators Contact Notify Please See Per Victims Targets Including Like Unlike Against Targeting Targeted " +
    "Breached Compromised Reported Observed Seen Affected Impacted Where Whose Which Who Why How If Whether"
  ).split(" "),
);
// Suffixes that are also ordinary words or abbreviations; they count only after a stem of two or more words or an
// all-caps stem ("Nordic Trade AB", not "Windows SE").
const AMBIGUOUS: ReadonlySet<string> = new Set([
  "SE",
  "AB",
  "KK",
  "NV",
  "BV",
  "AG",
  "Oy",
  "KG",
  "SAS",
  "ASA",
  "Inc",
  "Corp",
  "Ltd",
  "Limited",
  "Bhd",
]);

// The subject of a code-signing certificate ("signed with a certificate issued to Hermetica Digital Ltd.") is a
// third party named in public reports, not the customer the procedure was observed at.
const CERTIFICATE = /certificat|\bsign(?:ed|ing|er|s)?\b|\bissued\b/i;

const SUFFIX_WORDS: ReadonlySet<string> = new Set(
  "AG GmbH Inc Inc. Corp Corp. Corporation Ltd Ltd. LLC plc PLC SAS SARL SpA BV NV Oy Oyj AB KK SE ASA ApS KG KGaA SRL".split(
    " ",
  ),
);

export function findOrganizations(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(ORG)) {
    const words = m[1].split(/\s+/);
    let drop = 0;
    while (drop < words.length && LEADING.has(words[drop].replace(/,$/, ""))) drop++;
    const stemWords = words.slice(drop);
    // "Litware Pty Ltd", "Fabrikam Co., Ltd.": the first half of a two-word legal form is not part of the stem.
    while (stemWords.length > 1 && /^(?:Pty|Co\.?,?|Pte)$/.test(stemWords[stemWords.length - 1])) stemWords.pop();
    // A legal form inside the stem ("Windows SE and ESX AB") means this is not one name.
    if (stemWords.some((w) => SUFFIX_WORDS.has(w.replace(/,$/, "")))) continue;
    if (stemWords.length === 0 || /^(?:and|of|&)$/.test(stemWords[0])) continue;
    const stem = stemWords.join(" ").replace(/,$/, "");
    const suffix = m[2];
    if (AMBIGUOUS.has(suffix) && stemWords.length < 2 && !/^[A-Z]/.test(stem)) continue;
    if (["SE", "KK", "AB", "NV", "BV", "Oy", "KG", "ASA"].includes(suffix) && stemWords.length < 2) continue;
    if (isKnownVendor(stem)) continue;
    if (CERTIFICATE.test(text.slice(Math.max(0, m.index - 100), m.index + m[0].length + 40))) continue;
    const start = m.index + m[1].indexOf(stemWords[0]);
    const end = m.index + m[0].length;
    found.push({ kind: "ORG", start, end, value: text.slice(start, end), key: stemKey(stem), priority: 1 });
  }
  return found;
}

/** The key an organization is numbered by: its stem, case-folded, single-spaced ("contoso bank"). */
export function stemKey(stem: string): string {
  return stem.toLowerCase().replace(/\s+/g, " ");
}

/**
 * The bare forms of an organization found with a suffix, to be replaced elsewhere with its placeholder: the whole
 * stem ("Contoso Bank") and, for a stem of several words, its first word when that is distinctive ("Contoso", not
 * "First" or "National").
 */
export function orgStems(value: string, key: string): string[] {
  const words = key.split(" ");
  const stems = [key];
  const first = value.split(/\s+/)[0];
  if (words.length > 1 && first.length >= 4 && !COMMON_FIRST_WORDS.has(words[0])) stems.push(words[0]);
  return stems;
}

const COMMON_FIRST_WORDS: ReadonlySet<string> = new Set(
  (
    "first second third national international global general united american european asian british german " +
    "french swiss north south east west northern southern eastern western central new old royal state city county " +
    "federal regional community peoples people's citizens union trust capital security secure health medical " +
    "energy power data digital cyber network networks systems technology technologies tech software services " +
    "solutions group holdings industries financial finance bank insurance mutual credit savings investment " +
    "investments partners management consulting advanced applied allied standard universal premier pacific atlantic"
  ).split(" "),
);
