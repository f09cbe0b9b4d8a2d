// Create, read and edit observations. Every write re-validates with the shared schema, scrubs the
// text server-side (the raw text is never stored), and writes its revision and audit event in the
// same transaction as the change.
import { scrub, type Finding } from "../anonymize";
import { catalogNames, resolveActor, resolveTechnique } from "../attack/catalog";
import { recordAudit } from "../audit";
import { recordRevision } from "./history";
import { assertCan, can, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError, validationError } from "../errors";
import {
  ZObservationEdit,
  ZObservationInput,
  type TObservation,
  type TObservationEdit,
  type TObservationInput,
} from "./schema";
import { parsePublicId } from "./public-id";
import { actorNameOf, publicIdOf, toObservationView, type ObservationView } from "./view";

export interface CreatedObservation {
  observation: ObservationView;
  findings: Finding[];
}

function monthStart(value: string | undefined): Date | null {
  if (!value) return null;
  return new Date(`${value.length === 7 ? `${value}-01` : value}T00:00:00.000Z`);
}

async function resolveRefs(db: Db, input: Pick<TObservation, "domain" | "technique" | "actor">) {
  const technique = await resolveTechnique(db, input.domain, input.technique);
  if (!technique) {
    throw new AppError(
      "VALIDATION",
      `Unknown technique "${input.technique}" in ${input.domain}: search the catalog for its ATT&CK ID (e.g. T1059.001).`,
      [{ path: "technique", message: "Unknown technique" }],
    );
  }
  if (technique.deprecated) {
    throw new AppError(
      "VALIDATION",
      `${technique.attackId} (${technique.name}) is deprecated in ATT&CK: pick the technique that replaced it.`,
      [{ path: "technique", message: "Deprecated technique" }],
    );
  }
  let actorStixId: string | null = null;
  if ("id" in input.actor) {
    const actor = await resolveActor(db, input.domain, input.actor.id);
    if (!actor) {
      throw new AppError(
        "VALIDATION",
        `Unknown group, software or campaign "${input.actor.id}" in ${input.domain}: use its ATT&CK ID (e.g. G0016) or propose a new actor.`,
        [{ path: "actor.id", message: "Unknown actor" }],
      );
    }
    actorStixId = actor.stixId;
  }
  return { technique, actorStixId };
}

export async function createObservation(
  actor: Actor,
  raw: TObservationInput | unknown,
  db: Db,
): Promise<CreatedObservation> {
  assertCan(actor, "observation:create");
  const parsed = ZObservationInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The observation");
  const input = parsed.data;
  const { technique, actorStixId } = await resolveRefs(db, input);
  const scrubbed = scrub(input.procedure, { keep: input.keep, redact: input.redact });
  const proposed =
    "proposed" in input.actor
      ? {
          ...input.actor.proposed,
          description: scrub(input.actor.proposed.description, { keep: input.keep, redact: input.redact }).text,
        }
      : null;
  const status = input.draft ? "DRAFT" : "SUBMITTED";
  const now = new Date();

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
        procedure: scrubbed.text,
        references: input.references,
        observedFrom: monthStart(input.observedFrom),
        observedTo: monthStart(input.observedTo),
        platforms: input.platforms,
        sector: input.sector ?? null,
        country: input.country ?? null,
        region: input.region ?? null,
        tlp: input.tlp,
        credit: input.credit,
        submittedAt: status === "SUBMITTED" ? now : null,
      },
    });
    const withId = await tx.observation.update({
      where: { id: created.id },
      data: { publicId: publicIdOf(created.id) },
    });
    await recordRevision(tx, withId, actor.id, "created");
    await recordAudit(tx, {
      actorId: actor.id,
      action: status === "DRAFT" ? "observation.draft" : "observation.submit",
      subjectType: "Observation",
      subjectId: withId.publicId,
      data: { technique: withId.techniqueAttackId, findings: scrubbed.findings.length },
    });
    return withId;
  });
  return { observation: toObservationView(row), findings: scrubbed.findings };
}

/** The observation if the actor may see it; NOT_FOUND otherwise, so ids of others' work do not leak. */
export async function findObservationRow(actor: Actor, publicId: string, db: Db) {
  parsePublicId(publicId);
  assertCan(actor, "observation:read-own");
  const row = await db.observation.findUnique({ where: { publicId: publicId.toUpperCase() } });
  if (!row || (row.contributorId !== actor.id && !can(actor, "observation:read-any"))) {
    throw new AppError("NOT_FOUND", `No observation ${publicId} that you can see.`);
  }
  return row;
}

