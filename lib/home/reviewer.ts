// A reviewer's home: the queue in numbers, what they have claimed, and the submissions that have
// waited longest for anyone. Scoped like the queue (lib/review/queue): no drafts, only the TLP levels a
// reviewer may receive; what they claimed they see whatever its TLP (they hold it already).
import { catalogNames } from "../attack/catalog";
import { assertCan, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { audienceOf, tlpLevelsFor } from "../observations/tlp";
import { techniqueNaming, toObservationView, type ObservationRow } from "../observations/view";
import { QUEUE_STATUSES } from "../review/queue";

export const HOME_OLDEST = 5;
/**
 * What the home page lists of the reviewer's claimed work, longest waiting first; the rest is one link away
 * (/queue?mine=1). A reviewer of the seeded 100,000-observation queue holds about 4,000: all of them made the
 * page half a second of work and a list nobody reads.
 */
export const HOME_CLAIMED = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export interface HomeItem {
  id: string;
  status: string;
  techniqueId: string;
  techniqueName: string;
  /** When it entered the queue (submitted), as ISO text. */
  since: string;
  /** Whole days since then. */
  ageDays: number;
}

export interface ReviewerHome {
  counts: Record<QueueStatus, number>;
  /** The HOME_CLAIMED longest waiting of the reviewer's claimed work. */
  claimed: HomeItem[];
  /** How many they hold in all. */
  claimedTotal: number;
  oldest: HomeItem[];
}

export async function reviewerHome(actor: Actor, db: Db, now = new Date()): Promise<ReviewerHome> {
  assertCan(actor, "observation:read-any");
  const visible = { tlp: { in: tlpLevelsFor(audienceOf(actor)) } };
  const oldestFirst = [{ submittedAt: "asc" as const }, { id: "asc" as const }];
  const mine = { assigneeId: actor.id, status: { in: [...QUEUE_STATUSES] } };
  const [grouped, claimed, claimedTotal, oldest] = await Promise.all([
    db.observation.groupBy({
      by: ["status"],
      where: { status: { in: [...QUEUE_STATUSES] }, ...visible },
      _count: { _all: true },
    }),
    // Claimed and not decided: in review, waiting for the contributor, or answered and back.
    db.observation.findMany({ where: mine, orderBy: oldestFirst, take: HOME_CLAIMED }),
    db.observation.count({ where: mine }),
    // Waiting for a reviewer to pick it up (an answered one is back with the reviewer who asked). Read in the order
    // of the (status, assigneeId, submittedAt, id) index: assigneeId, null on every row, leads the order because
    // PostgreSQL does not take `IS NULL` as fixing the column, and would sort all the unclaimed ones (70 ms at 100,000).
    db.observation.findMany({
      where: { status: "SUBMITTED", assigneeId: null, ...visible },
      orderBy: [{ assigneeId: "asc" }, ...oldestFirst],
      take: HOME_OLDEST,
    }),
  ]);
  const counts = Object.fromEntries(QUEUE_STATUSES.map((s) => [s, 0])) as Record<QueueStatus, number>;
  for (const g of grouped) counts[g.status as QueueStatus] = g._count._all;
  const items = await homeItems(db, [...claimed, ...oldest], now);
  return { counts, claimed: items.slice(0, claimed.length), claimedTotal, oldest: items.slice(claimed.length) };
}

async function homeItems(db: Db, rows: ObservationRow[], now: Date): Promise<HomeItem[]> {
  const names = await catalogNames(
    db,
    rows.map((r) => r.techniqueStixId),
  );
  return rows.map((row) => {
    const o = toObservationView(row);
    const since = row.submittedAt ?? row.createdAt;
    return {
      id: o.id,
      status: o.status,
      techniqueId: o.technique.id,
      techniqueName: techniqueNaming(names.get(row.techniqueStixId), row.techniqueAttackId).techniqueName,
      since: since.toISOString(),
      ageDays: Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS)),
    };
  });
}
