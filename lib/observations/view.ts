// What leaves the service: only the fields a caller needs, never whole rows.
import type { ObservationStatus } from "../../prisma/sqlite/client";
import { qualifiedName, techniqueLabelOf, type TNameable } from "../attack/label";
import type { TObservation } from "./schema";

export type Reference = TObservation["references"][number];

export interface ObservationRow {
  id: number;
  publicId: string;
  status: ObservationStatus;
  version: number;
  domain: string;
  techniqueStixId: string;
  techniqueAttackId: string;
  actorKind: string;
  actorStixId: string | null;
  proposedActor: unknown;
  procedure: string;
  references: unknown;
  tlp: string;
  credit: string;
  sector: string | null;
  country: string | null;
  region: string | null;
  detectionType: string | null;
  detectionSource: string | null;
  privilegeLevel: string | null;
  confidence: string | null;
  observedFrom: Date | null;
  observedTo: Date | null;
  platforms: unknown;
  keptIndicators: unknown;
  contributorId: string;
  assigneeId: string | null;
  releaseId: string | null;
  duplicateOfId: number | null;
  createdAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
}

export function publicIdOf(id: number): string {
  return `OBS-${String(id).padStart(6, "0")}`;
}

export function toObservationView(row: ObservationRow) {
  return {
    id: row.publicId,
    status: row.status,
    version: row.version,
    domain: row.domain,
    technique: { id: row.techniqueAttackId, stixId: row.techniqueStixId },
    actor:
      row.actorKind === "EXISTING"
        ? { kind: "EXISTING" as const, stixId: row.actorStixId }
        : row.actorKind === "PROPOSED"
          ? { kind: "PROPOSED" as const, proposed: row.proposedActor }
          : { kind: "UNATTRIBUTED" as const },
    procedure: row.procedure,
    references: row.references as Reference[],
    tlp: row.tlp,
    credit: row.credit,
    victimology: { sector: row.sector, country: row.country, region: row.region },
    observedFrom: row.observedFrom?.toISOString().slice(0, 10) ?? null,
    observedTo: row.observedTo?.toISOString().slice(0, 10) ?? null,
    platforms: row.platforms as string[],
    detectionType: row.detectionType,
    detectionSource: row.detectionSource,
    privilegeLevel: row.privilegeLevel,
    confidence: row.confidence,
    /** Public attacker infrastructure the contributor (or an editor) chose to keep: public by definition. */
    keptIndicators: keptIndicatorsOf(row),
    createdAt: row.createdAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}
export type ObservationView = ReturnType<typeof toObservationView>;

function keptIndicatorsOf(row: Pick<ObservationRow, "keptIndicators">): string[] {
  return Array.isArray(row.keptIndicators) ? row.keptIndicators.filter((v) => typeof v === "string") : [];
}

/** The fields a Revision snapshots: everything an editor can change, as it stood after the change. */
export function snapshotOf(row: ObservationRow): Record<string, unknown> {
  const view = toObservationView(row);
  return {
    status: view.status,
    technique: view.technique,
    actor: view.actor,
    procedure: view.procedure,
    references: view.references,
    keptIndicators: view.keptIndicators,
    tlp: view.tlp,
    credit: view.credit,
    victimology: view.victimology,
    observedFrom: view.observedFrom,
    observedTo: view.observedTo,
    platforms: view.platforms,
    detectionType: view.detectionType,
    detectionSource: view.detectionSource,
    privilegeLevel: view.privilegeLevel,
    confidence: view.confidence,
  };
}

export interface TechniqueNaming {
  /** "Command and Scripting Interpreter: PowerShell" (or the stored ATT&CK ID when the catalog lost it). */
  techniqueName: string;
  /** "T1059.001 Command and Scripting Interpreter: PowerShell": what lists and pages show (lib/attack/label). */
  techniqueLabel: string;
}

/** An observation's technique as lists and pages name it, from its catalog entry (catalogNames). */
export function techniqueNaming(found: TNameable | undefined, storedAttackId: string): TechniqueNaming {
  return {
    techniqueName: found ? qualifiedName(found) : storedAttackId,
    techniqueLabel: techniqueLabelOf(found, storedAttackId),
  };
}

/** How an observation's actor reads in lists and pages: its catalog name, "X (proposed)" or "unattributed". */
export function actorNameOf(
  row: Pick<ObservationRow, "actorKind" | "actorStixId" | "proposedActor">,
  names: Map<string, { name: string; attackId: string | null }>,
  options: { withAttackId?: boolean } = {},
): string {
  if (row.actorStixId) {
    const hit = names.get(row.actorStixId);
    if (!hit) return row.actorStixId;
    return options.withAttackId && hit.attackId ? `${hit.attackId} ${hit.name}` : hit.name;
  }
  if (row.actorKind === "PROPOSED")
    return `${(row.proposedActor as { name?: string } | null)?.name ?? "new actor"} (proposed)`;
  return "unattributed";
}
