// The queue's "has duplicate candidates" filter (issue 9 item 2) reads a stored count, Observation.duplicateCandidates:
// how many *other* observations under review or accepted (CANDIDATE_STATUSES) name the same technique and the same
// actor. Those are the candidates the duplicate check (./duplicates.ts, ./duplicates-rank.ts) lists whatever their
// wording, since ATT&CK keeps one relationship per pair; the threshold is one such observation. Text similarity is
// not part of the count: it is computed per reviewer request, and storing it would mean ranking every row's family
// on each write and for every seeded row.
//
// Recounted after a write commits (a stale count only misplaces a row in a filter, and the detail page computes
// the live list), for every row of each pair the write touched, in one statement per pair: the rows never travel to
// this process, and the statement is one commit however many rows the pair holds.
import type { ObservationStatus } from "../../prisma/sqlite/client";
import { urlOf, type Db } from "../db/client";

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

/** Recounts duplicateCandidates on every observation of these (technique, actor) pairs: one statement per pair. */
export async function refreshDuplicateCounts(db: Db, pairs: readonly Pair[]): Promise<void> {
  const statement = recountSql(urlOf(db).startsWith("file:") ? () => "?" : (n) => `$${n}`);
  const seen = new Set<string>();
  for (const pair of pairs) {
    const key = `${pair.techniqueStixId} ${pair.actorStixId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (pair.actorStixId === null) continue; // an unattributed or proposed actor matches no other
    // The pair's two values for each of the statement's three places that name it.
    const values = [pair.techniqueStixId, pair.actorStixId];
    await db.$executeRawUnsafe(statement, ...values, ...values, ...values);
  }
}

const isCandidateSql = (status: string) => `${status} IN (${CANDIDATE_STATUSES.map((s) => `'${s}'`).join(", ")})`;

/**
 * Each row of the pair gets the pair's number of candidates, less one for a row that is a candidate itself (it does
 * not count itself; a draft or a rejected row sees all of them). The count is an uncorrelated subquery, evaluated
 * once; rows already right are left alone, and a recount is no edit: updatedAt stays. `placeholder(n)` is the n-th
 * parameter's marker.
 */
function recountSql(placeholder: (n: number) => string): string {
  const pair = (table: string, n: number) =>
    `${table}."techniqueStixId" = ${placeholder(n)} AND ${table}."actorStixId" = ${placeholder(n + 1)}`;
  const count = (n: number) =>
    `((SELECT COUNT(*) FROM "Observation" AS c WHERE ${pair("c", n)} AND ${isCandidateSql(`c."status"`)})` +
    ` - CASE WHEN ${isCandidateSql(`"Observation"."status"`)} THEN 1 ELSE 0 END)`;
  return `UPDATE "Observation" SET "duplicateCandidates" = ${count(1)}
    WHERE ${pair(`"Observation"`, 3)} AND "duplicateCandidates" <> ${count(5)}`;
}

/**
 * The same for a whole table in one statement, as the seed runs it after writing: each row's count from a window
 * over its pair, joined back by primary key (UPDATE … FROM: PostgreSQL, and SQLite since 3.33). Rows of no
 * shared pair keep the default 0.
 */
export function seedDuplicateCountsSql(): string {
  return `UPDATE "Observation" SET "duplicateCandidates" = c."n"
    FROM (SELECT "id", SUM("candidate") OVER (PARTITION BY "techniqueStixId", "actorStixId") - "candidate" AS "n"
          FROM (SELECT "id", "techniqueStixId", "actorStixId",
                       CASE WHEN ${isCandidateSql(`"status"`)} THEN 1 ELSE 0 END AS "candidate"
                FROM "Observation" WHERE "actorStixId" IS NOT NULL) AS r) AS c
    WHERE "Observation"."id" = c."id" AND c."n" > 0`;
}
