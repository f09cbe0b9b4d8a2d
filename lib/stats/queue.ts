// The queue's pictures (issue 7 item 7): how long its observations have waited, and which tactics they
// concern. Scoped exactly as the queue list is (lib/review/queue.ts queueWhere: queue statuses, the actor's
// TLP levels), so the charts never count what the list would not show.
import { assertCan, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { queueWhere } from "../review/queue";
import { barsByTactic } from "./by-tactic";
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

export async function queueAgeBars(actor: Actor, db: Db, now = new Date()): Promise<Bar[]> {
  assertCan(actor, "observation:read-any");
  const scope = queueWhere(actor);
  return Promise.all(
    ageRanges(now).map(async (r) => {
      // `until` is inclusive, `since` exclusive: every instant falls in exactly one bucket.
      const range = { lte: r.until, ...(r.since ? { gt: r.since } : {}) };
      const value = await db.observation.count({
        where: { ...scope, OR: [{ submittedAt: range }, { submittedAt: null, createdAt: range }] },
      });
      return { key: r.key, label: r.label, value };
    }),
  );
}

export async function queueTacticBars(actor: Actor, db: Db): Promise<Bar[]> {
  assertCan(actor, "observation:read-any");
  const groups = await db.observation.groupBy({
    by: ["domain", "techniqueStixId"],
    where: queueWhere(actor),
    _count: { _all: true },
  });
  const [bars] = await barsByTactic(db, [groups.map((g) => ({ ...g, count: g._count._all }))]);
  return bars;
}
