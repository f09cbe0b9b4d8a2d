// The queue's two statements, as SQL (issue 9 "Speed"):
// - the page: one statement returns the rows with their assignee's e-mail and whether the contributor answered
//   the last shared comment. Through Prisma's findMany (its query interpreter, a second query for the assignee and
//   a third for the comments) a page of 50 cost about 10 ms at 10,000 rows, five times the bare SELECT; written
//   out it costs what the SELECT costs;
// - the per-status counts: a capped count per status, joined by UNION ALL, instead of a statement per status.
//   Each branch reads at most `cap` index entries of one status (SELECT 1 … LIMIT cap), so a large queue costs
//   what reading the caps costs, in a single round trip.
// Every value is a bound parameter except the statuses, which come from the fixed lists of queue-params (a
// PostgreSQL enum does not compare with a text parameter). Prisma's raw queries decode the columns by their
// declared types on both databases (dates as Date, Json parsed), so the rows are ObservationRows as findMany gives.
import type { Db } from "../db/client";
import { instant, isPostgres, sqlParams } from "../db/raw-sql";
import type { ObservationRow } from "../observations/view";
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

function statusList(statuses: readonly string[]): string {
  for (const status of statuses) if (!KNOWN_STATUSES.has(status)) throw new Error(`Unknown status ${status}`);
  return statuses.map((s) => `'${s}'`).join(", ");
}

/** Lists longer than this are bound as one JSON array (see countWhere). */
const LONG_LIST = 20;

/**
 * `WHERE` text and its parameters, with the provider's placeholders (`?` or `$1`, `$2` …), in one of two forms that
 * match the same rows:
 * - "seek" (the counts): plain conditions, so the (column, status, tlp, …) indexes answer each status's count
 *   without reading a row;
 * - "walk" (the page): a TLP level, a tactic (hundreds of techniques) or "unassigned" matches a large share of the
 *   rows, so a page is fastest walking (createdAt, id) and testing each row. Given `tlp IN (…)` SQLite 3.53 seeks
 *   each value and sorts every match instead (the open queue's first page: all 60,000 open rows of 100,000 sorted;
 *   a tactic: 250 ms against 30 ms). `NOT (… NOT IN …)` matches the same rows and no index serves it, so only the
 *   narrow filters (technique, actor, assignee) are left to seek. PostgreSQL reads it as the IN it is. A
 *   technique's family is stated twice: PostgreSQL takes a family's ~1% of rows for evenly spread and walks
 *   (createdAt, id) to find 50, but the oldest rows are decided (20,000 read); stated twice, the estimate is
 *   squared and it seeks the family's index and sorts (30 ms against 590 ms at 100,000 rows). SQLite seeks it
 *   either way.
 */
function countWhere(
  filter: CountFilter,
  postgres: boolean,
  params: unknown[] = [],
  form: "seek" | "walk" = "seek",
  shared?: SharedLists,
) {
  const { bind } = sqlParams(postgres, params);
  const walk = form === "walk";
  const within = (column: string, values: string[], broad = false) => {
    if (!values.length) return "1 = 0";
    // A long list (a tactic's hundreds of techniques) as one JSON parameter: hundreds of placeholders per branch
    // cost more to bind and plan than the query costs to run. A list the statement binds once (see sharedLists)
    // is read from its common table.
    const table = shared?.get(values);
    const list = table
      ? `SELECT "v" FROM "${table}"`
      : values.length > LONG_LIST
        ? jsonList(values, postgres, bind)
        : values.map(bind).join(", ");
    return broad && walk ? `NOT ("${column}" NOT IN (${list}))` : `"${column}" IN (${list})`;
  };
  const and = [within("tlp", filter.tlp, true)];
  if (filter.domain !== undefined) and.push(`"domain" = ${bind(filter.domain)}`);
  if (filter.techniqueAttackIds) {
    and.push(within("techniqueAttackId", filter.techniqueAttackIds));
    if (walk) and.push(within("techniqueAttackId", filter.techniqueAttackIds));
  }
  if (filter.techniqueStixIds) and.push(within("techniqueStixId", filter.techniqueStixIds, true));
  if (filter.actorStixIds) and.push(within("actorStixId", filter.actorStixIds));
  if (filter.assigneeId !== undefined) and.push(`"assigneeId" = ${bind(filter.assigneeId)}`);
  if (filter.unassigned) and.push(walk ? `NOT ("assigneeId" IS NOT NULL)` : `"assigneeId" IS NULL`);
  if (filter.waitingSince) {
    // submittedAt is never before createdAt, so the createdAt bound holds too and lets the index help.
    and.push(`"createdAt" <= ${instant(bind, filter.waitingSince, postgres)}`);
    and.push(`("submittedAt" <= ${instant(bind, filter.waitingSince, postgres)} OR "submittedAt" IS NULL)`);
  }
  if (filter.needsRemapping) and.push(`"needsRemapping" = true`);
  if (filter.duplicates) and.push(`"duplicateCandidates" > 0`);
  return { text: and.join(" AND "), params };
}

