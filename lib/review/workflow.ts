// The one module that enforces the observation state machine (the table is in ./transitions): who
// may fire each transition, from which states, and what it does (revision, audit event, e-mail). DESIGN §4.
import type { z } from "zod";
import { scrubbedCommentText } from "./comment-text";
import { refreshDuplicateCounts } from "./duplicates-count";
import type { ObservationStatus } from "../../prisma/sqlite/client";
import type { ScrubOptions } from "../anonymize";
import { recordAudit } from "../audit";
import { recordRevision } from "../observations/history";
import { can, type Actor } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import { AppError, validationError } from "../errors";
import { findObservationRow, staleVersion } from "../observations/service";
import { ZTransitionInput, type TransitionAction, type TTransitionInput } from "../observations/schema";
import type { ObservationRow } from "../observations/view";
import { resolveAssignee, type Assignee } from "./assignees";
import { openReleaseFor } from "../releases/service";
import { resolveDuplicateTarget, type DuplicateTarget } from "./duplicates-target";
import { TRANSITIONS } from "./transitions";
import { notifyTransition } from "./workflow-mail";
import { kickMail } from "../mail";

export { TRANSITIONS } from "./transitions";

/** A transition's input once parsed (defaults applied). */
export type TransitionInput = z.output<typeof ZTransitionInput>;

interface TransitionSubject {
  publicId: string;
  status: ObservationStatus;
  contributorId: string;
  assigneeId: string | null;
}

/** Why this actor may not fire this action on this observation, or null when they may. */
export function refusal(actor: Actor, action: TransitionAction, row: TransitionSubject): AppError | null {
  const t = TRANSITIONS[action];
  if (t.who === "owner") {
    return row.contributorId === actor.id
      ? null
      : new AppError("FORBIDDEN", `Only the contributor of ${row.publicId} can ${action} it.`);
  }
  if (!t.permission || !can(actor, t.permission)) {
    return t.who === "admin"
      ? new AppError("FORBIDDEN", `Only an admin can ${action} an observation: ask one, giving your reason.`)
      : new AppError("FORBIDDEN", `Only reviewers can ${action} an observation.`);
  }
  if (row.contributorId === actor.id) {
    return new AppError(
      "FORBIDDEN",
      `You cannot review your own observation ${row.publicId}: another reviewer has to.`,
    );
  }
  if (t.claimedOnly && row.assigneeId && row.assigneeId !== actor.id && !can(actor, "observation:override-claim")) {
    return new AppError(
      "FORBIDDEN",
      `${row.publicId} is claimed by another reviewer: only they (or an admin) can ${action} it.`,
    );
  }
  return null;
}

/**
 * The comment as it will be stored and mailed: scrubbed like every free text (DESIGN §5), required
 * where the table says so, and refused (never truncated) if scrubbing pushes it past the limit.
 */
function scrubbedComment(
  action: TransitionAction,
  raw: string | undefined,
  options: Pick<ScrubOptions, "keep" | "redact">,
): string | undefined {
  const t = TRANSITIONS[action];
  if (t.needsComment && !raw) {
    if (t.who === "owner")
      throw new AppError("VALIDATION", `Write your answer (comment): the reviewer who asked reads it.`, [
        { path: "comment", message: "Required" },
      ]);
    const reader = t.commentVisibility === "INTERNAL" ? "reviewers read it in the history" : "the contributor reads it";
    throw new AppError("VALIDATION", `Say why (comment) when you ${action}: ${reader}.`, [
      { path: "comment", message: "Required" },
    ]);
  }
  return raw ? scrubbedCommentText(raw, options, "comment") : undefined;
}

/** The actions this actor may fire on an observation in its current state (for buttons). */
export function availableActions(actor: Actor, row: TransitionSubject): TransitionAction[] {
  return (Object.keys(TRANSITIONS) as TransitionAction[]).filter(
    (action) => TRANSITIONS[action].from.includes(row.status) && !refusal(actor, action, row),
  );
}

export async function transitionObservation(actor: Actor, publicId: string, raw: TTransitionInput | unknown, db: Db) {
  const parsed = ZTransitionInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The transition");
  const done = await db.$transaction(async (tx) => {
    const done = await transitionRow(tx, actor, publicId, parsed.data);
    await notifyTransition(tx, done); // queued with the change: never lost, never sent for a rollback
    return done;
  });
  await refreshDuplicateCounts(db, [done.row]); // entering or leaving CANDIDATE_STATUSES changes the pair's counts
  kickMail(db);
  return { id: done.row.publicId, status: done.row.status, version: done.row.version };
}

/** What one transition wrote: the row as it now stands, and what its mails need. */
export interface TransitionDone {
  action: TransitionAction;
  row: ObservationRow;
  comment?: string;
  assignee?: Assignee;
}

