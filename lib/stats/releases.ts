// What each release holds, per tactic (issue 7 item 7). The same observations the releases list counts
// (every observation that joined the release), within the TLP levels the actor may receive.
import { assertCan, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { audienceOf, tlpLevelsFor } from "../observations/tlp";
import { barsByTactic } from "./by-tactic";
import type { Bar } from "./types";

/** Per release id, its bars (a release with no observation has an empty list). */
export async function releaseTacticBars(actor: Actor, db: Db, releaseIds: string[]): Promise<Map<string, Bar[]>> {
  assertCan(actor, "release:manage");
  if (releaseIds.length === 0) return new Map();
  const groups = await db.observation.groupBy({
    by: ["releaseId", "domain", "techniqueStixId"],
    where: { releaseId: { in: releaseIds }, tlp: { in: tlpLevelsFor(audienceOf(actor)) } },
    _count: { _all: true },
  });
  const sets = releaseIds.map((id) =>
    groups.filter((g) => g.releaseId === id).map((g) => ({ ...g, count: g._count._all })),
  );
  const bars = await barsByTactic(db, sets);
  return new Map(releaseIds.map((id, i) => [id, bars[i]]));
}