/** A SELECT of a list's values, bound as one JSON array parameter. */
function jsonList(values: string[], postgres: boolean, bind: (value: unknown) => string): string {
  return postgres
    ? `SELECT jsonb_array_elements_text(CAST(${bind(JSON.stringify(values))} AS jsonb))`
    : `SELECT "value" FROM json_each(${bind(JSON.stringify(values))})`;
}

/** The long lists a statement binds once, each by the name of its common table. */
type SharedLists = Map<readonly string[], string>;

/**
 * `WITH` text binding each of the filter's long lists once, and their names for countWhere: a statement of several
 * branches (the counts, one per status) that bound a tactic's list in each branch had it bound and parsed eight
 * times (tactic=TA0005 at 100,000 rows: 3.6 → 2.4 ms on SQLite, 5.9 → 4.3 ms on PostgreSQL, median). Called before
 * anything else binds: the `WITH` comes first in the statement, and SQLite's `?` are numbered in order.
 */
function sharedLists(filter: CountFilter, postgres: boolean, params: unknown[]) {
  const { bind } = sqlParams(postgres, params);
  const shared: SharedLists = new Map();
  const tables: string[] = [];
  for (const values of [filter.tlp, filter.techniqueAttackIds, filter.techniqueStixIds, filter.actorStixIds]) {
    if (!values || values.length <= LONG_LIST) continue;
    const name = `list${tables.length}`;
    shared.set(values, name);
    tables.push(`"${name}"("v") AS (${jsonList(values, postgres, bind)})`);
  }
  return { shared, with: tables.length ? `WITH ${tables.join(", ")} ` : "" };
}

/**
 * The queue's scope as SQL: these statuses (written in, from the fixed lists) and the filter's conditions, in the
 * form countWhere describes. The page walks with it; the queue's charts (lib/stats/queue.ts) count with it.
 */
export function scopeSql(
  filter: CountFilter,
  statuses: readonly QueueStatus[],
  postgres: boolean,
  params: unknown[],
  form: "seek" | "walk" = "seek",
): string {
  const list = statusList(statuses);
  // Walking, written so no index serves it (see countWhere): seeking each status and sorting reads every open row.
  const status = form === "walk" ? `NOT ("status" NOT IN (${list}))` : `"status" IN (${list})`;
  return `${countWhere(filter, postgres, params, form).text} AND ${status}`;
}

/** How many rows of each status match, each counted up to `cap` (in the order of `statuses`). */
export async function countByStatus(
  db: Db,
  filter: CountFilter,
  statuses: readonly QueueStatus[],
  cap: number,
): Promise<number[]> {
  const postgres = isPostgres(db);
  const params: unknown[] = [];
  const lists = sharedLists(filter, postgres, params);
  const branches = statuses.map((status, i) => {
    const where = countWhere(filter, postgres, params, "seek", lists.shared).text;
    return `SELECT ${i} AS "i", COUNT(*) AS "n" FROM (SELECT 1 AS "x" FROM "Observation" WHERE "status" = ${statusList([status])} AND ${where} LIMIT ${Math.trunc(cap)}) AS "s${i}"`;
  });
  const rows = await db.$queryRawUnsafe<{ i: number | bigint; n: number | bigint }[]>(
    lists.with + branches.join(" UNION ALL "),
    ...params,
  );
  const found = statuses.map(() => 0);
  for (const row of rows) found[Number(row.i)] = Number(row.n);
  return found;
}

