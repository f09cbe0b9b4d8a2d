// The queue's "has duplicate candidates" filter (issue 9 item 2) reads a stored count, Observation.duplicateCandidates:
// how many *other* observations under review or accepted (CANDIDATE_STATUSES) name the same technique and the same
// actor, counted up to DUPLICATE_COUNT_CAP. Those are the candidates the duplicate check (./duplicates.ts,
// ./duplicates-rank.ts) lists whatever their wording, since ATT&CK keeps one relationship per pair; the threshold is
// one such observation. Text similarity is not part of the count: it is computed per reviewer request, and storing it
// would mean ranking every row's family on each write and for every seeded row.
//
// Recounted after a write commits (a stale count only misplaces a row in a filter, and the detail page computes
// the live list), for every row of each pair the write touched, in one statement per pair: the rows never travel to
// this process, and the statement is one commit however many rows the pair holds.
//
// Why the cap: each new candidate changes every other row's exact count, so an exact count rewrote the whole pair on
// every submission to it (on PostgreSQL 47 ms for a pair of 500 rows, 224 ms for 2,000: a new version of each row and
// of its index entries). Capped, a pair past the cap rewrites only the rows that changed side (the new one), and the
// filter, which asks only "more than none", gives the same rows.
import type { ObservationStatus } from "../../prisma/sqlite/client";
import type { Db } from "../db/client";
import { isPostgres, leastFunction, sqlParams } from "../db/raw-sql";

/** What may be duplicated: work under review or accepted. Never a DRAFT (its contributor's alone) nor WITHDRAWN. */
export const CANDIDATE_STATUSES = [
  "SUBMITTED",
  "IN_REVIEW",
  "NEEDS_INFO",
  "ACCEPTED",
  "PUBLISHED",
] as const satisfies readonly ObservationStatus[];

/** The stored count stops here (see above); nothing reads more than whether it is above 0. */
export const DUPLICATE_COUNT_CAP = 10;

export interface Pair {
  techniqueStixId: string;
  actorStixId: string | null;
}

/**
 * Recounts duplicateCandidates on every observation of these (technique, actor) pairs: one statement per pair.
 * Returns how many rows it changed.
 */
export async function refreshDuplicateCounts(db: Db, pairs: readonly Pair[]): Promise<number> {
  const postgres = isPostgres(db);
  let changed = 0;
  const seen = new Set<string>();
  for (const pair of pairs) {
    const key = `${pair.techniqueStixId} ${pair.actorStixId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (pair.actorStixId === null) continue; // an unattributed or proposed actor matches no other
    const { text, params } = recountSql(pair.techniqueStixId, pair.actorStixId, postgres);
    changed += await db.$executeRawUnsafe(text, ...params);
  }
  return changed;
}

const isCandidateSql = (status: string) => `${status} IN (${CANDIDATE_STATUSES.map((s) => `'${s}'`).join(", ")})`;

/**
 * Each row of the pair gets the pair's number of candidates, less one for a row that is a candidate itself (it does
 * not count itself; a draft or a rejected row sees all of them), at most DUPLICATE_COUNT_CAP. The count reads at
 * most cap + 1 candidates and is an uncorrelated subquery, evaluated once; rows already right are left alone, and a
 * recount is no edit: updatedAt stays.
 */
function recountSql(techniqueStixId: string, actorStixId: string, postgres: boolean) {
  const { params, bind } = sqlParams(postgres);
  const least = leastFunction(postgres);
  const samePair = (table: string) =>
    `${table}."techniqueStixId" = ${bind(techniqueStixId)} AND ${table}."actorStixId" = ${bind(actorStixId)}`;
  const candidates = () =>
    `(SELECT COUNT(*) FROM (SELECT 1 FROM "Observation" AS c WHERE ${samePair("c")} AND ${isCandidateSql(`c."status"`)}` +
    ` LIMIT ${DUPLICATE_COUNT_CAP + 1}) AS k)`;
  const count = () =>
    `${least}(${DUPLICATE_COUNT_CAP}, ${candidates()} - CASE WHEN ${isCandidateSql(`"Observation"."status"`)} THEN 1 ELSE 0 END)`;
  // Each place binds the pair anew, in the order the placeholders appear (SQLite's `?` are positional).
  const text = `UPDATE "Observation" SET "duplicateCandidates" = ${count()}
    WHERE ${samePair(`"Observation"`)} AND "duplicateCandidates" <> ${count()}`;
  return { text, params };
}

/**
 * The same for a whole table in one statement, as the seed runs it after writing: each row's count from a window
 * over its pair, joined back by primary key (UPDATE … FROM: PostgreSQL, and SQLite since 3.33). Rows of no
 * shared pair keep the default 0.
 */
export function seedDuplicateCountsSql(provider: "sqlite" | "postgres"): string {
  const least = leastFunction(provider === "postgres");
  return `UPDATE "Observation" SET "duplicateCandidates" = c."n"
    FROM (SELECT "id", ${least}(${DUPLICATE_COUNT_CAP},
                   SUM("candidate") OVER (PARTITION BY "techniqueStixId", "actorStixId") - "candidate") AS "n"
          FROM (SELECT "id", "techniqueStixId", "actorStixId",
                       CASE WHEN ${isCandidateSql(`"status"`)} THEN 1 ELSE 0 END AS "candidate"
                FROM "Observation" WHERE "actorStixId" IS NOT NULL) AS r) AS c
    WHERE "Observation"."id" = c."id" AND c."n" > 0`;
}
