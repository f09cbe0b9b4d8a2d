// The actor objects of an export (DESIGN §6 "credit" and "proposed actor"):
// - creditedCopy: MITRE's group/software/campaign in the 2.1 layout with the contributor added to
//   x_mitre_contributors, a minor x_mitre_version bump and a new modified: ATT&CK's way to credit,
//   since relationships cannot carry contributors.
// - proposedObject: a new intrusion-set/malware/tool/campaign with its provisional ATT&CK ID in
//   external_references[0] (provisional-ids.ts: G9999 downwards, never one an imported catalog holds; "G0000"
//   where none was allocated, e.g. in tests). The data model insists on the G####/S####/C#### shape; the entry
//   says in words that the ID is provisional (no attack.mitre.org url: it would be a dead link). Software keeps
//   aliases in x_mitre_aliases. Proposals naming the same actor merge (proposalGroups).
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
export const ID_LETTER: Record<ProposedActorType, string> = {
  "intrusion-set": "G",
  malware: "S",
  tool: "S",
  campaign: "C",
};
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
  /** The proposal's actor key (`proposalKey`): names its provisional ATT&CK ID. */
  key: string;
  actor: Proposed;
  /** The provisional ATT&CK ID allocated to it (provisional-ids.ts), if any. */
  attackId?: string;
  observations: { o: ExportObservation; refs: ExtRef[] }[];
}

/** A name as proposals are matched: case and spacing do not make a different actor. */
export const normalizedName = (name: string) => name.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();

/** "intrusion-set:night owl": the STIX type and the normalized name. */
export const proposalKey = (type: ProposedActorType, name: string) => `${type}:${normalizedName(name)}`;

/**
 * Proposals that name the same new actor, merged: same type, and a name or alias in common after normalizing
 * (so "Night Owl", "night  owl" and a proposal "NOWL" listing "Night Owl" as an alias are one actor). Each
 * observation (by publicId) maps to its group's key and actor: the first observation's proposal, in the order given.
 */
export function proposalGroups(observations: ExportObservation[]): Map<string, { key: string; actor: Proposed }> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(rb, ra);
  };
  const proposals = observations.flatMap((o) => (o.actor.kind === "PROPOSED" ? [{ o, actor: o.actor }] : []));
  for (const { actor } of proposals) {
    const own = proposalKey(actor.type, actor.name);
    for (const alias of actor.aliases) if (alias.trim()) union(own, proposalKey(actor.type, alias));
  }
  const first = new Map<string, Proposed>();
  for (const { actor } of proposals) {
    const root = find(proposalKey(actor.type, actor.name));
    if (!first.has(root)) first.set(root, actor);
  }
  return new Map(
    proposals.map(({ o, actor }) => {
      const canonical = first.get(find(proposalKey(actor.type, actor.name)))!;
      return [o.publicId, { key: proposalKey(canonical.type, canonical.name), actor: canonical }];
    }),
  );
}

export function proposedObject(g: ProposedGroup, release: ExportRelease, options: ExportOptions, identityId: string) {
  const { type } = g.actor;
  const name = g.actor.name.trim();
  const obs = g.observations;
  // Every name the merged proposals used, once each (case and spacing aside), the actor's name first as ATT&CK does.
  const byName = new Map<string, string>();
  for (const alias of [
    name,
    ...obs.flatMap(({ o }) => [(o.actor as Proposed).name, ...(o.actor as Proposed).aliases]),
  ]) {
    const trimmed = alias.replace(/\s+/g, " ").trim();
    if (trimmed && !byName.has(normalizedName(trimmed))) byName.set(normalizedName(trimmed), trimmed);
  }
  const aliases = [...byName.values()];
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
    external_id: g.attackId ?? `${ID_LETTER[type]}0000`,
    description: `Provisional ATT&CK ID: ${name} is a proposed new ${KIND_LABEL[type]} from ${options.identityName}; MITRE assigns the real ID if it is accepted.`,
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