export async function getObservation(actor: Actor, publicId: string, db: Db): Promise<ObservationView> {
  return toObservationView(await findObservationRow(actor, publicId, db));
}

export async function listMyObservations(actor: Actor, db: Db): Promise<ObservationView[]> {
  assertCan(actor, "observation:read-own");
  const rows = await db.observation.findMany({
    where: { contributorId: actor.id },
    orderBy: { id: "desc" },
    take: 200,
  });
  return rows.map(toObservationView);
}

const OWNER_EDITABLE = new Set(["DRAFT", "NEEDS_INFO"]);
const REVIEWER_EDITABLE = new Set(["SUBMITTED", "IN_REVIEW", "NEEDS_INFO"]);

/** Whether this actor may edit the observation in its current state (the edit form shows when true). */
export function canEditObservation(actor: Actor, row: { status: string; contributorId: string }): boolean {
  return (
    (can(actor, "observation:edit-any") && REVIEWER_EDITABLE.has(row.status)) ||
    (row.contributorId === actor.id && OWNER_EDITABLE.has(row.status))
  );
}

export async function editObservation(actor: Actor, publicId: string, raw: TObservationEdit | unknown, db: Db) {
  const parsed = ZObservationEdit.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The edit");
  const edit = parsed.data;
  const current = await findObservationRow(actor, publicId, db);
  if (!canEditObservation(actor, current)) {
    throw new AppError("INVALID_STATE", `${current.publicId} is ${current.status} and cannot be edited by you now.`);
  }
  const data: Record<string, unknown> = {};
  if (edit.procedure !== undefined)
    data.procedure = scrub(edit.procedure, { keep: edit.keep, redact: edit.redact }).text;
  if (edit.references !== undefined) data.references = edit.references;
  if (edit.technique !== undefined) {
    const technique = await resolveTechnique(db, current.domain, edit.technique);
    if (!technique)
      throw new AppError("VALIDATION", `Unknown technique "${edit.technique}" in ${current.domain}.`, [
        { path: "technique", message: "Unknown technique" },
      ]);
    data.techniqueStixId = technique.stixId;
    data.techniqueAttackId = technique.attackId ?? edit.technique;
  }
  const row = await db.$transaction(async (tx) => {
    const { count } = await tx.observation.updateMany({
      where: { id: current.id, version: edit.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw await staleVersion(tx as unknown as Db, current.id, edit.version);
    const updated = await tx.observation.findUniqueOrThrow({ where: { id: current.id } });
    await recordRevision(tx, updated, actor.id, edit.reason ?? "edited");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "observation.edit",
      subjectType: "Observation",
      subjectId: updated.publicId,
      data: { version: updated.version, fields: Object.keys(data) },
    });
    return updated;
  });
  return toObservationView(row);
}

/** The 409 for a write that carried an old version: it says what the current state is. */
export async function staleVersion(db: Db, id: number, sawVersion: number): Promise<AppError> {
  const now = await db.observation.findUniqueOrThrow({ where: { id } });
  return new AppError(
    "CONFLICT",
    `${now.publicId} changed since you loaded it (you saw version ${sawVersion}, it is now version ${now.version}, ${now.status}). Reload and apply your change again.`,
    undefined,
    { current: toObservationView(now) },
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
  if (!row || !PUBLIC_STATUSES.has(row.status) || row.tlp !== "CLEAR") {
    throw new AppError("NOT_FOUND", `No public record ${publicId}.`);
  }
  const view = toObservationView(row);
  const names = await catalogNames(db, [row.techniqueStixId, row.actorStixId]);
  const technique = names.get(row.techniqueStixId);
  return {
    id: view.id,
    status: view.status,
    technique: technique ? `${technique.attackId ?? row.techniqueAttackId} ${technique.name}` : row.techniqueAttackId,
    actor: actorNameOf(row, names, { withAttackId: true }),
    procedure: view.procedure,
    observedFrom: view.observedFrom,
    observedTo: view.observedTo,
    victimology: view.victimology,
    acceptedAt: view.decidedAt,
  };
}
