// Create, read and edit observations. Every write re-validates with the shared schema, scrubs the
// text server-side (the raw text is never stored), and writes its revision and audit event in the
// same transaction as the change.
import { refreshDuplicateCounts } from "../review/duplicates-count";
import { queueCatalog } from "../review/queue-catalog";
import { EDIT_REASON_MISSING, editNeedsReason } from "../review/transitions";
import { needsRemappingOf } from "../review/remap-flag";
import type { FieldFinding } from "../anonymize";
import { catalogNames } from "../attack/catalog";
import { techniqueLabelOf } from "../attack/label";
import { recordAudit } from "../audit";
import { scrubObservation } from "./anonymize";
import { sameList } from "./anonymize-preview";
import { planEdit } from "./kept";
import { recordRevision } from "./history";
import { kickMail } from "../mail";
import { queueReceipt } from "./receipt";
import { assertCan, can, type Actor } from "../auth/permissions";
import { assertCreditPossible } from "../auth/profile";
import type { Db } from "../db/client";
import { AppError, validationError } from "../errors";
import { hitRateLimit } from "../rate-limit";
import {
  ZObservationEdit,
  ZObservationInput,
  unresolvedCitationMessage,
  type TObservation,
  type TObservationEdit,
  type TObservationInput,
} from "./schema";
import { checkPlatforms } from "./platforms";
import { diffSnapshots } from "./revision-diff";
import { resolveUsableActor, resolveUsableTechnique } from "./technique";
import { observationCatalog } from "./catalog-status";
import { unresolvedCitations } from "../attack/citations";
import { canSeeTlp, tlpAllows } from "./tlp";
import { parsePublicId } from "./public-id";
import { actorNameOf, publicIdOf, snapshotOf, toObservationView, type ObservationView } from "./view";
import { upstreamOf } from "../releases/upstream-view";

export interface CreatedObservation {
  observation: ObservationView;
  /** What the anonymizer replaced, across all fields (each finding names the fields it occurred in). */
  findings: FieldFinding[];
}

function monthStart(value: string | undefined): Date | null {
  if (!value) return null;
  return new Date(`${value.length === 7 ? `${value}-01` : value}T00:00:00.000Z`);
}

async function resolveRefs(db: Db, input: Pick<TObservation, "domain" | "technique" | "actor">) {
  const technique = await resolveUsableTechnique(db, input.domain, input.technique);
  let actorStixId: string | null = null;
  if ("id" in input.actor)
    actorStixId = (await resolveUsableActor(db, input.domain, input.actor.id, "actor.id")).stixId;
  return { technique, actorStixId };
}

export interface CreateOptions {
  /**
   * The submission came from the submit form: its autosaved draft (lib/observations/drafts) is deleted in the same
   * transaction, so it goes only when the observation is stored. Other doors (the REST API) leave it alone: a script
   * creating observations must not throw away what the same person is writing in the form.
   */
  discardDraft?: boolean;
}

