// A release is never frozen or exported while it holds an observation whose technique or actor the current
// catalog revoked or deprecated: MITRE would receive a procedure example for a dead technique.
import type { Tx } from "../db/client";
import { AppError } from "../errors";
import { flaggedStixIds } from "../observations/catalog-status";

/** Where reviewers remap them (app/(review)/queue/remap). */
export const REMAP_PAGE = "/queue/remap";

export async function assertNothingToRemap(db: Tx, release: { id: string; name: string }): Promise<void> {
  const rows = await db.observation.findMany({
    where: { releaseId: release.id, status: "ACCEPTED" },
    orderBy: { id: "asc" },
    select: { publicId: true, domain: true, techniqueStixId: true, techniqueAttackId: true, actorStixId: true },
  });
  const flagged = await flaggedStixIds(
    db,
    rows.flatMap((r) => [
      { domain: r.domain, stixId: r.techniqueStixId },
      ...(r.actorStixId ? [{ domain: r.domain, stixId: r.actorStixId }] : []),
    ]),
  );
  const stale = rows.filter((r) => flagged.has(r.techniqueStixId) || (r.actorStixId && flagged.has(r.actorStixId)));
  if (stale.length === 0) return;
  const named = stale.map((r) => `${r.publicId} (${r.techniqueAttackId})`).join(", ");
  throw new AppError(
    "INVALID_STATE",
    `Release "${release.name}" holds ${stale.length} observation(s) whose technique or actor is revoked or deprecated in the current ATT&CK catalog: ${named}. Remap them on ${REMAP_PAGE}, then export again.`,
    undefined,
    { observations: stale.map((r) => r.publicId), remapPage: REMAP_PAGE },
  );
}
