// Every recognizer in this folder on 200 KB inputs built to make a careless pattern backtrack (a lookbehind over
// `\s*`, an unbounded group before a failing test, libphonenumber's own search on digit runs). Each took seconds
// to tens of seconds in a draft; linear patterns take milliseconds.
import { describe, expect, it } from "vitest";
import { STRUCTURAL_RECOGNIZERS } from "../index";

const SIZE = 200_000;
const fill = (unit: string, prefix = "") => prefix + unit.repeat(Math.ceil((SIZE - prefix.length) / unit.length));
const INPUTS: Record<string, string> = {
  spaces: fill(" ", "aws_secret_access_key call tenant account asset "),
  colons: fill(":"),
  "hex and colons": fill("a:"),
  "digit dots": fill("1."),
  "digit dashes": fill("1-"),
  "plus digits": fill("+1 "),
  "twelve digits": fill("123456789012 "),
  "kubectl flags": fill("-a ", "kubectl exec "),
  "resource slashes": fill("a/", "pod/"),
  "scheme and letters": fill("a", "ssh://"),
  "at signs": fill("a@"),
  "project dashes": fill("a-", "projects/"),
  "hyphenated words": fill("ab-"),
  "guid run": fill("72f988bf-86f1-41af-91ab-2d7cd011db47 tenant "),
  "arn run": fill("arn:aws:iam::123456789012:"),
  "bucket words": fill("bucket a-b "),
  "namespace and pod words": fill("namespace pod a-"),
  "domain capitals": fill("ABCD domain "),
  "domain options": fill("/domain:A -d ", "sharphound "),
  "as user": fill("as user as the account "),
  "phone groups": fill("(415) 555-", "+44 "),
  "project words": fill("project a-b gcloud projects describe "),
  "asset tags": fill("asset tag A-", "service tag "),
};

// No time is asserted (npm run bench measures): a backtracking pattern runs for minutes and fails on the test's
// timeout; a linear one finishes each input in milliseconds.
describe("recognizers stay linear", () => {
  for (const [name, recognize] of Object.entries(STRUCTURAL_RECOGNIZERS)) {
    it(`${name} scans each 200 KB pathological input`, () => {
      for (const text of Object.values(INPUTS)) {
        const spans = recognize(text);
        expect(spans.every((c) => c.start >= 0 && c.start < c.end && c.end <= text.length)).toBe(true);
      }
    }, 30_000);
  }
});
