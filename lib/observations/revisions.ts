// Comparing any two revisions of an observation and reverting to one (issue 9 item 3). Whoever may read
// the observation may compare its revisions; a revert is an edit (lib/observations/service editObservation):
// same rule on who may edit, same scrubbing, same version check, and itself a new revision.
import { z } from "zod";
import { catalogNames } from "../attack/catalog";
import type { Actor } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import { AppError, validationError } from "../errors";
import { diffSnapshots, type FieldChange } from "./revision-diff";
import { REASON_MAX } from "./schema";
import { editObservation, findObservationRow } from "./service";
import type { Reference } from "./view";

export interface RevisionComparison {
  id: string;
  from: number;
  to: number;
  changes: FieldChange[];
}

const ZVersionParam = (name: string) =>
  z
    .string({ error: `Give ${name}, a revision version number.` })
    .regex(/^\d{1,9}$/, `${name} must be a revision version number (1, 2, …).`)
    .transform(Number);

/** `?from=&to=` of the compare view and GET /observations/:id/revisions/diff (also documented in lib/http/openapi). */
export const ZCompareQuery = z.object({
  from: ZVersionParam("from").describe("The revision to compare from (1, 2, …)."),
  to: ZVersionParam("to").describe("The revision to compare to."),
});

export function parseCompareQuery(params: URLSearchParams): { from: number; to: number } {
  const parsed = ZCompareQuery.safeParse({
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
  });
  if (!parsed.success) throw validationError(parsed.error, "The comparison");
  return parsed.data;
}

/** The field-level differences from revision `from` to revision `to` (either order; the same one is empty). */
export async function compareRevisions(
  actor: Actor,
  publicId: string,
  query: { from: number; to: number },
  db: Db,
): Promise<RevisionComparison> {
  const row = await findObservationRow(actor, publicId, db);
  const [older, newer] = await Promise.all([
    snapshotAt(db, row.id, row.publicId, query.from),
    snapshotAt(db, row.id, row.publicId, query.to),
  ]);
  const named = await withActorNames(db, [older, newer]);
  return { id: row.publicId, from: query.from, to: query.to, changes: diffSnapshots(named[0], named[1]) };
}

export const ZRevertInput = z
  .object({
    /** The revision to go back to. */
    toVersion: z.number().int().positive(),
    /** The observation's version the editor saw (a stale one is a 409). */
    version: z.number().int().positive(),
    reason: z.string().trim().max(REASON_MAX).optional(),
  })
  .strict();

/**
 * Puts back what an editor can edit (procedure, references, technique, kept indicators) as revision
 * `toVersion` had it, as a new revision "Reverted to version N". Refused when nothing would change.
 */
export async function revertObservation(actor: Actor, publicId: string, raw: unknown, db: Db) {
  const parsed = ZRevertInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The revert");
  const input = parsed.data;
  const row = await findObservationRow(actor, publicId, db);
  const target = await snapshotAt(db, row.id, row.publicId, input.toVersion);
  const current = await snapshotAt(db, row.id, row.publicId, row.version).catch(() => null);
  const edit = {
    version: input.version,
    procedure: target.procedure as string,
    references: target.references as Reference[],
    technique: (target.technique as { id: string }).id,
    keep: (target.keptIndicators as string[] | undefined) ?? [],
    reason: `Reverted to version ${input.toVersion}${input.reason ? `: ${input.reason}` : ""}`,
  };
  if (current) {
    const editable = new Set(["procedure", "references", "technique", "keptIndicators"]);
    const differs = diffSnapshots(current, target).some((c) => editable.has(c.field));
    if (!differs) {
      throw new AppError(
        "VALIDATION",
        `${row.publicId} already reads as version ${input.toVersion} did: nothing to revert.`,
        [{ path: "toVersion", message: "Nothing to revert" }],
      );
    }
  }
  return editObservation(actor, row.publicId, edit, db);
}

/** The snapshot a revision recorded, or a 404 naming the version. */
async function snapshotAt(db: Tx, observationId: number, publicId: string, version: number) {
  const revision = await db.revision.findUnique({
    where: { observationId_version: { observationId, version } },
    select: { snapshot: true },
  });
  if (!revision) throw new AppError("NOT_FOUND", `${publicId} has no revision ${version}.`);
  return revision.snapshot as Record<string, unknown>;
}

/** Snapshots keep the actor's STIX id: show it as "G0016 APT29". */
async function withActorNames(db: Tx, snapshots: Record<string, unknown>[]) {
  const stixIds = snapshots.map((s) => (s.actor as { stixId?: string } | undefined)?.stixId);
  const names = await catalogNames(db, stixIds);
  return snapshots.map((s) => {
    const actor = s.actor as { kind?: string; stixId?: string } | undefined;
    const found = actor?.stixId ? names.get(actor.stixId) : undefined;
    return found ? { ...s, actor: { ...actor, stixId: `${found.attackId ?? ""} ${found.name}`.trim() } } : s;
  });
}
