// What the `duplicate` transition points at (lib/review/workflow.ts): another observation (duplicateOf, stored as
// Observation.duplicateOfId) or the ATT&CK procedure example it repeats (alreadyInAttack, a KnownProcedure's
// relationship id, kept in the decision's revision reason and audit event: no column needed).
import { AppError } from "../errors";
import type { Db } from "../db/client";

export interface DuplicateTarget {
  duplicateOfId: number | null;
  /** The original's public id, for the revision reason and the audit event. */
  duplicateOf: string | null;
  alreadyInAttack: string | null;
}

/** Resolves and checks the target named in a `duplicate` transition's input; a bad one is a 400 naming its field. */
export async function resolveDuplicateTarget(
  db: Db,
  current: { id: number; domain: string },
  input: { duplicateOf?: string; alreadyInAttack?: string },
): Promise<DuplicateTarget> {
  if (input.duplicateOf && input.alreadyInAttack) {
    throw new AppError(
      "VALIDATION",
      "Name either the observation this duplicates (duplicateOf) or the ATT&CK relationship it repeats (alreadyInAttack), not both.",
      [{ path: "alreadyInAttack", message: "Give duplicateOf or alreadyInAttack, not both" }],
    );
  }
  if (input.alreadyInAttack) {
    const stixId = input.alreadyInAttack.toLowerCase();
    const known = await db.knownProcedure.findUnique({
      where: { domain_stixId: { domain: current.domain, stixId } },
      select: { stixId: true },
    });
    if (!known)
      throw new AppError(
        "VALIDATION",
        `ATT&CK (${current.domain}) has no procedure example ${input.alreadyInAttack}: give the id of one of its "uses" relationships (relationship--…).`,
        [{ path: "alreadyInAttack", message: "Unknown relationship in this domain" }],
      );
    return { duplicateOfId: null, duplicateOf: null, alreadyInAttack: known.stixId };
  }
  if (!input.duplicateOf)
    throw new AppError(
      "VALIDATION",
      "Name the observation this duplicates (duplicateOf, e.g. OBS-000012), or the ATT&CK relationship it repeats (alreadyInAttack).",
      [{ path: "duplicateOf", message: "Required" }],
    );
  const original = await db.observation.findUnique({
    where: { publicId: input.duplicateOf.toUpperCase() },
    select: { id: true, publicId: true, status: true },
  });
  // A DRAFT is its contributor's alone: to anyone else it does not exist.
  if (!original || original.id === current.id || original.status === "DRAFT")
    throw new AppError("VALIDATION", `No other observation ${input.duplicateOf}.`, [
      { path: "duplicateOf", message: "Unknown observation" },
    ]);
  return { duplicateOfId: original.id, duplicateOf: original.publicId, alreadyInAttack: null };
}
