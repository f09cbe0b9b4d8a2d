// Victimology buckets: the 2-digit NAICS sector and the ISO 3166 country, one list each for the schema,
// the form and the views. Pure (no server imports), so client components import it too.

/**
 * The 20 NAICS (2022) sectors. Three sectors span a range of 2-digit codes (31-33 Manufacturing,
 * 44-45 Retail Trade, 48-49 Transportation and Warehousing): any code of a range is accepted, and the
 * range's first code is what is stored, so one sector is always one value in exports and filters.
 */
export const NAICS_SECTORS = [
  { code: "11", label: "11", name: "Agriculture, Forestry, Fishing and Hunting" },
  { code: "21", label: "21", name: "Mining, Quarrying, and Oil and Gas Extraction" },
  { code: "22", label: "22", name: "Utilities" },
  { code: "23", label: "23", name: "Construction" },
  { code: "31", label: "31-33", name: "Manufacturing", also: ["32", "33"] },
  { code: "42", label: "42", name: "Wholesale Trade" },
  { code: "44", label: "44-45", name: "Retail Trade", also: ["45"] },
  { code: "48", label: "48-49", name: "Transportation and Warehousing", also: ["49"] },
  { code: "51", label: "51", name: "Information" },
  { code: "52", label: "52", name: "Finance and Insurance" },
  { code: "53", label: "53", name: "Real Estate and Rental and Leasing" },
  { code: "54", label: "54", name: "Professional, Scientific, and Technical Services" },
  { code: "55", label: "55", name: "Management of Companies and Enterprises" },
  { code: "56", label: "56", name: "Administrative and Support and Waste Management and Remediation Services" },
  { code: "61", label: "61", name: "Educational Services" },
  { code: "62", label: "62", name: "Health Care and Social Assistance" },
  { code: "71", label: "71", name: "Arts, Entertainment, and Recreation" },
  { code: "72", label: "72", name: "Accommodation and Food Services" },
  { code: "81", label: "81", name: "Other Services (except Public Administration)" },
  { code: "92", label: "92", name: "Public Administration" },
] as const satisfies readonly { code: string; label: string; name: string; also?: readonly string[] }[];

export type NaicsSector = (typeof NAICS_SECTORS)[number];

/** The sector a 2-digit code belongs to (`32` → Manufacturing), or undefined for a code NAICS does not use. */
export function naicsSector(code: string): NaicsSector | undefined {
  return NAICS_SECTORS.find((s) => s.code === code || ("also" in s && (s.also as readonly string[]).includes(code)));
}

/** How a stored sector reads: "52 Finance and Insurance", "31-33 Manufacturing"; an unknown code as it is. */
export function sectorLabel(code: string): string {
  const sector = naicsSector(code);
  return sector ? `${sector.label} ${sector.name}` : code;
}

// The 249 officially assigned ISO 3166-1 alpha-2 codes. ICU names more "regions" than that (EU, UN, XK,
// AC, …), so the list is what decides validity and Intl.DisplayNames only names them.
export const COUNTRY_CODES = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW " +
  "BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI " +
  "FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN " +
  "IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME " +
  "MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF " +
  "PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV " +
  "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE " +
  "YT ZA ZM ZW"
).split(" ");

const COUNTRY_SET = new Set(COUNTRY_CODES);

export function isCountryCode(code: string): boolean {
  return COUNTRY_SET.has(code);
}

// English names, the same on the server (Node's full ICU) and in the browser; created once.
let regionNames: Intl.DisplayNames | undefined;

/** "DE" → "Germany"; the code itself when the runtime has no name for it. */
export function countryName(code: string): string {
  regionNames ??= new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
  return regionNames.of(code) ?? code;
}

/** The country select's options, sorted by name. */
export function countryOptions(): { code: string; name: string }[] {
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code) })).sort((a, b) =>
    a.name.localeCompare(b.name, "en"),
  );
}

/** How a stored country reads: "DE Germany". */
export function countryLabel(code: string): string {
  const name = countryName(code);
  return name === code ? code : `${code} ${name}`;
}