/**
 * One transition on one observation, inside the caller's transaction: every check (visibility, who, version,
 * state, comment, target), then the writes (row, revision, comment, audit event). The caller queues the mails
 * (notifyTransition) in the same transaction. Used by transitionObservation and by the bulk actions (./bulk), where a refusal of any item
 * rolls back all of them.
 */
export async function transitionRow(tx: Tx, actor: Actor, publicId: string, input: TransitionInput) {
  const t = TRANSITIONS[input.action];
  const db = tx as unknown as Db;
  const current = await findObservationRow(actor, publicId, db);

  const refused = refusal(actor, input.action, current);
  if (refused) throw refused;
  if (current.version !== input.version) throw await staleVersion(db, current.id, input.version);
  if (!t.from.includes(current.status)) {
    throw new AppError(
      "INVALID_STATE",
      `Cannot ${input.action} ${current.publicId}: it is ${current.status} (allowed from ${t.from.join(", ")}).`,
      undefined,
      {
        status: current.status,
      },
    );
  }
  const comment = scrubbedComment(input.action, input.comment, { keep: input.keep, redact: input.redact });
  if (input.action === "reopen" && current.releaseId) {
    const release = await tx.release.findUnique({ where: { id: current.releaseId } });
    if (release && release.status !== "OPEN")
      throw new AppError(
        "INVALID_STATE",
        `${current.publicId} is in release ${release.name}, which is ${release.status}.`,
      );
  }
  const target = input.action === "duplicate" ? await resolveDuplicateTarget(db, current, input) : null;
  const duplicateOfId = target?.duplicateOfId ?? null;
  const assignee = t.assigns === "chosen" ? await resolveAssignee(tx, current, input.assignee) : undefined;
  const assigneeId = { actor: actor.id, chosen: assignee?.id, none: null }[t.assigns ?? "none"];

  const now = new Date();
  const decided = ["accept", "reject", "duplicate"].includes(input.action);
  // Read inside the transaction: an export that closes the release first must not gain a straggler.
  const release = input.action === "accept" ? await openReleaseFor(tx, current.domain) : null;
  const { count } = await tx.observation.updateMany({
    where: { id: current.id, version: input.version, status: current.status },
    data: {
      status: t.to,
      version: { increment: 1 },
      ...(t.assigns ? { assigneeId } : {}),
      ...(input.action === "submit" ? { submittedAt: now } : {}),
      ...(decided ? { decidedAt: now } : {}),
      ...(input.action === "reopen" ? { decidedAt: null, releaseId: null, duplicateOfId: null } : {}),
      ...(input.action === "accept" ? { releaseId: release?.id ?? null } : {}),
      ...(duplicateOfId ? { duplicateOfId } : {}),
    },
  });
  if (count === 0) throw await staleVersion(db, current.id, input.version);
  const updated = await tx.observation.findUniqueOrThrow({ where: { id: current.id } });
  // A reopen's reason is the history's reason too: the next reviewer sees why it came back.
  await recordRevision(tx, updated, actor.id, revisionReason(input.action, comment, target, assignee));
  if (comment) {
    await tx.comment.create({
      data: {
        observationId: updated.id,
        authorId: actor.id,
        body: comment,
        visibility: t.commentVisibility ?? "SHARED",
      },
    });
  }
  await recordAudit(tx, {
    actorId: actor.id,
    action: `observation.${input.action}`,
    subjectType: "Observation",
    subjectId: updated.publicId,
    data: {
      from: current.status,
      to: updated.status,
      version: updated.version,
      ...(input.action === "reopen" ? { reason: comment } : {}),
      ...(assignee ? { assigneeId: assignee.id, previousAssigneeId: current.assigneeId } : {}),
      ...(input.action === "unclaim" ? { previousAssigneeId: current.assigneeId } : {}),
      ...(target?.duplicateOf ? { duplicateOf: target.duplicateOf } : {}),
      ...(target?.alreadyInAttack ? { alreadyInAttack: target.alreadyInAttack } : {}),
    },
  });
  return { action: input.action, row: updated, comment, assignee } satisfies TransitionDone;
}

/** The history's reason: the action, with why for a reopen and what for a duplicate (the reader sees which). */
function revisionReason(
  action: TransitionAction,
  comment: string | undefined,
  target: DuplicateTarget | null,
  assignee: Assignee | undefined,
): string {
  if (action === "reopen") return `reopen: ${comment}`;
  if (assignee) return `assigned to ${assignee.email}${comment ? `: ${comment}` : ""}`;
  if (target?.alreadyInAttack) return `duplicate: already in ATT&CK (${target.alreadyInAttack})`;
  if (target?.duplicateOf) return `duplicate of ${target.duplicateOf}`;
  return action;
}
