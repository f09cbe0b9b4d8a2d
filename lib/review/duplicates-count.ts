// The queue's "has duplicate candidates" filter (issue 9 item 2) reads a stored count, Observation.duplicateCandidates:
// how many *other* observations under review or accepted (CANDIDATE_STATUSES) name the same technique and the same
// actor. Those are the candidates the duplicate check (./duplicates.ts, ./duplicates-rank.ts) lists whatever their
// wording, since ATT&CK keeps one relationship per pair; the threshold is one such observation. Text similarity is
// not part of the count: it is computed per reviewer request, and storing it would mean ranking every row's family
// on each write and for every seeded row.
//
// Recounted after a write commits (a stale count only misplaces a row in a filter, and the detail page computes
// the live list), for every row of each pair the write touched: typically a handful, through the
// (techniqueStixId, createdAt, id) index.
import type { ObservationStatus } from "../../prisma/sqlite/client";
import type { Db, Tx } from "../db/client";

/** What may be duplicated: work under review or accepted. Never a DRAFT (its contributor's alone) nor WITHDRAWN. */
export const CANDIDATE_STATUSES = [
  "SUBMITTED",
  "IN_REVIEW",
  "NEEDS_INFO",
  "ACCEPTED",
  "PUBLISHED",
] as const satisfies readonly ObservationStatus[];

export interface Pair {
  techniqueStixId: string;
  actorStixId: string | null;
}

const isCandidate = (status: string) => (CANDIDATE_STATUSES as readonly string[]).includes(status);

/** Recounts duplicateCandidates on every observation of these (technique, actor) pairs. */
export async function refreshDuplicateCounts(db: Db | Tx, pairs: readonly Pair[]): Promise<void> {
  const seen = new Set<string>();
  for (const pair of pairs) {
    const key = `${pair.techniqueStixId} ${pair.actorStixId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (pair.actorStixId === null) continue; // an unattributed or proposed actor matches no other
    const rows = await db.observation.findMany({
      where: { techniqueStixId: pair.techniqueStixId, actorStixId: pair.actorStixId },
      select: { id: true, status: true, duplicateCandidates: true },
    });
    const candidates = rows.filter((r) => isCandidate(r.status)).length;
    // A candidate does not count itself; any other row (a draft, a rejected one) sees all of them.
    const byCount = new Map<number, number[]>();
    for (const r of rows) {
      const count = candidates - (isCandidate(r.status) ? 1 : 0);
      if (count !== r.duplicateCandidates) byCount.set(count, [...(byCount.get(count) ?? []), r.id]);
    }
    for (const [count, ids] of byCount) {
      await db.observation.updateMany({ where: { id: { in: ids } }, data: { duplicateCandidates: count } });
    }
  }
}

/**
 * The same for a whole table in one statement, as the seed runs it after writing: each row's count from a window
 * over its pair, joined back by primary key (UPDATE … FROM: PostgreSQL, and SQLite since 3.33). Rows of no
 * shared pair keep the default 0.
 */
export function seedDuplicateCountsSql(): string {
  const statuses = CANDIDATE_STATUSES.map((s) => `'${s}'`).join(", ");
  return `UPDATE "Observation" SET "duplicateCandidates" = c."n"
    FROM (SELECT "id", SUM("candidate") OVER (PARTITION BY "techniqueStixId", "actorStixId") - "candidate" AS "n"
          FROM (SELECT "id", "techniqueStixId", "actorStixId",
                       CASE WHEN "status" IN (${statuses}) THEN 1 ELSE 0 END AS "candidate"
                FROM "Observation" WHERE "actorStixId" IS NOT NULL) AS r) AS c
    WHERE "Observation"."id" = c."id" AND c."n" > 0`;
}