export async function createObservation(
  actor: Actor,
  raw: TObservationInput | unknown,
  db: Db,
  options: CreateOptions = {},
): Promise<CreatedObservation> {
  assertCan(actor, "observation:create");
  await hitRateLimit(db, "submit-user", actor.id);
  const parsed = ZObservationInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The observation");
  const input = parsed.data;
  const { technique, actorStixId } = await resolveRefs(db, input);
  const platforms = await checkPlatforms(db, input.domain, input.platforms);
  await assertCreditPossible(db, actor.id, input.credit);
  // Every free-text field, one numbering; a field the placeholders push past its limit is refused here.
  const scrubbed = scrubObservation(
    {
      procedure: input.procedure,
      references: input.references,
      proposed: "proposed" in input.actor ? input.actor.proposed : null,
      platforms,
    },
    { keep: input.keep, redact: input.redact },
  );
  const proposed = scrubbed.proposed;
  const status = input.draft ? "DRAFT" : "SUBMITTED";
  const now = new Date();
  // The receipt names the technique from the catalog held in memory (lib/review/queue-catalog): no catalog query
  // inside the transaction, which holds SQLite's write lock.
  const techniqueEntry = status === "SUBMITTED" ? (await queueCatalog(db)).names.get(technique.stixId) : undefined;

  const row = await db.$transaction(async (tx) => {
    const created = await tx.observation.create({
      data: {
        publicId: `pending-${crypto.randomUUID()}`,
        contributorId: actor.id,
        status,
        domain: input.domain,
        techniqueStixId: technique.stixId,
        techniqueAttackId: technique.attackId ?? input.technique,
        actorKind: "id" in input.actor ? "EXISTING" : proposed ? "PROPOSED" : "UNATTRIBUTED",
        actorStixId,
        proposedActor: proposed ?? undefined,
        procedure: scrubbed.procedure,
        references: scrubbed.references,
        observedFrom: monthStart(input.observedFrom),
        observedTo: monthStart(input.observedTo),
        platforms: scrubbed.platforms,
        // Only the keep values that spared something: each occurs in the stored text, none is a wish.
        keptIndicators: scrubbed.kept,
        sector: input.sector ?? null,
        country: input.country ?? null,
        region: input.region ?? null,
        detectionType: input.detectionType ?? null,
        detectionSource: input.detectionSource ?? null,
        privilegeLevel: input.privilegeLevel ?? null,
        confidence: input.confidence ?? null,
        tlp: input.tlp,
        credit: input.credit,
        submittedAt: status === "SUBMITTED" ? now : null,
      },
    });
    // The public id derives from the row's id, known once inserted. Written out: through update() Prisma compiled
    // the statement on every submission, and returned the row this one is.
    const withId = { ...created, publicId: publicIdOf(created.id) };
    await tx.$executeRaw`UPDATE "Observation" SET "publicId" = ${withId.publicId} WHERE "id" = ${created.id}`;
    await recordRevision(tx, withId, actor.id, "created");
    if (options.discardDraft) await tx.draft.deleteMany({ where: { userId: actor.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: status === "DRAFT" ? "observation.draft" : "observation.submit",
      subjectType: "Observation",
      subjectId: withId.publicId,
      data: { technique: withId.techniqueAttackId, findings: scrubbed.findings.length },
    });
    // The contributor is the actor, read by this request's sign-in check: their address needs no second look-up.
    if (withId.status === "SUBMITTED") {
      await queueReceipt(tx, withId, { email: actor.email, technique: techniqueEntry ?? null });
    }
    return withId;
  });
  await refreshDuplicateCounts(db, [row]);
  if (row.status === "SUBMITTED") kickMail(db);
  return { observation: toObservationView(row), findings: scrubbed.findings };
}

/**
 * The observation if the actor may see it; NOT_FOUND otherwise, so ids of others' work do not leak.
 * What must stay true: contributors see only their own work; a DRAFT is its contributor's alone (not
 * even admins read it); everyone else also needs the TLP rule to allow them (lib/observations/tlp).
 */
export async function findObservationRow(actor: Actor, publicId: string, db: Db) {
  parsePublicId(publicId);
  assertCan(actor, "observation:read-own");
  const row = await db.observation.findUnique({ where: { publicId: publicId.toUpperCase() } });
  if (!row || !mayRead(actor, row)) {
    throw new AppError("NOT_FOUND", `No observation ${publicId} that you can see.`);
  }
  return row;
}

function mayRead(actor: Actor, row: { contributorId: string; status: string; tlp: string }): boolean {
  if (row.contributorId === actor.id) return true;
  return can(actor, "observation:read-any") && row.status !== "DRAFT" && canSeeTlp(actor, row);
}

/** The observation, and where its technique (and actor) stands in the current catalog (catalog-status.ts). */
export async function getObservation(actor: Actor, publicId: string, db: Db) {
  const row = await findObservationRow(actor, publicId, db);
  return { ...toObservationView(row), catalog: await observationCatalog(db, row), upstream: upstreamOf(row) };
}

export { listMyObservations } from "./my-list";

const OWNER_EDITABLE = new Set(["DRAFT", "NEEDS_INFO"]);
// A reviewer edits only what they have claimed (an admin may step in); never SUBMITTED-unclaimed work.
const REVIEWER_EDITABLE = new Set(["IN_REVIEW", "NEEDS_INFO"]);

interface EditSubject {
  publicId: string;
  status: string;
  contributorId: string;
  assigneeId: string | null;
}

/** Why this actor may not edit the observation in its current state, or null when they may. */
export function editRefusal(actor: Actor, row: EditSubject): AppError | null {
  if (row.contributorId === actor.id && OWNER_EDITABLE.has(row.status)) return null;
  const reviewer = row.contributorId !== actor.id && can(actor, "observation:edit-any");
  if (!reviewer || !REVIEWER_EDITABLE.has(row.status)) {
    const hint = reviewer && row.status === "SUBMITTED" ? " Claim it first." : "";
    return new AppError("INVALID_STATE", `${row.publicId} is ${row.status} and cannot be edited by you now.${hint}`);
  }
  if (row.assigneeId !== actor.id && !can(actor, "observation:override-claim")) {
    return new AppError(
      "FORBIDDEN",
      `${row.publicId} is claimed by another reviewer: only they (or an admin) can edit it.`,
    );
  }
  return null;
}

/** Whether this actor may edit the observation in its current state (the edit form shows when true). */
export function canEditObservation(actor: Actor, row: EditSubject): boolean {
  return editRefusal(actor, row) === null;
}

export async function editObservation(actor: Actor, publicId: string, raw: TObservationEdit | unknown, db: Db) {
  const parsed = ZObservationEdit.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The edit");
  const edit = parsed.data;
  const current = await findObservationRow(actor, publicId, db);
  if (!canEditObservation(actor, current)) {
    throw editRefusal(actor, current) as AppError;
  }
  // Checked before anything is written: a reviewer's (or admin's) edit of someone else's work carries a reason.
  if (editNeedsReason(actor.id, current.contributorId) && !edit.reason) {
    throw new AppError("VALIDATION", `The edit is not valid. reason: ${EDIT_REASON_MISSING}`, [
      { path: "reason", message: EDIT_REASON_MISSING },
    ]);
  }
  // The edited texts and the reason are scrubbed together; the stored texts the edit leaves alone only reserve
  // their placeholder numbers (context), so a new value never takes a number that already means another one here.
  // Which stored fields join the edit, and with which keep list: lib/observations/kept.ts.
  const stored = toObservationView(current);
  const plan = planEdit(stored, edit);
  const { procedure, references, proposed, platforms } = plan;
  const scrubbed = scrubObservation(
    {
      procedure: procedure ?? "",
      references: references ?? [],
      proposed,
      platforms: platforms ?? [],
      ...(edit.reason !== undefined ? { reason: edit.reason } : {}),
    },
    { keep: plan.keep, redact: edit.redact },
    plan.context,
  );
  // The citation rule of a submission (lib/observations/schema), on the text and references the edit leaves.
  const cites = unresolvedCitations(
    procedure !== undefined ? scrubbed.procedure : stored.procedure,
    references !== undefined ? scrubbed.references : stored.references,
  );
  if (cites.length > 0) {
    const issues = cites.map((name) => ({ path: "procedure", message: unresolvedCitationMessage(name) }));
    throw new AppError("VALIDATION", `The edit is not valid. procedure: ${issues[0].message}`, issues);
  }
  const data: Record<string, unknown> = {};
  if (procedure !== undefined) data.procedure = scrubbed.procedure;
  if (references !== undefined) data.references = scrubbed.references;
  if (proposed) data.proposedActor = scrubbed.proposed;
  if (platforms !== undefined) data.platforms = scrubbed.platforms;
  if (!sameList(scrubbed.kept, plan.storedKept)) data.keptIndicators = scrubbed.kept;
  if (edit.technique !== undefined) {
    const technique = await resolveUsableTechnique(db, current.domain, edit.technique);
    data.techniqueStixId = technique.stixId;
    data.techniqueAttackId = technique.attackId ?? edit.technique;
    // A usable technique, but the actor may still be revoked: the flag follows what the row now names.
    data.needsRemapping = await needsRemappingOf(db, { ...current, techniqueStixId: technique.stixId });
  }
  const row = await db.$transaction(async (tx) => {
    const { count } = await tx.observation.updateMany({
      where: { id: current.id, version: edit.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw await staleVersion(tx as unknown as Db, current.id, edit.version);
    const updated = await tx.observation.findUniqueOrThrow({ where: { id: current.id } });
    await recordRevision(tx, updated, actor.id, scrubbed.reason ?? "edited");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "observation.edit",
      subjectType: "Observation",
      subjectId: updated.publicId,
      data: { version: updated.version, fields: Object.keys(data) },
    });
    return updated;
  });
  if (data.techniqueStixId !== undefined) await refreshDuplicateCounts(db, [current, row]);
  return toObservationView(row);
}

/** The 409 for a write that carried an old version: it says what the current state is. */
export async function staleVersion(db: Db, id: number, sawVersion: number): Promise<AppError> {
  const now = await db.observation.findUniqueOrThrow({ where: { id } });
  // What changed since the version the writer saw, field by field, when that revision is on record.
  const saw = await db.revision.findUnique({
    where: { observationId_version: { observationId: id, version: sawVersion } },
    select: { snapshot: true },
  });
  const changed = saw ? diffSnapshots(saw.snapshot as Record<string, unknown>, snapshotOf(now)) : [];
  const fields = changed.length ? ` Changed since: ${changed.map((c) => c.label.toLowerCase()).join(", ")}.` : "";
  return new AppError(
    "CONFLICT",
    `${now.publicId} changed since you loaded it (you saw version ${sawVersion}, it is now version ${now.version}, ${now.status}).${fields} Reload and apply your change again.`,
    undefined,
    { current: toObservationView(now), changed },
  );
}

const PUBLIC_STATUSES = new Set(["ACCEPTED", "PUBLISHED"]);

/**
 * The public record an export cites (`/o/OBS-000123`): only accepted work, and only the anonymized
 * text, dates, technique, actor and victimology buckets — never who contributed it.
 */
export async function getPublicRecord(publicId: string, db: Db) {
  parsePublicId(publicId);
  const row = await db.observation.findUnique({ where: { publicId: publicId.toUpperCase() } });
  if (!row || !PUBLIC_STATUSES.has(row.status) || !tlpAllows(row.tlp, "public")) {
    throw new AppError("NOT_FOUND", `No public record ${publicId}.`);
  }
  const view = toObservationView(row);
  const names = await catalogNames(db, [row.techniqueStixId, row.actorStixId]);
  const technique = names.get(row.techniqueStixId);
  return {
    id: view.id,
    status: view.status,
    technique: techniqueLabelOf(technique, row.techniqueAttackId),
    actor: actorNameOf(row, names, { withAttackId: true }),
    procedure: view.procedure,
    observedFrom: view.observedFrom,
    observedTo: view.observedTo,
    victimology: view.victimology,
    acceptedAt: view.decidedAt,
    /** The ATT&CK version that took it (lib/releases/upstream.ts), or null. */
    upstream: upstreamOf(row),
  };
}
