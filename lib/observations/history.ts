import type { Tx } from "../db/client";
import { snapshotOf, type ObservationRow } from "./view";

/** The revision for a change: call it inside the change's transaction, with the row as it now stands. */
export async function recordRevision(tx: Tx, row: ObservationRow, editorId: string, reason: string): Promise<void> {
  await tx.revision.create({
    data: { observationId: row.id, version: row.version, editorId, snapshot: snapshotOf(row) as object, reason },
  });
}
