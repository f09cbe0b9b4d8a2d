// The reviewers' queue and the detail a reviewer works from.
import { attackMarkdown } from "../catalog/attack-markdown";
import { assertCan, can, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { catalogNames, type CatalogNames } from "../attack/catalog";
import { canEditObservation, findObservationRow } from "../observations/service";
import { audienceOf, tlpLevelsFor } from "../observations/tlp";
import { actorNameOf, techniqueNaming, toObservationView, type ObservationRow } from "../observations/view";
import { storedCitations } from "../markdown/references";
import { observationCatalog } from "../observations/catalog-status";
import { remapRefusal } from "../observations/remap";
import { commentsFor, writableVisibilities } from "./comments";
import { editNeedsReason } from "./transitions";
import { availableActions } from "./workflow";
import { queueCatalog } from "./queue-catalog";
import type { QueueRow } from "./queue-sql";

export { QUEUE_LIMIT_MAX, QUEUE_STATUSES, parseQueueLimit } from "./queue-params";
import { QUEUE_LIMIT_MAX, QUEUE_STATUSES } from "./queue-params";
import { upstreamOf } from "../releases/upstream-view";

/**
 * What the queue holds for this actor: never a DRAFT (QUEUE_STATUSES has none: drafts are their contributor's
 * alone), and only the TLP levels this actor's audience may receive. The list and its charts (lib/stats) share it.
 */
export function queueWhere(actor: Actor) {
  return { status: { in: [...QUEUE_STATUSES] }, tlp: { in: tlpLevelsFor(audienceOf(actor)) } };
}

/** Oldest first: whoever has waited longest is seen first. The first page of the unfiltered open view. */
export async function listQueue(actor: Actor, db: Db, options: { limit?: number } = {}) {
  assertCan(actor, "observation:read-any");
  const rows = await db.observation.findMany({
    where: queueWhere(actor),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: Math.min(options.limit ?? 100, QUEUE_LIMIT_MAX),
    include: { assignee: { select: { email: true } } },
  });
  return toQueueItems(db, rows);
}

/** Rows as the queue shows them: technique and actor names, the assignee's e-mail, "answered". */
export async function toQueueItems(db: Db, rows: (ObservationRow & { assignee: { email: string } | null })[]) {
  // Side by side: on PostgreSQL the two round trips overlap.
  const [{ names }, answered] = await Promise.all([queueCatalog(db), answeredIds(db, rows)]);
  return rows.map((r) =>
    queueItemOf({ ...r, assigneeEmail: r.assignee?.email ?? null, answered: answered.has(r.id) }, names),
  );
}

/**
 * One row as the queue shows it. Names come from memory (lib/review/queue-catalog, current with the catalog): no
 * catalog query per page. The page's own statement (lib/review/queue-sql pageRows) brings the e-mail and "answered".
 */
export function queueItemOf(r: QueueRow, names: CatalogNames) {
  return {
    ...toObservationView(r),
    ...techniqueNaming(names.get(r.techniqueStixId), r.techniqueAttackId),
    actorName: actorNameOf(r, names),
    assignee: r.assigneeEmail,
    answered: r.answered,
  };
}

/**
 * The SUBMITTED rows whose last shared comment is the contributor's: they answered the reviewer's
 * question (the `answer` transition), so the queue marks them "answered". (pageRows asks the same in SQL.)
 */
async function answeredIds(db: Db, rows: { id: number; status: string; contributorId: string }[]) {
  const back = rows.filter((r) => r.status === "SUBMITTED");
  if (back.length === 0) return new Set<number>();
  const comments = await db.comment.findMany({
    where: { observationId: { in: back.map((r) => r.id) }, visibility: "SHARED" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { observationId: true, authorId: true },
  });
  const last = new Map<number, string>();
  for (const c of comments) if (!last.has(c.observationId)) last.set(c.observationId, c.authorId);
  return new Set(back.filter((r) => last.get(r.id) === r.contributorId).map((r) => r.id));
}

export type QueueItem = ReturnType<typeof queueItemOf>;

/** One observation with its history: findObservationRow applies the read rule (own work, no drafts, TLP). */
export async function getReviewDetail(actor: Actor, publicId: string, db: Db) {
  const row = await findObservationRow(actor, publicId, db);
  const reviewer = row.contributorId !== actor.id;
  const [revisions, comments, lookup, known, catalog, remapBlocked] = await Promise.all([
    db.revision.findMany({
      where: { observationId: row.id },
      orderBy: { version: "asc" },
      include: { editor: { select: { email: true } } },
    }),
    // INTERNAL notes never reach the contributor (lib/review/comments is the one home of that rule).
    commentsFor(actor, row, db),
    catalogNames(db, [row.techniqueStixId, row.actorStixId]),
    // Procedure examples ATT&CK already has for this pair: the first duplicate check a reviewer makes.
    row.actorStixId
      ? db.knownProcedure.findMany({
          where: { targetRef: row.techniqueStixId, sourceRef: row.actorStixId },
          select: { stixId: true, description: true, references: true },
          take: 10,
        })
      : Promise.resolve([]),
    observationCatalog(db, row),
    can(actor, "observation:remap") ? remapRefusal(db, row) : Promise.resolve("no permission"),
  ]);
  return {
    observation: toObservationView(row),
    /** The newer ATT&CK version that took it (lib/releases/upstream.ts), or null. */
    upstream: upstreamOf(row),
    ...techniqueNaming(lookup.get(row.techniqueStixId), row.techniqueAttackId),
    actorName: actorNameOf(row, lookup),
    actions: availableActions(actor, row),
    canEdit: canEditObservation(actor, row),
    /** The edit form asks for a reason (lib/observations/service refuses an edit without one). */
    editNeedsReason: editNeedsReason(actor.id, row.contributorId),
    /** Where the technique (and actor) stands in the current catalog: revoked or deprecated ones are flagged. */
    catalog,
    canRemap: remapBlocked === null,
    revisions: revisions.map((r) => ({
      version: r.version,
      editor: r.editor.email,
      // A reopen's reason is an INTERNAL comment (lib/review/transitions): the contributor sees only "reopen".
      reason: reviewer || !r.reason?.startsWith("reopen:") ? r.reason : "reopen",
      createdAt: r.createdAt.toISOString(),
      snapshot: r.snapshot as Record<string, unknown>,
    })),
    comments,
    /** What the comment box offers this actor (lib/review/comments enforces the same rule). */
    commentAs: writableVisibilities(actor, row),
    knownProcedures: known.map((k) => ({
      ...k,
      description: attackMarkdown(k.description),
      references: storedCitations(k.references),
    })),
  };
}
export type ReviewDetail = Awaited<ReturnType<typeof getReviewDetail>>;
