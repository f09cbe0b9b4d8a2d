// The "needs remapping" view: observations people still work on whose technique or actor the current
// catalog revoked or deprecated, with the replacement ATT&CK names, and counts by kind of trouble.
import { assertCan, type Actor } from "../auth/permissions";
import { catalogNames } from "../attack/catalog";
import type { Db } from "../db/client";
import { flaggedStixIds, observationCatalog } from "../observations/catalog-status";
import { NOT_REMAPPABLE } from "../observations/remap";
import { audienceOf, tlpLevelsFor } from "../observations/tlp";
import { actorNameOf } from "../observations/view";

// Each flagged row costs a few catalog lookups; past this many the page says how many more there are.
export const REMAP_LIST_MAX = 200;

export async function listNeedsRemapping(actor: Actor, db: Db) {
  assertCan(actor, "observation:read-any");
  assertCan(actor, "observation:remap");
  // Never a DRAFT (its contributor's alone), only what this actor's TLP audience may see. The maintained flag
  // (lib/review/remap-flag.ts, the same rule as flaggedStixIds below) narrows it to the few flagged rows: reading every
  // open row and looking up its technique and actor took 780 ms at 100,000 observations.
  const rows = await db.observation.findMany({
    where: {
      needsRemapping: true,
      status: { notIn: ["DRAFT", ...NOT_REMAPPABLE] },
      tlp: { in: tlpLevelsFor(audienceOf(actor)) },
    },
    orderBy: { id: "asc" },
    select: {
      id: true,
      publicId: true,
      status: true,
      domain: true,
      techniqueStixId: true,
      techniqueAttackId: true,
      actorKind: true,
      actorStixId: true,
      proposedActor: true,
    },
  });
  const flagged = await flaggedStixIds(
    db,
    rows.flatMap((r) => [
      { domain: r.domain, stixId: r.techniqueStixId },
      ...(r.actorStixId ? [{ domain: r.domain, stixId: r.actorStixId }] : []),
    ]),
  );
  const hits = rows.filter((r) => flagged.has(r.techniqueStixId) || (r.actorStixId && flagged.has(r.actorStixId)));
  const shown = hits.slice(0, REMAP_LIST_MAX);
  const names = await catalogNames(
    db,
    shown.map((r) => r.actorStixId),
  );
  // The texts of the listed ones only: they rank the suggested successors of a revoked or deprecated technique.
  const texts = new Map(
    (
      await db.observation.findMany({
        where: { id: { in: shown.map((r) => r.id) } },
        select: { id: true, procedure: true },
      })
    ).map((r) => [r.id, r.procedure]),
  );
  const items = await Promise.all(
    shown.map(async (r) => ({
      id: r.publicId,
      status: r.status,
      domain: r.domain,
      actorName: actorNameOf(r, names),
      catalog: await observationCatalog(db, { ...r, procedure: texts.get(r.id) }),
    })),
  );
  return {
    items,
    total: hits.length,
    counts: {
      revoked: items.filter((i) => i.catalog.status === "REVOKED").length,
      deprecated: items.filter((i) => i.catalog.status === "DEPRECATED").length,
      actor: items.filter((i) => i.catalog.actor !== null).length,
    },
  };
}
export type NeedsRemapping = Awaited<ReturnType<typeof listNeedsRemapping>>;
