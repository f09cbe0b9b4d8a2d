// The one module that enforces the observation state machine (the table is in ./transitions): who
// may fire each transition, from which states, and what it does (revision, audit event, e-mail). DESIGN §4.
import { refreshDuplicateCounts } from "./duplicates-count";
import type { ObservationStatus } from "../../prisma/sqlite/client";
import { scrub, type ScrubOptions } from "../anonymize";
import { catalogNames } from "../attack/catalog";
import { techniqueLabelOf } from "../attack/label";
import { recordAudit } from "../audit";
import { maskEmails } from "../auth/email";
import { recordRevision } from "../observations/history";
import { sendReceipt } from "../observations/receipt";
import { can, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { appUrl } from "../env";
import { AppError, validationError } from "../errors";
import { sendMail } from "../mail";
import { findObservationRow, staleVersion } from "../observations/service";
import {
  DESCRIPTION_MAX,
  ZTransitionInput,
  type TransitionAction,
  type TTransitionInput,
} from "../observations/schema";
import { openReleaseFor } from "../releases/service";
import { resolveDuplicateTarget, type DuplicateTarget } from "./duplicates-target";
import { TRANSITIONS } from "./transitions";

export { TRANSITIONS } from "./transitions";

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
  if (!raw) return undefined;
  const text = scrub(raw, options).text;
  if (text.length > DESCRIPTION_MAX) {
    throw new AppError(
      "VALIDATION",
      `The comment is ${text.length} characters once addresses and names are replaced by placeholders; the limit is ${DESCRIPTION_MAX}: shorten it.`,
      [{ path: "comment", message: `At most ${DESCRIPTION_MAX} characters after anonymization` }],
    );
  }
  return text;
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
  const comment = scrubbedComment(input.action, input.comment, { keep: input.keep, redact: input.redact });
  if (input.action === "reopen" && current.releaseId) {
    const release = await db.release.findUnique({ where: { id: current.releaseId } });
    if (release && release.status !== "OPEN")
      throw new AppError(
        "INVALID_STATE",
        `${current.publicId} is in release ${release.name}, which is ${release.status}.`,
      );
  }
  const target = input.action === "duplicate" ? await resolveDuplicateTarget(db, current, input) : null;
  const duplicateOfId = target?.duplicateOfId ?? null;

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
    // A reopen's reason is the history's reason too: the next reviewer sees why it came back.
    await recordRevision(tx, updated, actor.id, revisionReason(input.action, comment, target));
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
        ...(target?.duplicateOf ? { duplicateOf: target.duplicateOf } : {}),
        ...(target?.alreadyInAttack ? { alreadyInAttack: target.alreadyInAttack } : {}),
      },
    });
    return updated;
  });

  await refreshDuplicateCounts(db, [row]); // entering or leaving CANDIDATE_STATUSES changes the pair's counts
  await notifyContributor(db, input.action, row, comment);
  await notifyAssignee(db, input.action, row, comment);
  return { id: row.publicId, status: row.status, version: row.version };
}

/** The history's reason: the action, with why for a reopen and what for a duplicate (the reader sees which). */
function revisionReason(action: TransitionAction, comment: string | undefined, target: DuplicateTarget | null): string {
  if (action === "reopen") return `reopen: ${comment}`;
  if (target?.alreadyInAttack) return `duplicate: already in ATT&CK (${target.alreadyInAttack})`;
  if (target?.duplicateOf) return `duplicate of ${target.duplicateOf}`;
  return action;
}

interface MailedRow {
  publicId: string;
  contributorId: string;
  assigneeId: string | null;
  techniqueStixId: string;
  techniqueAttackId: string;
  status: ObservationStatus;
  tlp: string;
}

/** The reviewer who claimed it (and asked): only them, never the whole reviewer list. */
async function notifyAssignee(db: Db, action: TransitionAction, row: MailedRow, comment?: string) {
  if (TRANSITIONS[action].mailAssignee !== "answered" || !row.assigneeId) return;
  const reviewer = await db.user.findUnique({ where: { id: row.assigneeId } });
  if (!reviewer) return;
  try {
    await sendMail("answered", reviewer.email, {
      publicId: row.publicId,
      answer: comment ?? "",
      reviewUrl: `${appUrl()}/queue/${row.publicId}`,
    });
  } catch (error) {
    // The answer is stored; the failure is logged (without the mail, addresses masked) for the operator to fix.
    console.error(
      `[mail] could not notify the reviewer of ${row.publicId} (${action}): ${maskEmails((error as Error).message)}`,
    );
  }
}

async function notifyContributor(db: Db, action: TransitionAction, row: MailedRow, comment?: string) {
  const mail = TRANSITIONS[action].mail;
  if (!mail) return;
  if (mail === "receipt") return sendReceipt(db, row);
  // Only the observation's own contributor is mailed: they may always see their own work, whatever its TLP.
  const contributor = await db.user.findUnique({ where: { id: row.contributorId } });
  if (!contributor) return;
  const observationUrl = `${appUrl()}/my/${row.publicId}`;
  try {
    if (mail === "needs-info") {
      await sendMail("needs-info", contributor.email, {
        publicId: row.publicId,
        question: comment ?? "",
        observationUrl,
      });
    } else {
      await sendMail("decision", contributor.email, {
        publicId: row.publicId,
        status: row.status as "ACCEPTED" | "REJECTED" | "DUPLICATE",
        techniqueLabel: techniqueLabelOf(
          (await catalogNames(db, [row.techniqueStixId])).get(row.techniqueStixId),
          row.techniqueAttackId,
        ),
        comment,
        observationUrl,
        tlp: row.tlp,
      });
    }
  } catch (error) {
    // The decision stands; the failure is logged (without the mail, addresses masked) for the operator to fix.
    console.error(
      `[mail] could not notify the contributor of ${row.publicId} (${action}): ${maskEmails((error as Error).message)}`,
    );
  }
}
