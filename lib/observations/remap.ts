// Remapping: a reviewer (or admin) points an observation at a live technique (or ATT&CK actor) after ATT&CK
// revoked or deprecated the one it names. Unlike an edit it is allowed in every state a person still works on —
// accepted observations in an OPEN release included — because it changes nothing but the technique and actor, and
// is recorded like every change: a revision and an audit event in the same transaction, a version check.
// It e-mails nobody: the contributor sees the new technique (and the revision's reason) on their page.
import { refreshDuplicateCounts } from "../review/duplicates-count";
import { scrub } from "../anonymize";
import { assertCan, type Actor } from "../auth/permissions";
import { recordAudit } from "../audit";
import type { Db } from "../db/client";
import { AppError, validationError } from "../errors";
import { catalogNames } from "../attack/catalog";
import { observationCatalog, type CatalogStatus, type ObservationCatalog } from "./catalog-status";
import { recordRevision } from "./history";
import { ZRemapInput, type TRemapInput } from "./schema";
import { needsRemappingOf } from "../review/remap-flag";
import { findObservationRow, staleVersion } from "./service";
import { resolveUsableActor, resolveUsableTechnique } from "./technique";
import { toObservationView, type ObservationView } from "./view";

/** Closed or published work keeps the technique it was decided (or exported) with. */
export const NOT_REMAPPABLE = ["WITHDRAWN", "REJECTED", "DUPLICATE", "PUBLISHED"] as const;

/** Why the observation cannot be remapped now (state, release), or null when it can. */
export async function remapRefusal(
  db: Db,
  row: { publicId: string; status: string; releaseId: string | null },
): Promise<AppError | null> {
  if ((NOT_REMAPPABLE as readonly string[]).includes(row.status) || row.status === "DRAFT") {
    return new AppError("INVALID_STATE", `${row.publicId} is ${row.status}: its technique can no longer be remapped.`);
  }
  if (!row.releaseId) return null;
  const release = await db.release.findUnique({ where: { id: row.releaseId }, select: { name: true, status: true } });
  if (release && release.status !== "OPEN") {
    return new AppError(
      "INVALID_STATE",
      `${row.publicId} is in release "${release.name}", which is ${release.status}: only observations in an OPEN release can be remapped.`,
    );
  }
  return null;
}

/** ": revoked in ATT&CK 7.0", or "" when the object was still current (a remap of a remap). */
function whyOf(status: CatalogStatus, version: string | null): string {
  if (status === "CURRENT") return "";
  return `: ${status.toLowerCase()} in ATT&CK${version ? ` ${version}` : ""}`;
}

export async function remapObservation(
  actor: Actor,
  publicId: string,
  raw: TRemapInput | unknown,
  db: Db,
): Promise<ObservationView & { catalog: ObservationCatalog }> {
  assertCan(actor, "observation:remap");
  const parsed = ZRemapInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The remap");
  const input = parsed.data;
  const current = await findObservationRow(actor, publicId, db);
  const refusal = await remapRefusal(db, current);
  if (refusal) throw refusal;
  const technique = input.technique ? await resolveUsableTechnique(db, current.domain, input.technique) : null;
  const newActor = input.actor ? await resolveUsableActor(db, current.domain, input.actor, "actor") : null;
  if (technique?.stixId === current.techniqueStixId) {
    throw new AppError("VALIDATION", `${current.publicId} already names ${current.techniqueAttackId}: pick another.`, [
      { path: "technique", message: "Same technique" },
    ]);
  }
  if (newActor && newActor.stixId === current.actorStixId) {
    throw new AppError("VALIDATION", `${current.publicId} already names ${newActor.attackId}: pick another actor.`, [
      { path: "actor", message: "Same actor" },
    ]);
  }
  if (newActor && current.actorKind !== "EXISTING") {
    throw new AppError(
      "VALIDATION",
      `${current.publicId} names no ATT&CK actor to remap: a reviewer edits a proposed or unattributed actor instead.`,
      [{ path: "actor", message: "No ATT&CK actor" }],
    );
  }
  const before = await observationCatalog(db, current);
  const names = await catalogNames(db, [current.actorStixId]);
  const fromActor = current.actorStixId ? (names.get(current.actorStixId)?.attackId ?? current.actorStixId) : null;
  const to = technique ? (technique.attackId ?? input.technique) : null;
  // The reviewer's words are scrubbed like every other free text; the stored public indicators stay readable.
  const reason = input.reason ? scrub(input.reason, { keep: toObservationView(current).keptIndicators }).text : "";
  const moves = [
    to ? `${current.techniqueAttackId} → ${to}${whyOf(before.status, before.version)}` : null,
    newActor ? `${fromActor} → ${newActor.attackId}${whyOf(before.actor?.status ?? "CURRENT", before.version)}` : null,
  ].filter(Boolean);
  const text = `Remapped ${moves.join("; ")}${reason ? `. ${reason}` : ""}`;
  // Remapping one of the two leaves the other as it stands: the flag clears only when both are live.
  const needsRemapping = await needsRemappingOf(db, {
    domain: current.domain,
    techniqueStixId: technique?.stixId ?? current.techniqueStixId,
    actorStixId: newActor?.stixId ?? current.actorStixId,
  });
  const row = await db.$transaction(async (tx) => {
    const { count } = await tx.observation.updateMany({
      where: { id: current.id, version: input.version },
      data: {
        ...(technique && to ? { techniqueStixId: technique.stixId, techniqueAttackId: to } : {}),
        ...(newActor ? { actorStixId: newActor.stixId } : {}),
        needsRemapping,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw await staleVersion(tx as unknown as Db, current.id, input.version);
    const updated = await tx.observation.findUniqueOrThrow({ where: { id: current.id } });
    await recordRevision(tx, updated, actor.id, text);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "observation.remap",
      subjectType: "Observation",
      subjectId: updated.publicId,
      data: {
        version: updated.version,
        ...(to ? { from: current.techniqueAttackId, to, was: before.status } : {}),
        ...(newActor ? { fromActor, toActor: newActor.attackId, actorWas: before.actor?.status ?? "CURRENT" } : {}),
      },
    });
    return updated;
  });
  await refreshDuplicateCounts(db, [current, row]);
  return { ...toObservationView(row), catalog: await observationCatalog(db, row) };
}
