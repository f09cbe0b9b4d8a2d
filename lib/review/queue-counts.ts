// The queue's per-status counts in ONE statement (issue 9 "Speed"): a capped count per status, joined by
// UNION ALL, instead of a statement per status. Each branch reads at most `cap` index entries of one status
// (SELECT 1 … LIMIT cap), so a large queue costs what reading the caps costs, in a single round trip.
// Written as SQL because Prisma has no capped grouped count; every value is a bound parameter except the
// statuses, which come from the fixed list below (a PostgreSQL enum does not compare with a text parameter).
import { urlOf, type Db } from "../db/client";
import { DECIDED_STATUSES, QUEUE_STATUSES, type QueueStatus } from "./queue-params";

/** The queue's filters, resolved to the values of Observation's columns (lib/review/queue-query filterWhere). */
export interface CountFilter {
  tlp: string[];
  domain?: string;
  techniqueAttackIds?: string[];
  techniqueStixIds?: string[];
  actorStixIds?: string[];
  assigneeId?: string;
  unassigned?: boolean;
  /** Waiting since at most this instant (submittedAt, createdAt when never submitted). */
  waitingSince?: Date;
  needsRemapping?: boolean;
  duplicates?: boolean;
}

const KNOWN_STATUSES = new Set<string>([...QUEUE_STATUSES, ...DECIDED_STATUSES]);

/** `WHERE` text and its parameters, with the provider's placeholders (`?` or `$1`, `$2` …). */
export function countWhere(filter: CountFilter, postgres: boolean, params: unknown[] = []) {
  const bind = (value: unknown) => {
    params.push(value);
    return postgres ? `$${params.length}` : "?";
  };
  // Stored DateTimes: SQLite holds ISO text with "+00:00" (as Prisma writes it), PostgreSQL a timestamp in UTC.
  const at = (d: Date) =>
    postgres ? `CAST(${bind(d.toISOString())} AS TIMESTAMP)` : bind(d.toISOString().replace(/Z$/, "+00:00"));
  const within = (column: string, values: string[]) =>
    values.length ? `"${column}" IN (${values.map(bind).join(", ")})` : "1 = 0";
  const and = [within("tlp", filter.tlp)];
  if (filter.domain !== undefined) and.push(`"domain" = ${bind(filter.domain)}`);
  if (filter.techniqueAttackIds) and.push(within("techniqueAttackId", filter.techniqueAttackIds));
  if (filter.techniqueStixIds) and.push(within("techniqueStixId", filter.techniqueStixIds));
  if (filter.actorStixIds) and.push(within("actorStixId", filter.actorStixIds));
  if (filter.assigneeId !== undefined) and.push(`"assigneeId" = ${bind(filter.assigneeId)}`);
  if (filter.unassigned) and.push(`"assigneeId" IS NULL`);
  if (filter.waitingSince) {
    and.push(`"createdAt" <= ${at(filter.waitingSince)}`);
    and.push(`("submittedAt" <= ${at(filter.waitingSince)} OR "submittedAt" IS NULL)`);
  }
  if (filter.needsRemapping) and.push(`"needsRemapping" = true`);
  if (filter.duplicates) and.push(`"duplicateCandidates" > 0`);
  return { text: and.join(" AND "), params };
}

/** How many rows of each status match, each counted up to `cap` (in the order of `statuses`). */
export async function countByStatus(
  db: Db,
  filter: CountFilter,
  statuses: readonly QueueStatus[],
  cap: number,
): Promise<number[]> {
  const postgres = !urlOf(db).startsWith("file:");
  const params: unknown[] = [];
  const branches = statuses.map((status, i) => {
    if (!KNOWN_STATUSES.has(status)) throw new Error(`Unknown status ${status}`);
    const where = countWhere(filter, postgres, params).text;
    return `SELECT ${i} AS "i", COUNT(*) AS "n" FROM (SELECT 1 AS "x" FROM "Observation" WHERE "status" = '${status}' AND ${where} LIMIT ${Math.trunc(cap)}) AS "s${i}"`;
  });
  const rows = await db.$queryRawUnsafe<{ i: number | bigint; n: number | bigint }[]>(
    branches.join(" UNION ALL "),
    ...params,
  );
  const found = statuses.map(() => 0);
  for (const row of rows) found[Number(row.i)] = Number(row.n);
  return found;
}
