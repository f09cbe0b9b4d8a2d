// The actor objects of an export (DESIGN §6 "credit" and "proposed actor"):
// - creditedCopy: MITRE's group/software/campaign in the 2.1 layout with the contributor added to
//   x_mitre_contributors, a minor x_mitre_version bump and a new modified: ATT&CK's way to credit,
//   since relationships cannot carry contributors.
// - proposedObject: a new intrusion-set/malware/tool/campaign with a placeholder ATT&CK ID
//   "G0000"/"S0000"/"C0000" in external_references[0]. The data model insists on the G####/S####/
//   C#### shape, MITRE never assigns 0000, and the entry says in words that it is a placeholder
//   (no attack.mitre.org url: it would be a dead link). Software keeps aliases in x_mitre_aliases.
import { ATTACK_SPEC_VERSION } from "@mitre-attack/attack-data-model/dist/attack-spec-version.js";
import type { ExportObservation, ExportOptions, ExportRelease, ProposedActorType, StixObject } from "./types";

export const MITRE_IDENTITY = "identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5";
export const MITRE_MARKING = "marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168";

export type ExtRef = { source_name: string; description: string; url?: string };
export type Proposed = Extract<ExportObservation["actor"], { kind: "PROPOSED" }>;

export const iso = (d: Date) => d.toISOString();
export const cite = (names: string[]) => names.map((n) => `(Citation: ${n})`).join("");
import { citedNames } from "../attack/citations";
export { citedNames };
const uniq = (xs: string[]) => [...new Set(xs)];
const ID_LETTER: Record<ProposedActorType, string> = { "intrusion-set": "G", malware: "S", tool: "S", campaign: "C" };
const KIND_LABEL: Record<ProposedActorType, string> = {
  "intrusion-set": "group",
  malware: "malware",
  tool: "tool",
  campaign: "campaign",
};

// What a credit choice exports has one home, beside the profile that supplies the names.
import { creditString } from "../auth/profile";
export { creditString };

/** "1.4" → "1.5", "1.13" → "1.14": a minor bump is ATT&CK's mark for new reporting. */
export function bumpMinor(version: unknown): string {
  const [major, minor] = String(version ?? "").split(".");
  if (!/^\d+$/.test(major ?? "")) return "1.0";
  return `${Number(major)}.${/^\d+$/.test(minor ?? "") ? Number(minor) + 1 : 1}`;
}

// The copy now conforms to the spec version the data model checks it against, but never claim an
// older one than MITRE's object already states.
function laterSpecVersion(a: unknown, b: string): string {
  if (typeof a !== "string") return b;
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) > (pb[i] || 0) ? a : b;
  return b;
}

/** MITRE's object in the 2.1 layout, credited: contributor added, minor version bump, new modified. */
export function creditedCopy(stix: Record<string, unknown>, credits: string[], release: ExportRelease): StixObject {
  const copy: Record<string, unknown> = {};
  // The 2.0 files carry "" for absent text; the data model rejects empty strings.
  for (const [k, v] of Object.entries(structuredClone(stix))) if (v !== "") copy[k] = v;
  copy.spec_version = "2.1";
  if (copy.type === "malware" && copy.is_family === undefined) copy.is_family = true;
  const existing = Array.isArray(copy.x_mitre_contributors) ? (copy.x_mitre_contributors as string[]) : [];
  // MITRE's order is kept (a re-sorted list would be a noisy diff); new names follow, sorted.
  copy.x_mitre_contributors = [...existing, ...credits.filter((c) => !existing.includes(c)).sort()];
  copy.x_mitre_version = bumpMinor(copy.x_mitre_version);
  copy.x_mitre_attack_spec_version = laterSpecVersion(copy.x_mitre_attack_spec_version, ATTACK_SPEC_VERSION);
  copy.modified = iso(release.frozenAt);
  return copy as StixObject;
}

export interface ProposedGroup {
  id: string;
  actor: Proposed;
  observations: { o: ExportObservation; refs: ExtRef[] }[];
}

export function proposedObject(g: ProposedGroup, release: ExportRelease, options: ExportOptions, identityId: string) {
  const { type } = g.actor;
  const name = g.actor.name.trim();
  const obs = g.observations;
  const aliases = uniq([name, ...obs.flatMap(({ o }) => (o.actor as Proposed).aliases.map((a) => a.trim()))]).filter(
    Boolean,
  );
  const given = obs.map(({ o }) => (o.actor as Proposed).description.trim()).find(Boolean);
  const description = given || `${name} is a ${KIND_LABEL[type]} proposed through ${options.identityName}.`;
  const credits = uniq(obs.map(({ o }) => creditString(o.credit)).filter((c): c is string => !!c)).sort();
  const allRefs = new Map(obs.flatMap(({ refs }) => refs.map((r) => [r.source_name, r] as const)));
  const cited = new Set(citedNames(description));
  const extra: Record<string, unknown> = {};
  if (type === "campaign") {
    const from = (o: ExportObservation) => o.observedFrom ?? o.acceptedAt;
    const to = (o: ExportObservation) => o.observedTo ?? o.observedFrom ?? o.acceptedAt;
    const first = obs.reduce((a, b) => (from(b.o) < from(a.o) ? b : a));
    const last = obs.reduce((a, b) => (to(b.o) > to(a.o) ? b : a));
    extra.first_seen = iso(from(first.o));
    extra.last_seen = iso(to(last.o));
    extra.x_mitre_first_seen_citation = cite([first.refs[0].source_name]);
    extra.x_mitre_last_seen_citation = cite([last.refs[0].source_name]);
    cited.add(first.refs[0].source_name).add(last.refs[0].source_name);
  }
  if (type === "malware") extra.is_family = true;
  extra[type === "malware" || type === "tool" ? "x_mitre_aliases" : "aliases"] = aliases;
  const placeholder = {
    source_name: "mitre-attack",
    external_id: `${ID_LETTER[type]}0000`,
    description: `Placeholder ATT&CK ID: ${name} is a proposed new ${KIND_LABEL[type]} from ${options.identityName}; MITRE assigns the real ID if it is accepted.`,
  };
  const created = obs.map(({ o }) => o.acceptedAt).reduce((a, b) => (b < a ? b : a));
  return {
    type,
    spec_version: "2.1",
    id: g.id,
    created: iso(created < release.frozenAt ? created : release.frozenAt),
    modified: iso(release.frozenAt),
    created_by_ref: identityId,
    x_mitre_modified_by_ref: MITRE_IDENTITY,
    object_marking_refs: [MITRE_MARKING],
    name,
    description,
    external_references: [placeholder, ...[...cited].flatMap((n) => allRefs.get(n) ?? [])],
    x_mitre_domains: [release.domain],
    x_mitre_version: "1.0",
    x_mitre_attack_spec_version: ATTACK_SPEC_VERSION,
    x_mitre_deprecated: false,
    revoked: false,
    ...(credits.length ? { x_mitre_contributors: credits } : {}),
    ...extra,
  } as StixObject;
}
