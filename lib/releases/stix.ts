// One release → one STIX 2.1 bundle of candidate additions for ATT&CK's editors (DESIGN §6).
// Pure: no database, no clock, no randomness. Same input ⇒ byte-identical serializeBundle output
// (ids are uuid v5, objects and keys are ordered, input order does not matter).
//
// What goes in, and why:
// - x-mitre-collection first (Workbench imports exactly one; the data model wants it first).
// - The platform's identity: created_by_ref of the collection and of everything we author.
// - MITRE's copyright marking-definition, as MITRE publishes it in the 2.1 layout: every object
//   references it (the data model requires object_marking_refs on relationships, campaigns,
//   identities and collections), and contributions become ATT&CK content under MITRE's terms.
// - One `uses` relationship per observation. x_mitre_modified_by_ref must be MITRE's identity (the
//   data model accepts nothing else); no x_mitre_domains / x_mitre_version (the schema is strict).
// - Proposed actors as new objects, and credited copies of existing ones (see stix-actors.ts).
//   An existing actor is copied only when a contributor chose to be credited: anonymous ⇒ no copy.
//   Unchanged source objects and techniques are left out: editors already hold them, v18
//   techniques fail the 4.x schemas (x_mitre_detection ""), and a re-dated copy would read as a
//   change. MITRE's identity is left out too (its published description "" fails the schema).
import { ATTACK_SPEC_VERSION } from "@mitre-attack/attack-data-model/dist/attack-spec-version.js";
import { v5 as uuidv5 } from "uuid";
import { citationName } from "../attack/citations";
import {
  cite,
  citedNames,
  creditedCopy,
  creditString,
  type ExtRef,
  iso,
  MITRE_IDENTITY,
  MITRE_MARKING,
  proposalGroups,
  type ProposedGroup,
  proposedObject,
} from "./stix-actors";
import type {
  ExportObservation,
  ExportOptions,
  ExportReference,
  ExportRelease,
  ProposedActorType,
  StixBundle,
  StixObject,
} from "./types";

export type * from "./types";
export { bumpMinor, creditString, MITRE_IDENTITY, MITRE_MARKING } from "./stix-actors";

/** Fixed namespace of every id this exporter mints. Changing it changes every exported id. */
export const EXPORT_NAMESPACE = "fb5dbefa-1a89-4ab7-afaf-5f4f4ee3d8b4";
// The platform identity must not change between exports, so its dates are a constant.
const PLATFORM_IDENTITY_DATE = "2026-01-01T00:00:00.000Z";
const MITRE_MARKING_OBJECT: StixObject = {
  type: "marking-definition",
  spec_version: "2.1",
  id: MITRE_MARKING,
  created: "2017-06-01T00:00:00.000Z",
  created_by_ref: MITRE_IDENTITY,
  definition_type: "statement",
  definition: {
    statement:
      "Copyright 2015-2025, The MITRE Corporation. MITRE ATT&CK and ATT&CK are registered trademarks of The MITRE Corporation.",
  },
};
const ATTACK_PATH: Record<string, string> = {
  "intrusion-set": "groups",
  malware: "software",
  tool: "software",
  campaign: "campaigns",
};
const MONTHS = "January February March April May June July August September October November December".split(" ");

const mintId = (type: string, name: string) => `${type}--${uuidv5(name, EXPORT_NAMESPACE)}`;
const longDate = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;

