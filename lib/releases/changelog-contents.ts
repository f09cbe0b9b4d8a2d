// What an exported release holds, read from its stored bundle and its observations: the common ground of
// changelog.json/.md and layer.json. Pure and deterministic (no database, no clock; every list sorted).
//
// What must stay true: only what the bundle holds is named. An observation appears only if it went public
// (attributed, TLP:CLEAR, PUBLISHED) and its (actor, technique) pair has a relationship in the bundle; a credit
// is named only if the bundle carries it on the observation's actor. Everything else is, at most, a count.
import { catalogLabel, qualifiedName } from "../attack/label";
import { ACTOR_TYPES } from "../observations/schema";
import { tlpAllows } from "../observations/tlp";
import { MITRE_IDENTITY, normalizedName } from "./stix-actors";
import type { ProposedActorType, StixBundle, StixObject } from "./types";

const isActorType = (type: string) => (ACTOR_TYPES as readonly string[]).includes(type);

export interface TChangelogRelease {
  id: string;
  name: string;
  domain: string;
  attackVersion: string;
  exportedAt: string; // ISO
  sha256: string;
}

export interface TCatalogRef {
  stixId: string;
  type?: string;
  attackId: string | null;
  name: string;
  parentName?: string | null;
  url?: string | null;
}

/** One observation of the release, as the service reads it (every status and TLP: the builder filters). */
export interface TChangelogObservation {
  publicId: string;
  contributorId: string; // only counted, never output
  status: string;
  tlp: string;
  actorKind: "EXISTING" | "PROPOSED" | "UNATTRIBUTED";
  technique: TCatalogRef;
  /** The catalog's actor for EXISTING; null otherwise (or when the catalog lost it). */
  actor: TCatalogRef | null;
  actorStixId: string | null;
  proposed: { type: ProposedActorType; name: string } | null;
  /** creditString() of the contributor's choice and profile; null for anonymous. */
  credit: string | null;
}

export interface TActorRef {
  stixId: string;
  type: string;
  attackId: string | null;
  name: string;
  label: string; // "G0007 APT28", "G9999 Night Owl"
  provisional: boolean;
  url: string | null;
}

export interface TTechniqueRef {
  stixId: string;
  attackId: string;
  name: string; // "Command and Scripting Interpreter: PowerShell"
  label: string; // "T1059.001 Command and Scripting Interpreter: PowerShell"
  url: string | null;
}

export interface TExample {
  publicId: string;
  technique: TTechniqueRef;
  actor: TActorRef;
  relationship: string;
  change: "new" | "update";
}

