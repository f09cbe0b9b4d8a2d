// Every recognizer in this folder on 200 KB inputs built to make a careless pattern backtrack (a lookbehind over
// `\s*`, an unbounded group before a failing test, libphonenumber's own search on digit runs). Each took seconds
// to tens of seconds in a draft; linear patterns take milliseconds, so a generous budget still catches the slip.
import { describe, expect, it } from "vitest";
import { findAssetsAndEmployees } from "./asset";
import { findAwsIds } from "./aws";
import { findAzureIds } from "./azure";
import { findGcpProjects } from "./gcp";
import { findGitRemotes } from "./git-remote";
import { findIpv6 } from "./ipv6";
import { findK8s } from "./k8s";
import { findMacs } from "./mac";
import { findNationalIds } from "./national-id";
import { findPhones } from "./phone";

const RECOGNIZERS = {
  findIpv6,
  findAwsIds,
  findAzureIds,
  findGcpProjects,
  findMacs,
  findPhones,
  findNationalIds,
  findK8s,
  findGitRemotes,
  findAssetsAndEmployees,
};

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
};

describe("recognizers stay linear", () => {
  for (const [name, recognize] of Object.entries(RECOGNIZERS)) {
    it(`${name} scans each 200 KB pathological input in well under a second`, () => {
      for (const [input, text] of Object.entries(INPUTS)) {
        const started = performance.now();
        recognize(text);
        const elapsed = performance.now() - started;
        expect(elapsed, `${name} on ${input}`).toBeLessThan(1000);
      }
    });
  }
});