/** The observation's citations; with no public report it cites the platform's own public record. */
function observationRefs(o: ExportObservation, release: ExportRelease, options: ExportOptions): ExtRef[] {
  const refs = new Map<string, ExtRef>();
  // References arrive from stored JSON: tolerate a missing field rather than throw mid-export.
  for (const r of o.references as Partial<ExportReference>[]) {
    const name = citationName(String(r.sourceName ?? ""));
    if (!name || refs.has(name)) continue;
    const url = r.url?.trim();
    refs.set(name, {
      source_name: name,
      description: String(r.description ?? "").trim() || url || name,
      ...(url ? { url } : {}),
    });
  }
  if (refs.size > 0) return [...refs.values()];
  const { identityName } = options;
  const d = o.acceptedAt;
  const published = `${d.getUTCFullYear()}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
  return [
    {
      source_name: `${identityName} ${o.publicId}`,
      description: `${identityName}. (${published}). ${o.publicId}: anonymized observation of ${o.technique.attackId} ${o.technique.name}. Retrieved ${longDate(release.frozenAt)}.`,
      url: `${options.baseUrl.replace(/\/+$/, "")}/o/${encodeURIComponent(o.publicId)}`,
    },
  ];
}

function existingSubject(stix: Record<string, unknown>) {
  const refs = Array.isArray(stix.external_references) ? (stix.external_references as Record<string, unknown>[]) : [];
  const ref = refs.find((r) => r?.source_name === "mitre-attack" && typeof r.external_id === "string");
  const path = ATTACK_PATH[String(stix.type)];
  const attackId = ref?.external_id as string | undefined;
  const url =
    typeof ref?.url === "string" && ref.url.startsWith("https://attack.mitre.org/")
      ? ref.url
      : attackId && path && `https://attack.mitre.org/${path}/${attackId}`;
  return { name: String(stix.name ?? ""), type: String(stix.type), url: url || undefined };
}

/** ATT&CK's procedure-example sentence: "[APT28](…/groups/G0007) used ….(Citation: X)". */
function procedureDescription(
  o: ExportObservation,
  subject: { name: string; type: string; url?: string },
  refs: ExtRef[],
) {
  let text = o.procedure.trim();
  const trailing = text.match(/(?:\(Citation: [^)]+\))+$/)?.[0] ?? "";
  text = text.slice(0, text.length - trailing.length).trimEnd();
  // Contributors sometimes start with the actor's name; the link already says it.
  if (subject.name && text.toLowerCase().startsWith(`${subject.name.toLowerCase()} `)) {
    text = text.slice(subject.name.length + 1);
  }
  if (!/[.!?]$/.test(text)) text += ".";
  const link = subject.url ? `[${subject.name}](${subject.url})` : subject.name;
  const sentence =
    subject.type === "campaign"
      ? `During ${link}, ${/^[a-z]/.test(text) ? "threat actors " : ""}${text}`
      : `${link} ${text}`;
  const already = new Set(citedNames(sentence + trailing));
  return sentence + trailing + cite(refs.map((r) => r.source_name).filter((n) => !already.has(n)));
}

/**
 * What ATT&CK already says about one (actor, technique) pair: its `uses` relationship in the release's target
 * catalog version. An export adding to the pair updates it instead of creating a second relationship.
 */
export interface ExistingRelationship {
  id: string;
  sourceRef: string;
  targetRef: string;
  description: string;
  references: ExtRef[];
  /** STIX `created` as published. */
  created: string;
}

export interface ExportCatalog {
  /** The target catalog's relationships of the bundle's pairs (others are ignored). */
  existing?: ExistingRelationship[];
  /** Provisional ATT&CK IDs of proposed actors by actor key (provisional-ids.ts); "G0000"-style when absent. */
  provisionalIds?: ReadonlyMap<string, string>;
}

/** A sentence as ATT&CK may already hold it: citations and spacing aside, case ignored. */
const sentenceKey = (text: string) =>
  text
    .replace(/\(Citation: [^)]+\)/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

interface Pair {
  sourceRef: string;
  targetRef: string;
  items: { o: ExportObservation; refs: ExtRef[]; sentence: string }[];
}

/**
 * One `uses` relationship per (actor, technique) pair, as ATT&CK keeps them. A pair the target catalog holds is an
 * update of that relationship: same id and `created`, the new sentences appended (none ATT&CK already has), its
 * references merged, `modified` = the release date. A new pair's observations merge into one new relationship
 * whose id follows from the pair, so a later release adding to it names the same relationship.
 */