export interface TReleaseContents {
  release: TChangelogRelease;
  examples: TExample[]; // sorted by technique id, actor label, publicId
  /** Published observations whose sentence ATT&CK (or another observation) already had: no relationship of theirs. */
  alreadyInAttack: number;
  newRelationships: string[];
  updatedRelationships: { stixId: string; actor: TActorRef; technique: TTechniqueRef }[];
  newObjects: (TActorRef & { aliases: string[] })[];
  creditedObjects: (TActorRef & { version: string })[];
  contributors: { named: string[]; anonymous: number };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const str = (v: unknown) => (typeof v === "string" ? v : "");

/** The bundle object's ATT&CK reference (source "mitre-attack"): its ID and attack.mitre.org page, if any. */
function attackRefOf(o: StixObject): { attackId: string | null; url: string | null } {
  const refs = Array.isArray(o.external_references) ? (o.external_references as Record<string, unknown>[]) : [];
  const ref = refs.find((r) => r?.source_name === "mitre-attack" && typeof r.external_id === "string");
  const url = str(ref?.url);
  return { attackId: (ref?.external_id as string | undefined) ?? null, url: url.startsWith("https://") ? url : null };
}

function aliasesOf(o: StixObject): string[] {
  const list = Array.isArray(o.aliases) ? o.aliases : Array.isArray(o.x_mitre_aliases) ? o.x_mitre_aliases : [];
  return (list as unknown[]).filter((a): a is string => typeof a === "string");
}

/** An actor as the changelog names it: the catalog's name and ID when it has them, else the bundle object's. */
function actorRef(
  stixId: string,
  object: StixObject | undefined,
  catalog: TCatalogRef | null,
  provisional: boolean,
): TActorRef {
  const fromBundle = object ? attackRefOf(object) : { attackId: null, url: null };
  const attackId = catalog?.attackId ?? fromBundle.attackId;
  const name = catalog?.name ?? (str(object?.name) || stixId);
  return {
    stixId,
    type: catalog?.type ?? object?.type ?? "",
    attackId,
    name,
    label: catalogLabel({ attackId, name }),
    provisional,
    url: catalog?.url ?? fromBundle.url,
  };
}

function techniqueRef(t: TCatalogRef): TTechniqueRef {
  const attackId = t.attackId ?? t.stixId;
  return {
    stixId: t.stixId,
    attackId,
    name: qualifiedName(t),
    label: catalogLabel({ ...t, attackId }),
    url: t.url ?? null,
  };
}

export function releaseContents(
  release: TChangelogRelease,
  bundle: StixBundle,
  observations: readonly TChangelogObservation[],
): TReleaseContents {
  const byId = new Map(bundle.objects.map((o) => [o.id, o]));
  const identity = bundle.objects.find((o) => o.type === "identity" && o.id !== MITRE_IDENTITY)?.id;
  const ours = (o: StixObject) => identity !== undefined && o.created_by_ref === identity;
  const actors = bundle.objects.filter((o) => isActorType(o.type));
  const relationships = bundle.objects.filter((o) => o.type === "relationship");
  const relationshipOf = new Map(relationships.map((r) => [`${str(r.source_ref)}|${str(r.target_ref)}`, r]));

  // A proposal is found by its name among the aliases of a new object of its type (the export lists every name
  // the merged proposals used).
  const proposals = new Map<string, StixObject>();
  for (const o of actors.filter(ours)) {
    for (const alias of aliasesOf(o)) proposals.set(`${o.type}:${normalizedName(alias)}`, o);
  }
  const proposedObject = (p: { type: string; name: string }) => proposals.get(`${p.type}:${normalizedName(p.name)}`);

  const published = observations.filter(
    (o) => o.status === "PUBLISHED" && o.actorKind !== "UNATTRIBUTED" && tlpAllows(o.tlp, "public"),
  );
  const examples: TExample[] = [];
  const actorRefs = new Map<string, TActorRef>();
  const techniqueRefs = new Map<string, TTechniqueRef>();
  const named = new Set<string>();
  const namedContributors = new Set<string>();
  const contributors = new Set<string>();
  let alreadyInAttack = 0;
  for (const o of published) {
    const object =
      o.actorKind === "EXISTING" ? (o.actorStixId ? byId.get(o.actorStixId) : undefined) : proposedObject(o.proposed!);
    const sourceRef = o.actorKind === "EXISTING" ? o.actorStixId : object?.id;
    if (!sourceRef) continue; // not in the bundle: nothing of it is named
    contributors.add(o.contributorId);
    const carried = object && Array.isArray(object.x_mitre_contributors) ? object.x_mitre_contributors : [];
    if (o.credit && (carried as unknown[]).includes(o.credit)) {
      named.add(o.credit);
      namedContributors.add(o.contributorId);
    }
    const relationship = relationshipOf.get(`${sourceRef}|${o.technique.stixId}`);
    if (!relationship) {
      alreadyInAttack++;
      continue;
    }
    const proposal = o.actorKind === "PROPOSED";
    const actor = actorRefs.get(sourceRef) ?? actorRef(sourceRef, object, proposal ? null : o.actor, proposal);
    actorRefs.set(sourceRef, actor);
    const technique = techniqueRefs.get(o.technique.stixId) ?? techniqueRef(o.technique);
    techniqueRefs.set(o.technique.stixId, technique);
    const change = relationship.created_by_ref === MITRE_IDENTITY ? "update" : "new";
    examples.push({ publicId: o.publicId, technique, actor, relationship: relationship.id, change });
  }
  examples.sort(
    (a, b) =>
      compare(a.technique.attackId, b.technique.attackId) ||
      compare(a.actor.label, b.actor.label) ||
      compare(a.publicId, b.publicId),
  );

  const sortedIds = (list: StixObject[]) => list.map((o) => o.id).sort(compare);
  const updated = relationships.filter((r) => r.created_by_ref === MITRE_IDENTITY);
  return {
    release,
    examples,
    alreadyInAttack,
    newRelationships: sortedIds(relationships.filter(ours)),
    updatedRelationships: updated
      .flatMap((r) => {
        const actor = actorRefs.get(str(r.source_ref));
        const technique = techniqueRefs.get(str(r.target_ref));
        return actor && technique ? [{ stixId: r.id, actor, technique }] : [];
      })
      .sort((a, b) => compare(a.technique.attackId, b.technique.attackId) || compare(a.actor.label, b.actor.label)),
    newObjects: actors
      .filter(ours)
      .map((o) => ({ ...actorRef(o.id, o, null, true), aliases: aliasesOf(o) }))
      .sort((a, b) => compare(a.label, b.label)),
    creditedObjects: actors
      .filter((o) => !ours(o))
      .map((o) => ({
        ...(actorRefs.get(o.id) ?? actorRef(o.id, o, null, false)),
        version: str(o.x_mitre_version),
      }))
      .sort((a, b) => compare(a.label, b.label)),
    contributors: {
      named: [...named].sort(compare),
      anonymous: [...contributors].filter((c) => !namedContributors.has(c)).length,
    },
  };
}
