// Asset tags and employee numbers, only after their word: `asset tag 004512`, `Asset ID: AT-10234`, `asset #7781`
// → ASSET; `employee no. 48213`, `EmpID 55123`, `staff id E-1234`, `badge 7781`, `personnel number 00123` →
// EMPLOYEE. The value must contain a digit, so "asset tag inventory" or "employee ID cards" stay.
import type { Candidate, FindingKind } from "../types";
import { candidate } from "./context";

// One token of letters, digits and separators (`AT-10234`, `CT-LT-004512`, `7XK9Q23`); the digit test is below.
const VALUE = "([A-Za-z0-9][A-Za-z0-9_#-]{1,24})";
const SEP = "[\"']?[^\\S\\n]{0,3}(?:[:=#]|is)?[^\\S\\n]{0,3}[\"']?";
const ASSET = new RegExp(
  `(?<![A-Za-z])(?:asset(?:[\\s_-]?(?:tag|id|no\\.?|number|num|#))?|service[\\s_-]?tag|serial[\\s_-]?(?:no\\.?|number|#)|S/N)${SEP}${VALUE}(?![A-Za-z0-9-])`,
  "gi",
);
const EMPLOYEE = new RegExp(
  `(?<![A-Za-z])(?:(?:employee|emp|staff|personnel|worker)[\\s_.-]?(?:id|no\\.?|nr\\.?|number|num|#)|badge(?:[\\s_-]?(?:id|no\\.?|number|#))?|personalnummer)${SEP}${VALUE}(?![A-Za-z0-9-])`,
  "gi",
);

export function findAssetsAndEmployees(text: string): Candidate[] {
  const found: Candidate[] = [];
  const scan = (pattern: RegExp, kind: FindingKind) => {
    for (const m of text.matchAll(pattern)) {
      const value = m[1];
      // "asset 2 of 5" counts, it does not name: at least three characters, two of them digits.
      if (value.length < 3 || (value.match(/\d/g) ?? []).length < 2) continue;
      // A date ("asset 2023-10-05 in the log") is when, not which.
      if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(value)) continue;
      // The word said what it is: outranks a shape-only reading of the same span (`CT-LT-004512` looks like a host).
      found.push(candidate(kind, m.index + m[0].length - value.length, value, value.toLowerCase(), 2));
    }
  };
  scan(ASSET, "ASSET");
  scan(EMPLOYEE, "EMPLOYEE");
  return found;
}