function pairRelationship(
  pair: Pair,
  existing: ExistingRelationship | undefined,
  release: ExportRelease,
  identityId: string,
): StixObject | null {
  const refs = new Map<string, ExtRef>();
  // Keyed by the trimmed name, as markers cite it (ATT&CK's data has a few "Name " entries).
  for (const r of existing?.references ?? []) if (!refs.has(r.source_name.trim())) refs.set(r.source_name.trim(), r);
  const already = existing ? sentenceKey(existing.description) : "";
  const seen = new Set<string>();
  const sentences: string[] = [];
  for (const { refs: own, sentence } of pair.items) {
    const key = sentenceKey(sentence);
    // Nothing ATT&CK already says is repeated, nor what another observation of this release said.
    if (seen.has(key) || (existing && already.includes(key))) continue;
    seen.add(key);
    sentences.push(sentence);
    for (const r of own) if (!refs.has(r.source_name.trim())) refs.set(r.source_name.trim(), r);
  }
  if (existing && sentences.length === 0) return null;
  const accepted = pair.items.map(({ o }) => iso(o.acceptedAt)).sort();
  const common = {
    type: "relationship",
    spec_version: "2.1",
    x_mitre_modified_by_ref: MITRE_IDENTITY,
    object_marking_refs: [MITRE_MARKING],
    relationship_type: "uses",
    source_ref: pair.sourceRef,
    target_ref: pair.targetRef,
    revoked: false,
    x_mitre_deprecated: false,
    x_mitre_attack_spec_version: ATTACK_SPEC_VERSION,
  };
  if (existing) {
    // The citations the appended sentences need, after ATT&CK's own (kept as published, in its order).
    const description = `${existing.description.trim()} ${sentences.join(" ")}`;
    const cited = new Set(citedNames(description));
    return {
      ...common,
      id: existing.id,
      created: existing.created,
      modified: iso(release.frozenAt),
      created_by_ref: MITRE_IDENTITY,
      description,
      external_references: [...refs.values()].filter((r) => cited.has(r.source_name.trim())),
    } as StixObject;
  }
  return {
    ...common,
    id: mintId("relationship", `relationship:${pair.sourceRef}|${pair.targetRef}`),
    created: accepted[0],
    modified: accepted[accepted.length - 1],
    created_by_ref: identityId,
    description: sentences.join(" "),
    external_references: [...refs.values()],
  } as StixObject;
}

const byPublicId = (observations: ExportObservation[]) =>
  [...observations].sort((a, b) => (a.publicId < b.publicId ? -1 : a.publicId > b.publicId ? 1 : 0));

/** The proposed actors of these observations after merging (proposalGroups), as buildBundle will name them. */
export function proposedActors(observations: ExportObservation[]): { key: string; type: ProposedActorType }[] {
  const groups = new Map([...proposalGroups(byPublicId(observations)).values()].map((g) => [g.key, g.actor.type]));
  return [...groups].map(([key, type]) => ({ key, type }));
}

