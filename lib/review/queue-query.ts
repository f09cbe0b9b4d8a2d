// The review queue with filters, keyset pages and counts (issue 9 item 2). Scoped exactly as queueWhere
// scopes the open queue (no DRAFT, the actor's TLP levels); the "decided" view swaps the statuses only.
//
// Paging is keyset over (createdAt, id) in the chosen direction: a cursor names the last row shown, so rows
// added meanwhile never shift a page (new rows are newer than every cursor: they come last oldest-first and
// never reappear newest-first). Every filter narrows by an indexed column (prisma/models.prisma):
// ATT&CK ids are resolved to the values the Observation columns hold before the list query runs.
import type { Prisma } from "../../prisma/sqlite/client";
import { assertCan, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { toQueueItems, queueWhere } from "./queue";
import { countByStatus, type CountFilter } from "./queue-counts";
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

type Where = Prisma.ObservationWhereInput;

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

/**
 * The filters as two equivalent conditions: `rows` for the page, `counts` for its total and per-status counts (so
 * the numbers describe the list). They differ in how the broad conditions are written. A TLP level, a status or a
 * tactic (hundreds of techniques) each match a large share of the rows, so a page is fastest walking
 * (createdAt, id) and testing each row; given `tlp IN (…)` or `techniqueStixId IN (…)` SQLite 3.53 seeks each
 * value and sorts every match instead (the open queue's first page: all 60,000 open rows of 100,000 sorted; a
 * tactic: 250 ms against 30 ms). `NOT (… NOT IN …)` matches the same rows and no index serves it, so only the
 * narrow filters (technique, actor, assignee) are left to seek; "unassigned" is `NOT (assigneeId IS NOT NULL)`. PostgreSQL reads it as the IN it is. The counts
 * keep the plain form: per status, the (column, status, tlp, …) indexes answer them without reading a row.
 * They are SQL (lib/review/queue-counts.ts), so that every status is counted in one statement.
 */
export interface QueueWhere {
  rows: Where;
  counts: CountFilter;
}

/** Everything but the status and the cursor: TLP as queueWhere has it, never a DRAFT, and each filter. */
export async function filterWhere(actor: Actor, filters: QueueFilters, db: Db, now = new Date()): Promise<QueueWhere> {
  // Always, even when the actor may see every level: a level no rule knows fails closed.
  const tlp = queueWhere(actor).tlp;
  const and: Where[] = [];
  const counts: CountFilter = { tlp: tlp.in };
  if (filters.domain) and.push({ domain: (counts.domain = filters.domain) });
  // Resolved in memory (lib/review/queue-catalog): no catalog query per request.
  const catalog = filters.technique || filters.tactic || filters.actor ? await queueCatalog(db) : null;
  const family = filters.technique ? techniqueFamily(catalog!, filters.technique) : null;
  if (family) and.push({ techniqueAttackId: { in: (counts.techniqueAttackIds = family) } });
  const tactic = filters.tactic ? techniquesOfTactic(catalog!, filters.tactic, filters.domain) : null;
  if (filters.actor) {
    and.push({ actorStixId: { in: (counts.actorStixIds = actorStixIds(catalog!, filters.actor, filters.domain)) } });
  }
  if (filters.assignee) and.push({ assigneeId: (counts.assigneeId = await assigneeId(db, actor, filters.assignee)) });
  const unassigned = filters.unassigned;
  if (filters.olderThan !== undefined) {
    // Waiting since submission (creation when never submitted), as the page's column and chart count it.
    // submittedAt is never before createdAt, so the createdAt bound holds too and lets the index help.
    const cutoff = new Date(now.getTime() - filters.olderThan * DAY_MS);
    counts.waitingSince = cutoff;
    and.push({
      createdAt: { lte: cutoff },
      OR: [{ submittedAt: { lte: cutoff } }, { submittedAt: null }],
    });
  }
  // The maintained flag (lib/review/remap-flag.ts): one indexed column, usually a handful of rows.
  if (filters.needsRemapping) and.push({ needsRemapping: (counts.needsRemapping = true) });
  if (filters.duplicates) {
    and.push({ duplicateCandidates: { gt: 0 } });
    counts.duplicates = true;
  }
  const rows: Where[] = [...and, { NOT: { tlp: { notIn: tlp.in } } }];
  if (unassigned) {
    rows.push({ NOT: { assigneeId: { not: null } } });
    counts.unassigned = true;
  }
  // PostgreSQL takes a family's ~1% of rows for evenly spread and walks (createdAt, id) to find 50, but the oldest
  // rows are decided: 20,000 read. Stated twice, the condition's estimate is squared and it seeks the family's
  // index and sorts (30 ms against 590 ms at 100,000 rows on a busy machine). SQLite seeks it either way.
  if (family) rows.push({ techniqueAttackId: { in: family } });
  if (tactic) {
    rows.push({ NOT: { techniqueStixId: { notIn: tactic } } });
    counts.techniqueStixIds = tactic;
  }
  return { rows: { AND: rows }, counts };
}

function statusesOf(filters: QueueFilters): QueueStatus[] {
  return filters.status.length ? filters.status : [...QUEUE_VIEWS[filters.view]];
}

/** One page: the rows after the cursor in the chosen order, and the cursor of the next page (null on the last). */
export async function listQueuePage(actor: Actor, filters: QueueFilters, db: Db, where?: QueueWhere) {
  assertCan(actor, "observation:read-any");
  const base = (where ?? (await filterWhere(actor, filters, db))).rows;
  const dir = filters.sort === "oldest" ? "asc" : "desc";
  // Written so no index serves it (see QueueWhere): statuses are broad, and seeking each and sorting what it
  // finds reads every open row; walking (createdAt, id) finds a page in a few hundred.
  const and: Where[] = [base, { NOT: { status: { notIn: statusesOf(filters) } } }];
  if (filters.cursor) {
    const at = new Date(filters.cursor.createdAt);
    const past = dir === "asc" ? "gt" : "lt";
    // The createdAt bound alone is a plain range the index can seek to; the OR breaks ties by id.
    and.push({
      createdAt: { [dir === "asc" ? "gte" : "lte"]: at },
      OR: [{ createdAt: { [past]: at } }, { createdAt: at, id: { [past]: filters.cursor.id } }],
    });
  }
  // One more than asked: whether a next page exists without a second query.
  const rows = await db.observation.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: dir }, { id: dir }],
    take: filters.limit + 1,
    include: { assignee: { select: { email: true } } },
  });
  const page = rows.slice(0, filters.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > filters.limit && last
      ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id, sort: filters.sort })
      : null;
  return { items: await toQueueItems(db, page), nextCursor };
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
  where?: QueueWhere,
  cap = QUEUE_COUNT_CAP,
) {
  assertCan(actor, "observation:read-any");
  const resolved = where ?? (await filterWhere(actor, filters, db));
  const statuses = [...QUEUE_STATUSES, ...DECIDED_STATUSES];
  const counts = Object.fromEntries(statuses.map((s) => [s, 0])) as QueueCounts;
  const capped: QueueStatus[] = [];
  // One statement for every status (lib/review/queue-counts.ts), each capped at cap + 1 rows.
  const found = await countByStatus(db, resolved.counts, statuses, cap + 1);
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