/** The columns a queue row needs (every ObservationRow field; the compiler checks none is missing). */
export const ROW_COLUMNS = [
  "id",
  "publicId",
  "status",
  "version",
  "domain",
  "techniqueStixId",
  "techniqueAttackId",
  "actorKind",
  "actorStixId",
  "proposedActor",
  "procedure",
  "references",
  "tlp",
  "credit",
  "sector",
  "country",
  "region",
  "detectionType",
  "detectionSource",
  "privilegeLevel",
  "confidence",
  "observedFrom",
  "observedTo",
  "platforms",
  "keptIndicators",
  "contributorId",
  "assigneeId",
  "releaseId",
  "duplicateOfId",
  "createdAt",
  "submittedAt",
  "decidedAt",
] as const satisfies readonly (keyof ObservationRow)[];
type Missing = Exclude<keyof ObservationRow, (typeof ROW_COLUMNS)[number]>;
const everyColumn: [Missing] extends [never] ? true : Missing = true;
void everyColumn;

/** A page row: the observation, its assignee's e-mail and whether the contributor answered (see pageRows). */
export interface QueueRow extends ObservationRow {
  assigneeEmail: string | null;
  answered: boolean;
}

export interface PageQuery {
  statuses: readonly QueueStatus[];
  dir: "asc" | "desc";
  /** The last row of the previous page (keyset over createdAt, id). */
  after?: { createdAt: Date; id: number };
  take: number;
}

/**
 * The rows after `after` in the order asked, at most `take`, each with its assignee's e-mail and `answered`: a
 * SUBMITTED row whose last shared comment is its contributor's (they answered the reviewer's question, the
 * `answer` transition). Both are correlated subqueries, evaluated for the rows returned only.
 */
export async function pageRows(db: Db, filter: CountFilter, page: PageQuery): Promise<QueueRow[]> {
  const postgres = isPostgres(db);
  const params: unknown[] = [];
  const and = [scopeSql(filter, page.statuses, postgres, params, "walk")];
  const { bind } = sqlParams(postgres, params);
  if (page.after) {
    const [bound, past] = page.dir === "asc" ? [">=", ">"] : ["<=", "<"];
    const when = () => instant(bind, page.after!.createdAt, postgres);
    // The createdAt bound alone is a plain range the index can seek to; the OR breaks ties by id.
    and.push(
      `"createdAt" ${bound} ${when()} AND ("createdAt" ${past} ${when()} OR ("createdAt" = ${when()} AND "id" ${past} ${bind(page.after.id)}))`,
    );
  }
  const dir = page.dir === "asc" ? "ASC" : "DESC";
  const sql = `SELECT ${ROW_COLUMNS.map((c) => `o."${c}"`).join(", ")},
      (SELECT u."email" FROM "User" u WHERE u."id" = o."assigneeId") AS "assigneeEmail",
      CASE WHEN o."status" = 'SUBMITTED' THEN (
        SELECT c."authorId" FROM "Comment" c WHERE c."observationId" = o."id" AND c."visibility" = 'SHARED'
        ORDER BY c."createdAt" DESC, c."id" DESC LIMIT 1) END AS "lastSharedAuthor"
    FROM "Observation" o WHERE ${and.join(" AND ")}
    ORDER BY o."createdAt" ${dir}, o."id" ${dir} LIMIT ${Math.trunc(page.take)}`;
  const rows = await db.$queryRawUnsafe<
    (ObservationRow & { assigneeEmail: string | null; lastSharedAuthor: string | null })[]
  >(sql, ...params);
  return rows.map(({ lastSharedAuthor, ...row }) => ({
    ...row,
    id: Number(row.id),
    version: Number(row.version),
    duplicateOfId: row.duplicateOfId === null ? null : Number(row.duplicateOfId),
    answered: lastSharedAuthor !== null && lastSharedAuthor === row.contributorId,
  }));
}