export function buildBundle(
  release: ExportRelease,
  observations: ExportObservation[],
  options: ExportOptions,
  catalog: ExportCatalog = {},
): StixBundle {
  const sorted = byPublicId(observations);
  sorted.forEach((o, i) => {
    if (i > 0 && sorted[i - 1].publicId === o.publicId) throw new Error(`Observation ${o.publicId} is listed twice.`);
  });
  const identityId = mintId("identity", `identity:${options.identityName}`);
  const proposed = new Map<string, ProposedGroup>();
  const proposalOf = proposalGroups(sorted);
  const credited = new Map<string, { stix: Record<string, unknown>; credits: Set<string> }>();
  const pairs = new Map<string, Pair>();

  for (const o of sorted) {
    const refs = observationRefs(o, release, options);
    let sourceRef: string;
    let subject: { name: string; type: string; url?: string };
    if (o.actor.kind === "EXISTING") {
      const stix = o.actor.stix;
      sourceRef = String(stix.id);
      subject = existingSubject(stix);
      const credit = creditString(o.credit);
      if (credit) {
        const entry = credited.get(sourceRef);
        // Several catalog versions of one actor: credit the newest.
        if (!entry) credited.set(sourceRef, { stix, credits: new Set([credit]) });
        else {
          entry.credits.add(credit);
          if (String(stix.modified) > String(entry.stix.modified)) entry.stix = stix;
        }
      }
    } else {
      const { key, actor } = proposalOf.get(o.publicId)!;
      const group = proposed.get(key) ?? {
        id: mintId(actor.type, key),
        key,
        actor,
        attackId: catalog.provisionalIds?.get(key),
        observations: [],
      };
      group.observations.push({ o, refs });
      proposed.set(key, group);
      sourceRef = group.id;
      subject = { name: group.actor.name.trim(), type: actor.type };
    }
    const pairKey = `${sourceRef}|${o.technique.stixId}`;
    const pair = pairs.get(pairKey) ?? { sourceRef, targetRef: o.technique.stixId, items: [] };
    pair.items.push({ o, refs, sentence: procedureDescription(o, subject, refs) });
    pairs.set(pairKey, pair);
  }
  const existingByPair = new Map((catalog.existing ?? []).map((r) => [`${r.sourceRef}|${r.targetRef}`, r]));
  const relationships = [...pairs.entries()].flatMap(
    ([key, pair]) => pairRelationship(pair, existingByPair.get(key), release, identityId) ?? [],
  );

  const identity: StixObject = {
    type: "identity",
    spec_version: "2.1",
    id: identityId,
    created: PLATFORM_IDENTITY_DATE,
    modified: PLATFORM_IDENTITY_DATE,
    name: options.identityName,
    identity_class: "organization",
    description: `${options.identityName} collects anonymized procedure observations for MITRE ATT&CK.`,
    object_marking_refs: [MITRE_MARKING],
    x_mitre_attack_spec_version: ATTACK_SPEC_VERSION,
  };
  const others: StixObject[] = [
    identity,
    MITRE_MARKING_OBJECT,
    ...[...proposed.values()].map((g) => proposedObject(g, release, options, identityId)),
    ...[...credited.values()].map((c) => creditedCopy(c.stix, [...c.credits], release)),
    ...relationships,
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const collection: StixObject = {
    type: "x-mitre-collection",
    spec_version: "2.1",
    id: mintId("x-mitre-collection", `collection:${release.id}`),
    created: iso(release.frozenAt),
    modified: iso(release.frozenAt),
    name: release.name,
    description:
      `Candidate additions to ATT&CK ${release.domain} v${release.attackVersion} from ${options.identityName}: ` +
      `${relationships.length} relationship(s) from ${sorted.length} procedure observation(s), ${proposed.size} proposed new object(s), ` +
      `${credited.size} existing object(s) updated to credit contributors. Not published by MITRE.`,
    created_by_ref: identityId,
    object_marking_refs: [MITRE_MARKING],
    x_mitre_attack_spec_version: ATTACK_SPEC_VERSION,
    // Each release is its own collection (its id comes from the release id), so it starts at 1.0.
    x_mitre_version: "1.0",
    x_mitre_contents: others.map((o) => ({ object_ref: o.id, object_modified: o.modified ?? o.created })),
  };
  return { type: "bundle", id: mintId("bundle", `bundle:${release.id}`), objects: [collection, ...others] };
}

// Readable heads, then alphabetical: key order never depends on how the caller built an object
// (PostgreSQL jsonb, for one, reorders the keys of stored STIX).
const KEY_HEAD = ["type", "spec_version", "id", "created", "modified"];
function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value === null || typeof value !== "object") return value;
  const rank = (k: string) => (KEY_HEAD.includes(k) ? KEY_HEAD.indexOf(k) : KEY_HEAD.length);
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, ordered((value as Record<string, unknown>)[k])]));
}

/** Deterministic bytes: canonical key order, two-space indent, trailing newline. */
export function serializeBundle(bundle: StixBundle): string {
  return `${JSON.stringify(ordered(bundle), null, 2)}\n`;
}
