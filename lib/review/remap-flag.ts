// Observation.needsRemapping, kept rather than computed per request: the queue's "needsRemapping=1" filter then
// reads one indexed column instead of listing every technique and actor the observations name and looking each up
// in the catalog. An observation needs remapping when its technique, or its ATT&CK actor, is revoked, deprecated
// or missing in its own domain's current catalog (lib/observations/catalog-status flaggedStixIds, the rule the
// detail page and the remap view apply). What changes the answer, and where the flag follows:
// - a catalog import swaps a domain's rows: remapFlagUpdate runs in the import's transaction (lib/attack/import-write);
// - an edit or revert that changes the technique, and a remap: the row's new flag is written with the change;
// - a new observation names usable objects only (lib/observations/technique): the default, false, is right.
import type { Db, Tx } from "../db/client";
import { urlOf } from "../db/client";
import { flaggedStixIds } from "../observations/catalog-status";

const notLive = (column: "techniqueStixId" | "actorStixId") =>
  `NOT EXISTS (SELECT 1 FROM "AttackObject" a WHERE a."domain" = "Observation"."domain" AND a."stixId" = "Observation"."${column}" AND a."revoked" = false AND a."deprecated" = false)`;

/** The flag as SQL, for the row being updated ((domain, stixId) is unique in AttackObject: one index probe each). */
const FLAG_SQL = `(${notLive("techniqueStixId")} OR ("Observation"."actorStixId" IS NOT NULL AND ${notLive("actorStixId")}))`;

/**
 * The statement that sets or clears the flag of every observation of one domain whose standing changed (rows
 * already right are left alone: no write, no index churn). `placeholder` is the domain's parameter marker.
 */
export function remapFlagUpdate(placeholder: string): string {
  return `UPDATE "Observation" SET "needsRemapping" = ${FLAG_SQL} WHERE "domain" = ${placeholder} AND "needsRemapping" <> ${FLAG_SQL}`;
}

/** Recomputes the flags of a domain (or every domain) through Prisma; returns how many rows changed. */
export async function refreshRemapFlags(db: Db, domain?: string): Promise<number> {
  const postgres = !urlOf(db).startsWith("file:");
  if (domain !== undefined) return db.$executeRawUnsafe(remapFlagUpdate(postgres ? "$1" : "?"), domain);
  return db.$executeRawUnsafe(remapFlagUpdate(`"Observation"."domain"`));
}

/** The flag an observation naming these objects carries now (for a write that changes its technique or actor). */
export async function needsRemappingOf(
  db: Tx,
  o: { domain: string; techniqueStixId: string; actorStixId: string | null },
): Promise<boolean> {
  const refs = [{ domain: o.domain, stixId: o.techniqueStixId }];
  if (o.actorStixId) refs.push({ domain: o.domain, stixId: o.actorStixId });
  return (await flaggedStixIds(db, refs)).size > 0;
}
