// The queue's pictures (issue 7 item 7): how long its observations have waited, and which tactics they
// concern. Scoped exactly as the queue list is (lib/review/queue.ts queueWhere: queue statuses, the actor's
// TLP levels), so the charts never count what the list would not show.
import { assertCan, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { queueWhere } from "../review/queue";
import { queueCatalog } from "../review/queue-catalog";
import { scopeSql } from "../review/queue-sql";
import { isPostgres, instant, sqlParams } from "../db/raw-sql";
import { barsByTactic, type TechniqueCount } from "./by-tactic";
import type { Bar } from "./types";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Waiting-time buckets in days: [from, to). The last one is open-ended. */
export const AGE_BUCKETS = [
  { key: "lt1", label: "< 1 day", from: 0, to: 1 },
  { key: "1to7", label: "1–7 days", from: 1, to: 7 },
  { key: "7to30", label: "7–30 days", from: 7, to: 30 },
  { key: "gt30", label: "> 30 days", from: 30, to: Infinity },
] as const;

/**
 * The instants bounding each bucket: waiting since after `since` (exclusive) and at or before `until`.
 * An observation waits since it was submitted (its creation when it never was), as the queue's column says.
 */
export function ageRanges(now: Date) {
  const at = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return AGE_BUCKETS.map((b) => ({
    ...b,
    since: b.to === Infinity ? null : at(b.to),
    until: at(b.from),
  }));
}

/**
 * One statement, one pass over the queue's rows (the (status, domain, tlp, submittedAt, createdAt) index holds every
 * column it reads), each row given its bucket by one CASE: the buckets are back to back, newest first, so the first
 * `since` a row is after names its bucket. Four counts, each an OR over submittedAt and createdAt, took 67 ms on
 * SQLite at 100,000 observations; this about 35.
 */
export async function queueAgeBars(actor: Actor, db: Db, now = new Date()): Promise<Bar[]> {
  assertCan(actor, "observation:read-any");
  const postgres = isPostgres(db);
  const { params, bind } = sqlParams(postgres);
  const waiting = `COALESCE("submittedAt", "createdAt")`;
  const ranges = ageRanges(now);
  // Bound in the order the placeholders appear: SQLite's `?` are positional.
  const whens = ranges.map((r, i) =>
    r.since ? `WHEN ${waiting} > ${instant(bind, r.since, postgres)} THEN ${i}` : `ELSE ${i}`,
  );
  // `until` is inclusive, `since` exclusive: every instant up to now falls in exactly one bucket.
  const rows = await db.$queryRawUnsafe<{ b: number | bigint; n: number | bigint }[]>(
    `SELECT CASE ${whens.join(" ")} END AS "b", COUNT(*) AS "n" FROM "Observation"
     WHERE ${queueScopeSql(actor, postgres, params)} AND ${waiting} <= ${instant(bind, ranges[0].until, postgres)} GROUP BY 1`,
    ...params,
  );
  const counts = new Map(rows.map((r) => [Number(r.b), Number(r.n)]));
  return ranges.map((r, i) => ({ key: r.key, label: r.label, value: counts.get(i) ?? 0 }));
}

/**
 * Counted per technique in one pass over the (techniqueStixId, status, tlp, …) index, then named per tactic
 * (./by-tactic). The index has no domain: a technique's domain is its catalog entry's (held in memory,
 * lib/review/queue-catalog), which is the observation's (its technique is resolved in its domain). A technique the
 * catalog no longer holds, or holds in several domains, is counted again by the observations' own domain. Grouping
 * by domain and technique read every row of the queue from the table: 270 ms on SQLite at 100,000 observations,
 * about 35 ms now.
 */
export async function queueTacticBars(actor: Actor, db: Db): Promise<Bar[]> {
  assertCan(actor, "observation:read-any");
  const params: unknown[] = [];
  // Written so no index is sought (as lib/review/queue-sql pages): given `status IN (…)` SQLite 3.53 seeks every
  // (technique, status, level) combination, 170 ms, instead of reading the index once.
  const counts = await db.$queryRawUnsafe<{ techniqueStixId: string; n: number | bigint }[]>(
    `SELECT "techniqueStixId", COUNT(*) AS "n" FROM "Observation" WHERE ${queueScopeSql(actor, isPostgres(db), params, "walk")}
     GROUP BY "techniqueStixId"`,
    ...params,
  );
  const catalog = await queueCatalog(db);
  const rows: TechniqueCount[] = [];
  const unsure: string[] = [];
  for (const c of counts) {
    const [domain, ...more] = catalog.techniqueDomains(c.techniqueStixId);
    if (domain && more.length === 0) rows.push({ domain, techniqueStixId: c.techniqueStixId, count: Number(c.n) });
    else unsure.push(c.techniqueStixId);
  }
  if (unsure.length) {
    const groups = await db.observation.groupBy({
      by: ["domain", "techniqueStixId"],
      where: { ...queueWhere(actor), techniqueStixId: { in: unsure } },
      _count: { _all: true },
    });
    rows.push(...groups.map((g) => ({ domain: g.domain, techniqueStixId: g.techniqueStixId, count: g._count._all })));
  }
  const [bars] = await barsByTactic(db, [rows]);
  return bars;
}

/** queueWhere as SQL (lib/review/queue-sql scopeSql): the queue's statuses and the actor's TLP levels. */
function queueScopeSql(actor: Actor, postgres: boolean, params: unknown[], form: "seek" | "walk" = "seek"): string {
  const { status, tlp } = queueWhere(actor);
  return scopeSql({ tlp: tlp.in }, status.in, postgres, params, form);
}
