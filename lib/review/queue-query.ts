// The review queue with filters, keyset pages and counts (issue 9 item 2). Scoped exactly as queueWhere
// scopes the open queue (no DRAFT, the actor's TLP levels); the "decided" view swaps the statuses only.
//
// Paging is keyset over (createdAt, id) in the chosen direction: a cursor names the last row shown, so rows
// added meanwhile never shift a page (new rows are newer than every cursor: they come last oldest-first and
// never reappear newest-first). Every filter narrows by an indexed column (prisma/models.prisma):
// ATT&CK ids are resolved to the values the Observation columns hold before the list query runs.
import { assertCan, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { queueItemOf, queueWhere } from "./queue";
import { countByStatus, pageRows, type CountFilter } from "./queue-sql";
import { queueCatalog, type QueueCatalog } from "./queue-catalog";
import {
  DECIDED_STATUSES,
  QUEUE_COUNT_CAP,
  QUEUE_STATUSES,
  QUEUE_VIEWS,
  encodeCursor,
  type QueueFilters,
  type QueueStatus,
} from "./queue-params";

const DAY_MS = 24 * 60 * 60 * 1000;

const invalid = (path: string, message: string) =>
  new AppError("VALIDATION", `Query parameter ${path} ${message}`, [{ path, message }]);

/** The techniques (stixIds) under a tactic, by its ATT&CK id or shortname, in the catalog's current rows. */
function techniquesOfTactic(catalog: QueueCatalog, tactic: string, domain?: string): string[] {
  let shortnames = [tactic];
  if (/^TA\d{4}$/.test(tactic)) {
    shortnames = catalog.tacticShortnames(tactic, domain);
    if (shortnames.length === 0) throw invalid("tactic", `${tactic} is no tactic of the imported ATT&CK catalog.`);
  }
  const hits = catalog.techniquesOfTactic(shortnames, domain);
  if (hits.length === 0 && shortnames[0] === tactic) {
    throw invalid("tactic", `"${tactic}" is no tactic of the imported ATT&CK catalog: use an id such as TA0005.`);
  }
  return hits;
}

/** A technique and, for a parent, its sub-techniques: T1059 finds T1059 and T1059.001 …, T1059.001 only itself. */
function techniqueFamily(catalog: QueueCatalog, technique: string): string[] {
  if (technique.includes(".")) return [technique];
  return [...new Set([technique, ...catalog.subTechniques(technique)])];
}

function actorStixIds(catalog: QueueCatalog, actor: string, domain?: string): string[] {
  const ids = catalog.actorStixIds(actor, domain);
  if (ids.length === 0) throw invalid("actor", `${actor} is no group, software or campaign of the imported catalog.`);
  return ids;
}

async function assigneeId(db: Db, actor: Actor, assignee: string): Promise<string> {
  if (assignee === "me") return actor.id;
  const user = await db.user.findUnique({ where: { email: assignee.toLowerCase() }, select: { id: true } });
  if (!user) throw invalid("assignee", `names nobody: no user has the e-mail ${assignee}.`);
  return user.id;
}

/** Everything but the status and the cursor, resolved to column values: TLP as queueWhere has it, and each filter. */
export async function filterWhere(actor: Actor, filters: QueueFilters, db: Db, now = new Date()): Promise<CountFilter> {
  // Always, even when the actor may see every level: a level no rule knows fails closed.
  const where: CountFilter = { tlp: queueWhere(actor).tlp.in };
  if (filters.domain) where.domain = filters.domain;
  // Resolved in memory (lib/review/queue-catalog): no catalog query per request.
  const catalog = filters.technique || filters.tactic || filters.actor ? await queueCatalog(db) : null;
  if (filters.technique) where.techniqueAttackIds = techniqueFamily(catalog!, filters.technique);
  if (filters.tactic) where.techniqueStixIds = techniquesOfTactic(catalog!, filters.tactic, filters.domain);
  if (filters.actor) where.actorStixIds = actorStixIds(catalog!, filters.actor, filters.domain);
  if (filters.assignee) where.assigneeId = await assigneeId(db, actor, filters.assignee);
  if (filters.unassigned) where.unassigned = true;
  // Waiting since submission (creation when never submitted), as the page's column and chart count it.
  if (filters.olderThan !== undefined) where.waitingSince = new Date(now.getTime() - filters.olderThan * DAY_MS);
  // The maintained flag (lib/review/remap-flag.ts): one indexed column, usually a handful of rows.
  if (filters.needsRemapping) where.needsRemapping = true;
  if (filters.duplicates) where.duplicates = true;
  return where;
}

function statusesOf(filters: QueueFilters): QueueStatus[] {
  return filters.status.length ? filters.status : [...QUEUE_VIEWS[filters.view]];
}

/** One page: the rows after the cursor in the chosen order, and the cursor of the next page (null on the last). */
export async function listQueuePage(actor: Actor, filters: QueueFilters, db: Db, where?: CountFilter) {
  assertCan(actor, "observation:read-any");
  const resolved = where ?? (await filterWhere(actor, filters, db));
  const cursor = filters.cursor;
  const [rows, { names }] = await Promise.all([
    // One more than asked: whether a next page exists without a second query.
    pageRows(db, resolved, {
      statuses: statusesOf(filters),
      dir: filters.sort === "oldest" ? "asc" : "desc",
      after: cursor && { createdAt: new Date(cursor.createdAt), id: cursor.id },
      take: filters.limit + 1,
    }),
    queueCatalog(db),
  ]);
  const page = rows.slice(0, filters.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > filters.limit && last
      ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id, sort: filters.sort })
      : null;
  return { items: page.map((row) => queueItemOf(row, names)), nextCursor };
}

export type QueueCounts = Record<QueueStatus, number>;

/**
 * How many rows match the filters: `counts` per status without the status filter (the tabs), both views'
 * statuses, and `total` the sum over the statuses listed. Each status is counted up to QUEUE_COUNT_CAP (a capped
 * COUNT over `LIMIT cap + 1`, so a large queue costs what reading the cap's rows costs): a status with more
 * reports the cap and is listed in `capped`; `total` is then a lower bound.
 */
export async function queueTotals(
  actor: Actor,
  filters: QueueFilters,
  db: Db,
  where?: CountFilter,
  cap = QUEUE_COUNT_CAP,
) {
  assertCan(actor, "observation:read-any");
  const resolved = where ?? (await filterWhere(actor, filters, db));
  const statuses = [...QUEUE_STATUSES, ...DECIDED_STATUSES];
  const counts = Object.fromEntries(statuses.map((s) => [s, 0])) as QueueCounts;
  const capped: QueueStatus[] = [];
  // One statement for every status (lib/review/queue-sql.ts), each capped at cap + 1 rows.
  const found = await countByStatus(db, resolved, statuses, cap + 1);
  statuses.forEach((status, i) => {
    if (found[i] > cap) capped.push(status);
    counts[status] = Math.min(found[i], cap);
  });
  const total = statusesOf(filters).reduce((sum, s) => sum + counts[s], 0);
  return { total, counts, capped };
}

/** GET /api/v1/queue and the /queue page: `{ items, nextCursor, total, counts }`. */
export async function queryQueue(actor: Actor, filters: QueueFilters, db: Db) {
  assertCan(actor, "observation:read-any");
  const where = await filterWhere(actor, filters, db);
  const [page, totals] = await Promise.all([
    listQueuePage(actor, filters, db, where),
    queueTotals(actor, filters, db, where),
  ]);
  return { ...page, ...totals };
}
export type QueueResult = Awaited<ReturnType<typeof queryQueue>>;
