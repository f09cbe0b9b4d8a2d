// One catalog object's page (issue 8 item 5): what ATT&CK says about a technique (description with its
// citations, platforms, tactics, parent and sub-techniques, the procedure examples it already has) or about a
// group, software or campaign (aliases, description, the techniques it uses with ATT&CK's example for each).
// A revoked object names what replaced it. Public ATT&CK content: any signed-in user may read it.
import { qualifiedName } from "../attack/label";
import { ACTOR_KINDS } from "../attack/parse";
import { findReplacement } from "../attack/revoked";
import type { Tx } from "../db/client";
import { AppError } from "../errors";
import { citationsFromStix, storedCitations, type Citation } from "../markdown/references";
import { attackMarkdown } from "./attack-markdown";
import { assertDomain } from "./matrix";

export interface TObjectRef {
  attackId: string | null;
  name: string;
  kind: string;
}

export interface TProcedureExample {
  /** The other side of the `uses` relationship: the actor on a technique's page, the technique on an actor's. */
  ref: TObjectRef;
  description: string;
  references: Citation[];
}

/** Descriptions are ATT&CK's markdown with its `<code>` tags made code spans (attack-markdown.ts). */
export interface TCatalogObject {
  domain: string;
  version: string | null;
  attackId: string;
  kind: string;
  stixType: string;
  name: string;
  /** "Parent: Sub" for a sub-technique. */
  title: string;
  description: string;
  citations: Citation[];
  url: string | null;
  aliases: string[];
  platforms: string[];
  tactics: TObjectRef[];
  parent: TObjectRef | null;
  /** A technique's sub-techniques; on a tactic, the (parent) techniques that serve it. */
  subtechniques: TObjectRef[];
  revoked: boolean;
  /** What replaced a revoked object (following a chain of revocations), when ATT&CK names a live one. */
  replacedBy: TObjectRef | null;
  deprecated: boolean;
  /** On a technique: actors with ATT&CK's example; on an actor: the techniques it uses. */
  examples: TProcedureExample[];
  /** The other imported domains that hold this same object (software in Enterprise and Mobile, say). */
  otherDomains: { domain: string; attackId: string | null }[];
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
const refSelect = { stixId: true, attackId: true, name: true, kind: true, parentAttackId: true } as const;

/** The object `attackId` names in `domain`'s current catalog: 404 for an unknown domain or id. */
export async function loadCatalogObject(db: Tx, domain: string, attackId: string): Promise<TCatalogObject> {
  assertDomain(domain);
  const id = attackId.trim().toUpperCase();
  // A revoked object keeps its ID; should a live one share it, the live one is the page.
  const row = await db.attackObject.findFirst({
    where: { domain, attackId: id },
    orderBy: [{ revoked: "asc" }, { deprecated: "asc" }, { modified: "desc" }],
  });
  if (!row || !row.attackId) {
    throw new AppError("NOT_FOUND", `No ATT&CK object "${attackId}" in ${domain}: check the ID on the matrix.`);
  }
  const stix = (row.stix ?? {}) as Record<string, unknown>;
  const isTechnique = row.kind === "technique";
  const [catalog, parent, subtechniques, tactics, replacedBy, examples, otherDomains] = await Promise.all([
    db.catalogVersion.findFirst({ where: { domain, current: true }, orderBy: { importedAt: "desc" } }),
    row.parentAttackId ? findRef(db, domain, row.parentAttackId) : null,
    isTechnique && !row.isSubtechnique
      ? db.attackObject.findMany({
          where: { domain, kind: "technique", parentAttackId: row.attackId, revoked: false, deprecated: false },
          select: refSelect,
          orderBy: { attackId: "asc" },
        })
      : row.kind === "tactic"
        ? techniquesOfTactic(db, domain, strings(row.tactics)[0] ?? "")
        : [],
    isTechnique ? tacticsOf(db, domain, strings(row.tactics)) : [],
    row.revoked ? findReplacement(db, domain, row) : null,
    isTechnique
      ? examplesFor(db, domain, { targetRef: row.stixId }, "sourceRef")
      : (ACTOR_KINDS as readonly string[]).includes(row.kind)
        ? examplesFor(db, domain, { sourceRef: row.stixId }, "targetRef")
        : [],
    db.attackObject.findMany({
      where: { stixId: row.stixId, domain: { not: domain } },
      select: { domain: true, attackId: true },
      orderBy: { domain: "asc" },
    }),
  ]);
  return {
    domain,
    version: catalog?.version ?? null,
    attackId: row.attackId,
    kind: row.kind,
    stixType: row.stixType,
    name: row.name,
    title: qualifiedName({ name: row.name, parentName: parent?.name }),
    description: attackMarkdown(row.description),
    citations: citationsFromStix(stix.external_references),
    url: row.url,
    aliases: strings(row.aliases).filter((a) => a !== row.name),
    platforms: strings(row.platforms),
    tactics,
    parent,
    subtechniques: subtechniques.map(toRef),
    revoked: row.revoked,
    replacedBy: replacedBy ? toRef(replacedBy) : null,
    deprecated: row.deprecated,
    examples,
    otherDomains,
  };
}

const toRef = (r: { attackId: string | null; name: string; kind: string }): TObjectRef => ({
  attackId: r.attackId,
  name: r.name,
  kind: r.kind,
});

async function findRef(db: Tx, domain: string, attackId: string): Promise<TObjectRef | null> {
  const row = await db.attackObject.findFirst({
    where: { domain, attackId },
    select: refSelect,
    orderBy: { revoked: "asc" },
  });
  return row ? toRef(row) : null;
}

async function techniquesOfTactic(db: Tx, domain: string, shortname: string) {
  const rows = await db.attackObject.findMany({
    where: { domain, kind: "technique", isSubtechnique: false, revoked: false, deprecated: false },
    select: { ...refSelect, tactics: true },
    orderBy: { name: "asc" },
  });
  return rows.filter((r) => strings(r.tactics).includes(shortname));
}

async function tacticsOf(db: Tx, domain: string, shortnames: string[]): Promise<TObjectRef[]> {
  if (shortnames.length === 0) return [];
  const rows = await db.attackObject.findMany({
    where: { domain, kind: "tactic", revoked: false, deprecated: false },
    select: { ...refSelect, tactics: true },
  });
  // Json columns cannot be filtered portably: the domain has a dozen tactics, matched here.
  return shortnames
    .map((s) => rows.find((r) => strings(r.tactics)[0] === s))
    .filter((r): r is NonNullable<typeof r> => !!r)
    .map(toRef);
}

/**
 * ATT&CK's procedure examples on this object's side of `uses` (KnownProcedure), each with the object on the other
 * side, named "Parent: Sub" for a sub-technique; by that object's name, then ID.
 */
async function examplesFor(
  db: Tx,
  domain: string,
  where: { targetRef: string } | { sourceRef: string },
  other: "sourceRef" | "targetRef",
): Promise<TProcedureExample[]> {
  const rows = await db.knownProcedure.findMany({
    where: { domain, ...where },
    select: { sourceRef: true, targetRef: true, description: true, references: true },
  });
  if (rows.length === 0) return [];
  const objects = await db.attackObject.findMany({
    where: { domain, stixId: { in: [...new Set(rows.map((r) => r[other]))] } },
    select: refSelect,
  });
  const parentIds = [...new Set(objects.map((o) => o.parentAttackId).filter((p): p is string => !!p))];
  const parents = parentIds.length
    ? await db.attackObject.findMany({
        where: { domain, kind: "technique", attackId: { in: parentIds }, revoked: false },
        select: { attackId: true, name: true },
      })
    : [];
  const parentName = new Map(parents.map((p) => [p.attackId, p.name]));
  const byStix = new Map(
    objects.map((o) => [
      o.stixId,
      { ...toRef(o), name: qualifiedName({ name: o.name, parentName: parentName.get(o.parentAttackId ?? "") }) },
    ]),
  );
  return rows
    .map((r) => ({
      ref: byStix.get(r[other]) ?? { attackId: null, name: r[other], kind: "unknown" },
      description: attackMarkdown(r.description),
      references: storedCitations(r.references),
    }))
    .sort(
      (a, b) =>
        a.ref.name.localeCompare(b.ref.name, "en") || (a.ref.attackId ?? "").localeCompare(b.ref.attackId ?? ""),
    );
}

/** The ATT&CK IDs of the techniques an actor uses per ATT&CK (for its Navigator layer), sorted. */
export async function actorTechniqueIds(db: Tx, domain: string, stixId: string): Promise<string[]> {
  const rows = await db.knownProcedure.findMany({ where: { domain, sourceRef: stixId }, select: { targetRef: true } });
  if (rows.length === 0) return [];
  const techniques = await db.attackObject.findMany({
    where: { domain, stixId: { in: [...new Set(rows.map((r) => r.targetRef))] }, revoked: false },
    select: { attackId: true },
  });
  return [...new Set(techniques.map((t) => t.attackId).filter((id): id is string => !!id))].sort();
}
