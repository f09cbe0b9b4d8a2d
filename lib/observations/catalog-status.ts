// Where an observation's technique (and actor) stands in the current catalog of its domain. After a newer
// ATT&CK version is imported, a technique may be revoked (with a `revokedBy` to follow) or deprecated: the
// observation is then flagged, and the replacement ATT&CK names is offered first (DESIGN.md §7).
import type { AttackObject } from "../../prisma/sqlite/client";
import { currentCatalog, parentNames } from "../attack/catalog";
import { qualifiedName } from "../attack/label";
import { findReplacement } from "../attack/revoked";
import { suggestedSuccessors } from "../attack/suggest-remap";
import type { Tx } from "../db/client";

export const CATALOG_STATUSES = ["CURRENT", "REVOKED", "DEPRECATED"] as const;
export type CatalogStatus = (typeof CATALOG_STATUSES)[number];

export interface CatalogReplacement {
  technique: string | null;
  stixId: string;
  name: string;
  source: "revoked-by" | "suggested";
}

export interface ObjectStatus {
  status: CatalogStatus;
  /** The object as the observation names it: its ATT&CK ID and name in the catalog. */
  id: string | null;
  name: string | null;
  replacements: CatalogReplacement[];
}

export interface ObservationCatalog extends Omit<ObjectStatus, "id" | "name"> {
  /** The current CatalogVersion of the observation's domain (e.g. "7.0"), null before any import. */
  version: string | null;
  technique: { id: string; name: string | null };
  /** The actor's status when it is an ATT&CK group/software/campaign that is revoked or deprecated; else null. */
  actor: ObjectStatus | null;
}

interface Subject {
  domain: string;
  techniqueStixId: string;
  techniqueAttackId: string;
  actorStixId: string | null;
  /** The procedure text: ranks the plausible successors of a revoked or deprecated technique (source "suggested"). */
  procedure?: string;
}

/**
 * An object missing from the catalog (a newer bundle dropped it) counts as DEPRECATED without replacement:
 * a human has to pick one, and nothing may silently keep pointing at it.
 */
async function objectStatus(db: Tx, domain: string, stixId: string, text?: string): Promise<ObjectStatus> {
  const row = await db.attackObject.findFirst({ where: { domain, stixId } });
  if (!row) return { status: "DEPRECATED", id: null, name: null, replacements: [] };
  // "Parent: Sub" for a sub-technique, as every list names it.
  const parents = row.parentAttackId ? await parentNames(db, domain, [row]) : new Map<string, string>();
  const name = qualifiedName({ name: row.name, parentName: parents.get(row.parentAttackId ?? "") });
  return { ...(await statusOfRow(db, domain, row, text)), id: row.attackId, name };
}

async function statusOfRow(db: Tx, domain: string, row: AttackObject, text?: string) {
  if (!row.revoked && !row.deprecated) return { status: "CURRENT" as const, replacements: [] };
  const replacement = row.revoked ? await findReplacement(db, domain, row) : null;
  const replacements: CatalogReplacement[] = replacement
    ? [{ technique: replacement.attackId, stixId: replacement.stixId, name: replacement.name, source: "revoked-by" }]
    : [];
  // A technique whose replacement is only a parent, or that has none: the suggester's ranking of its successors.
  if (text && row.kind === "technique") {
    replacements.push(...(await suggestedSuccessors(db, { domain, old: row, replacement, text })));
  }
  return { status: row.revoked ? ("REVOKED" as const) : ("DEPRECATED" as const), replacements };
}

/** The `catalog` field of GET /observations/:id. */
export async function observationCatalog(db: Tx, o: Subject): Promise<ObservationCatalog> {
  const [catalog, technique, actor] = await Promise.all([
    currentCatalog(db, o.domain),
    objectStatus(db, o.domain, o.techniqueStixId, o.procedure),
    o.actorStixId ? objectStatus(db, o.domain, o.actorStixId) : Promise.resolve(null),
  ]);
  return {
    status: technique.status,
    version: catalog?.version ?? null,
    technique: { id: technique.id ?? o.techniqueAttackId, name: technique.name },
    replacements: technique.replacements,
    actor: actor && actor.status !== "CURRENT" ? actor : null,
  };
}

/** Whether the observation needs a human: its technique or its actor is no longer current. */
export function isFlagged(catalog: Pick<ObservationCatalog, "status" | "actor">): boolean {
  return catalog.status !== "CURRENT" || catalog.actor !== null;
}

/**
 * The stixIds among these that are revoked or deprecated in their domain's current catalog (or missing from
 * it): one query for a whole list, used by the needs-remapping view and the export guard.
 */
export async function flaggedStixIds(db: Tx, refs: { domain: string; stixId: string }[]): Promise<Set<string>> {
  const ids = [...new Set(refs.map((r) => r.stixId))];
  if (ids.length === 0) return new Set();
  const rows = await db.attackObject.findMany({
    where: { stixId: { in: ids } },
    select: { domain: true, stixId: true, revoked: true, deprecated: true },
  });
  const live = new Set(rows.filter((r) => !r.revoked && !r.deprecated).map((r) => `${r.domain} ${r.stixId}`));
  return new Set(refs.filter((r) => !live.has(`${r.domain} ${r.stixId}`)).map((r) => r.stixId));
}
