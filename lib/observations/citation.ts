// ATT&CK's citation form, as its external_references descriptions write it:
//   "Author. (Year, Month Day). Title. Retrieved Month Day, Year."
// with "(n.d.)" when the source has no date and "(Year)" or "(Year, Month)" when only part is known.
// Pure: the form's "Format citation" helper calls it in the browser.

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

export interface CitationParts {
  author: string;
  /** Publication date; any part may be missing (no year: "n.d."). Month is 1-12. */
  year?: number;
  month?: number;
  day?: number;
  title: string;
  /** When the source was read, `YYYY-MM-DD`. */
  retrieved: string;
}

// A part ends with one period: "Campbell, B. et al." gets no second one. A title ending in "?" or "!" still
// gets its period, as in every such citation of ATT&CK 18.1 ("… Tenant B!. Retrieved …").
const withStop = (text: string) => (text.endsWith(".") ? text : `${text}.`);

function publishedPart({ year, month, day }: CitationParts): string {
  if (!year) return "n.d.";
  if (!month) return String(year);
  const name = MONTH_NAMES[month - 1];
  return day ? `${year}, ${name} ${day}` : `${year}, ${name}`;
}

/** "2024-09-12" → "September 12, 2024"; empty for a value that is not a date. */
export function retrievedPart(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return "";
  const month = MONTH_NAMES[Number(match[2]) - 1];
  return month ? `${month} ${Number(match[3])}, ${match[1]}` : "";
}

export function formatCitation(parts: CitationParts): string {
  const retrieved = retrievedPart(parts.retrieved);
  return [
    withStop(parts.author.trim()),
    `(${publishedPart(parts)}).`,
    withStop(parts.title.trim()),
    ...(retrieved ? [`Retrieved ${retrieved}.`] : []),
  ].join(" ");
}
