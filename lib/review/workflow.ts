// The one module that owns the observation state machine: who may fire each transition, from which
// states, and what it does (revision, audit event, e-mail). DESIGN §4.
import type { ObservationStatus } from "../../prisma/sqlite/client";
import { recordAudit } from "../audit";
import { recordRevision } from "../observations/history";
import { can, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { appUrl } from "../env";
import { AppError, validationError } from "../errors";
import { sendMail } from "../mail";
import { findObservationRow, staleVersion } from "../observations/service";
import { ZTransitionInput, type TransitionAction, type TTransitionInput } from "../observations/schema";
import { openReleaseFor } from "../releases/service";

type Who = "owner" | "reviewer";

interface Transition {
  from: readonly ObservationStatus[];
  to: ObservationStatus;
  who: Who;
  needsComment?: boolean;
  /** Only the reviewer who claimed it decides (an admin may step in). */
  claimedOnly?: boolean;
}

export const TRANSITIONS: Record<TransitionAction, Transition> = {
  submit: { from: ["DRAFT", "NEEDS_INFO"], to: "SUBMITTED", who: "owner" },
  withdraw: { from: ["DRAFT", "SUBMITTED", "NEEDS_INFO"], to: "WITHDRAWN", who: "owner" },
  claim: { from: ["SUBMITTED"], to: "IN_REVIEW", who: "reviewer" },
  ask: { from: ["IN_REVIEW"], to: "NEEDS_INFO", who: "reviewer", needsComment: true, claimedOnly: true },
  accept: { from: ["IN_REVIEW"], to: "ACCEPTED", who: "reviewer", claimedOnly: true },
  reject: { from: ["IN_REVIEW"], to: "REJECTED", who: "reviewer", needsComment: true, claimedOnly: true },
  duplicate: { from: ["IN_REVIEW"], to: "DUPLICATE", who: "reviewer", claimedOnly: true },
  reopen: { from: ["REJECTED", "DUPLICATE", "ACCEPTED", "WITHDRAWN"], to: "IN_REVIEW", who: "reviewer" },
};

interface TransitionSubject {
  publicId: string;
  status: ObservationStatus;
  contributorId: string;
  assigneeId: string | null;
}

/** Why this actor may not fire this action on this observation, or null when they may. */
function refusal(actor: Actor, action: TransitionAction, row: TransitionSubject): AppError | null {
  const t = TRANSITIONS[action];
  if (t.who === "owner") {
    return row.contributorId === actor.id
      ? null
      : new AppError("FORBIDDEN", `Only the contributor of ${row.publicId} can ${action} it.`);
  }
  if (!can(actor, "observation:decide"))
    return new AppError("FORBIDDEN", `Only reviewers can ${action} an observation.`);
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

/** The actions this actor may fire on an observation in its current state (for buttons). */
export function availableActions(actor: Actor, row: TransitionSubject): TransitionAction[] {
  return (Object.keys(TRANSITIONS) as TransitionAction[]).filter(
    (action) => TRANSITIONS[action].from.includes(row.status) && !refusal(actor, action, row),
  );
}

export async function transitionObservation(actor: Actor, publicId: string, raw: TTransitionInput | unknown, db: Db) {
  const parsed = ZTransitionInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The transition");
  const input = parsed.data;
  const t = TRANSITIONS[input.action];
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
  if (t.needsComment && !input.comment) {
    throw new AppError("VALIDATION", `Say why (comment) when you ${input.action}: the contributor reads it.`, [
      { path: "comment", message: "Required" },
    ]);
  }
  if (input.action === "reopen" && current.releaseId) {
    const release = await db.release.findUnique({ where: { id: current.releaseId } });
    if (release && release.status !== "OPEN")
      throw new AppError(
        "INVALID_STATE",
        `${current.publicId} is in release ${release.name}, which is ${release.status}.`,
      );
  }
  let duplicateOfId: number | null = null;
  if (input.action === "duplicate") {
    if (!input.duplicateOf)
      throw new AppError("VALIDATION", "Name the observation this duplicates (duplicateOf, e.g. OBS-000012).", [
        { path: "duplicateOf", message: "Required" },
      ]);
    const original = await db.observation.findUnique({ where: { publicId: input.duplicateOf.toUpperCase() } });
    if (!original || original.id === current.id)
      throw new AppError("VALIDATION", `No other observation ${input.duplicateOf}.`, [
        { path: "duplicateOf", message: "Unknown observation" },
      ]);
    duplicateOfId = original.id;
  }

  const now = new Date();
  const decided = ["accept", "reject", "duplicate"].includes(input.action);
  const row = await db.$transaction(async (tx) => {
    // Read inside the transaction: an export that closes the release first must not gain a straggler.
    const release = input.action === "accept" ? await openReleaseFor(tx, current.domain) : null;
    const { count } = await tx.observation.updateMany({
      where: { id: current.id, version: input.version, status: current.status },
      data: {
        status: t.to,
        version: { increment: 1 },
        ...(input.action === "claim" || input.action === "reopen" ? { assigneeId: actor.id } : {}),
        ...(input.action === "submit" ? { submittedAt: now } : {}),
        ...(decided ? { decidedAt: now } : {}),
        ...(input.action === "reopen" ? { decidedAt: null, releaseId: null, duplicateOfId: null } : {}),
        ...(input.action === "accept" ? { releaseId: release?.id ?? null } : {}),
        ...(duplicateOfId ? { duplicateOfId } : {}),
      },
    });
    if (count === 0) throw await staleVersion(tx as unknown as Db, current.id, input.version);
    const updated = await tx.observation.findUniqueOrThrow({ where: { id: current.id } });
    await recordRevision(tx, updated, actor.id, input.action);
    if (input.comment) {
      await tx.comment.create({
        data: { observationId: updated.id, authorId: actor.id, body: input.comment, visibility: "SHARED" },
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: `observation.${input.action}`,
      subjectType: "Observation",
      subjectId: updated.publicId,
      data: { from: current.status, to: updated.status, version: updated.version },
    });
    return updated;
  });

  await notifyContributor(db, input.action, row, input.comment);
  return { id: row.publicId, status: row.status, version: row.version };
}

async function notifyContributor(
  db: Db,
  action: TransitionAction,
  row: { publicId: string; contributorId: string; techniqueAttackId: string; status: ObservationStatus },
  comment?: string,
) {
  if (!["accept", "reject", "duplicate", "ask"].includes(action)) return;
  const contributor = await db.user.findUnique({ where: { id: row.contributorId } });
  if (!contributor) return;
  const observationUrl = `${appUrl()}/my/${row.publicId}`;
  try {
    if (action === "ask") {
      await sendMail("needs-info", contributor.email, {
        publicId: row.publicId,
        question: comment ?? "",
        observationUrl,
      });
    } else {
      await sendMail("decision", contributor.email, {
        publicId: row.publicId,
        status: row.status as "ACCEPTED" | "REJECTED" | "DUPLICATE",
        techniqueLabel: row.techniqueAttackId,
        comment,
        observationUrl,
      });
    }
  } catch (error) {
    // The decision stands; the mail failure is logged (without the message) for the operator to fix.
    console.error(
      `[mail] could not notify the contributor of ${row.publicId} (${action}): ${(error as Error).message}`,
    );
  }
}
