// Over-redaction check of the identity recognizers against ATT&CK's own procedure texts (the `uses` relationships'
// descriptions whose target is a technique). Not a test: prints, per recognizer, how many texts it would change,
// and how many texts scrub() changes with identity kinds. Run: npx tsx lib/anonymize/identities.attack.ts [--samples]
import { readFileSync } from "node:fs";
import { scrub } from "./index";
import { findDomainUsers } from "./recognizers/domain-user";
import { findOrganizations } from "./recognizers/organization";
import { findProfilePaths } from "./recognizers/profile-path";
import { findShortHosts } from "./recognizers/short-host";
import { findContextUsers } from "./recognizers/user-context";
import type { Recognizer } from "./types";

interface StixObject {
  type: string;
  relationship_type?: string;
  target_ref?: string;
  description?: string;
}

const BUNDLE = process.env.ATTACK_BUNDLE ?? "/work/shared/attack/enterprise-attack-18.1.json";
const samples = process.argv.includes("--samples");
const objects = (JSON.parse(readFileSync(BUNDLE, "utf8")) as { objects: StixObject[] }).objects;
const texts = objects
  .filter((o) => o.type === "relationship" && o.relationship_type === "uses")
  .filter((o) => o.target_ref?.startsWith("attack-pattern--") && o.description)
  .map((o) => o.description!);

const RECOGNIZERS: Record<string, Recognizer> = {
  "domain-user": findDomainUsers,
  "user-context": findContextUsers,
  "profile-path": findProfilePaths,
  "short-host": findShortHosts,
  organization: findOrganizations,
};
const percent = (n: number) => `${((100 * n) / texts.length).toFixed(2)}%`;

for (const [name, recognize] of Object.entries(RECOGNIZERS)) {
  const hits = texts.map((text) => ({ text, found: recognize(text) })).filter((h) => h.found.length > 0);
  console.log(`${name.padEnd(14)} ${hits.length}/${texts.length} texts (${percent(hits.length)})`);
  if (samples) {
    for (const { text, found } of hits.slice(0, 20)) {
      for (const c of found)
        console.log(`    ${c.kind} ${c.value}  «${text.slice(Math.max(0, c.start - 40), c.end + 20)}»`);
    }
  }
}

// attack.mitre.org links are the host recognizer's business; kept here so only identity findings count.
const IDENTITY = new Set(["USER", "DOMAIN", "ORG"]);
let changed = 0;
for (const text of texts) {
  const { findings } = scrub(text, { keep: ["attack.mitre.org"] });
  if (findings.some((f) => IDENTITY.has(f.kind) || (f.kind === "HOST" && !f.value.includes(".")))) changed++;
}
console.log(
  `scrub(): ${changed}/${texts.length} texts (${percent(changed)}) get a USER, DOMAIN, ORG or bare HOST finding`,
);
