// Asset tags and employee numbers, only after their word: `asset tag 004512`, `Asset ID: AT-10234`, `asset #7781`
// → ASSET; `employee no. 48213`, `EmpID 55123`, `staff id E-1234`, `badge 7781`, `personnel number 00123` →
// EMPLOYEE. The value must contain a digit, so "asset tag inventory" or "employee ID cards" stay.
import type { Candidate, FindingKind } from "../types";
import { candidate } from "./context";

const VALUE = "([A-Za-z]{0,6}[-_#]?\\d[A-Za-z0-9-]{0,19})";
const SEP = "[\"']?[^\\S\\n]{0,3}(?:[:=#]|is)?[^\\S\\n]{0,3}[\"']?";
const ASSET = new RegExp(
  `(?<![A-Za-z])asset(?:[\\s_-]?(?:tag|id|no\\.?|number|num|#))?${SEP}${VALUE}(?![A-Za-z0-9-])`,
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
      found.push(candidate(kind, m.index + m[0].length - value.length, value));
    }
  };
  scan(ASSET, "ASSET");
  scan(EMPLOYEE, "EMPLOYEE");
  return found;
}
