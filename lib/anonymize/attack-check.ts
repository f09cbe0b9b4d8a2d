// Over-redaction check (bench helper): how many of ATT&CK's own procedure texts each recognizer would change.
// `npx tsx lib/anonymize/attack-check.ts [path-to-enterprise-attack.json] [recognizer-name | all-descriptions]`
// Per recognizer: texts it would change (defanged spans shielded, as scrub() does); then the whole scrub().
// `all-descriptions` measures every object's description instead of only the procedure texts.
import { readFileSync } from "node:fs";
import { scrub } from "./index";
import { findDefanged } from "./recognizers";
import type { Recognizer } from "./types";
import { findAwsIds } from "./recognizers/aws";
import { findAzureIds } from "./recognizers/azure";
import { findGcpProjects } from "./recognizers/gcp";
import { findGitRemotes } from "./recognizers/git-remote";
import { findIpv6 } from "./recognizers/ipv6";
import { findK8s } from "./recognizers/k8s";
import { findMacs } from "./recognizers/mac";
import { findNationalIds } from "./recognizers/national-id";
import { findPhones } from "./recognizers/phone";
import { findAssetsAndEmployees } from "./recognizers/asset";

const RECOGNIZERS: Record<string, Recognizer> = {
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

interface StixObject {
  id: string;
  type: string;
  relationship_type?: string;
  target_ref?: string;
  description?: string;
}

const file = process.argv[2] ?? "/work/shared/attack/enterprise-attack-18.1.json";
const mode = process.argv[3];
const only = mode === "all-descriptions" ? undefined : mode;
const objects = (JSON.parse(readFileSync(file, "utf8")) as { objects: StixObject[] }).objects;
const byId = new Map(objects.map((o) => [o.id, o]));
const texts = objects
  .filter(
    (o) =>
      mode === "all-descriptions" ||
      (o.type === "relationship" &&
        o.relationship_type === "uses" &&
        byId.get(o.target_ref ?? "")?.type === "attack-pattern"),
  )
  .filter((o) => o.description)
  .map((o) => o.description!);

const changedAny = new Set<number>();
for (const [name, recognize] of Object.entries(RECOGNIZERS)) {
  if (only && name !== only) continue;
  const samples: string[] = [];
  let changed = 0;
  texts.forEach((text, i) => {
    const shields = findDefanged(text);
    const hits = recognize(text).filter((c) => !shields.some((s) => s.start < c.end && c.start < s.end));
    if (hits.length === 0) return;
    changed++;
    changedAny.add(i);
    for (const h of hits) {
      if (samples.length < 8)
        samples.push(`${h.kind} ${JSON.stringify(text.slice(Math.max(0, h.start - 50), h.end + 20))}`);
    }
  });
  console.log(`${name.padEnd(24)} ${changed} / ${texts.length} (${((100 * changed) / texts.length).toFixed(2)}%)`);
  for (const s of samples) console.log(`    ${s}`);
}
console.log(`any of these                ${changedAny.size} / ${texts.length}`);

// The whole anonymizer, every recognizer of every slice registered in index.ts.
const byKind = new Map<string, number>();
let scrubbed = 0;
for (const text of texts) {
  const { findings } = scrub(text);
  if (findings.length === 0) continue;
  scrubbed++;
  for (const kind of new Set(findings.map((f) => f.kind))) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
}
console.log(
  `scrub() changes           ${scrubbed} / ${texts.length} (${((100 * scrubbed) / texts.length).toFixed(2)}%)`,
);
console.log(`  texts per kind: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(", ")}`);
