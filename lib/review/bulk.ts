// Bulk assign / reject / mark-duplicate from the queue (README "Bulk actions"). All or nothing: every item goes
// through the single transition's checks and writes (transitionRow) inside ONE transaction; if any item is
// refused, the transaction rolls back and the error lists every refused item with its reason. Mails go after
// the commit: each decision mails its contributor as a single decision does; an assign mails the assignee once.
import { assertCan, type Actor } from "../auth/permissions";
import type { Db, Tx } from "../db/client";
import { AppError, isAppError, validationError, type ErrorCode } from "../errors";
import { findObservationRow } from "../observations/service";
import { ZBulkInput, type BulkActionName, type TBulkInput } from "./bulk-schema";
import { refusal, transitionRow, type TransitionDone, type TransitionInput } from "./workflow";
import { refreshDuplicateCounts } from "./duplicates-count";
import { notifyAssigned, notifyTransition } from "./workflow-mail";
import { kickMail } from "../mail";

export interface BulkRefusal {
  id: string;
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export async function bulkAction(actor: Actor, raw: TBulkInput | unknown, db: Db) {
  assertCan(actor, "observation:decide");
  const parsed = ZBulkInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The bulk action");
  const input = parsed.data;
  const ids = input.items.map((i) => i.id.toUpperCase());
  const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  if (repeated.length)
    throw new AppError("VALIDATION", `Each observation once: ${repeated.join(", ")} appear more than once.`, [
      { path: "items", message: `Repeated: ${repeated.join(", ")}` },
    ]);
  if (input.action === "duplicate" && input.duplicateOf && ids.includes(input.duplicateOf.toUpperCase()))
    throw new AppError(
      "VALIDATION",
      `${input.duplicateOf.toUpperCase()} is both selected and the original (duplicateOf): unselect it.`,
      [{ path: "duplicateOf", message: "The original cannot be one of the selected observations" }],
    );

  const done = await db.$transaction(
    async (tx) => {
      const written: TransitionDone[] = [];
      const refused: BulkRefusal[] = [];
      for (const [i, item] of input.items.entries()) {
        try {
          written.push(...(await bulkItem(tx, actor, input.action, ids[i], item.version, input)));
        } catch (error) {
          if (!isAppError(error)) throw error;
          refused.push({ id: ids[i], code: error.code, message: error.message, details: error.details });
        }
      }
      // Throwing rolls back what the accepted items wrote: nothing is half-done.
      if (refused.length) throw bulkRefused(refused, input.items.length);
      await queueBulkMail(tx, input.action, written); // with the decisions: never lost, never sent for a rollback
      return written;
    },
    // Up to 100 items, two transitions each: more than Prisma's 5 s default on a slow, shared database.
    { timeout: 60_000, maxWait: 15_000 },
  );

  await refreshDuplicateCounts(
    db,
    done.map((d) => d.row),
  ); // a reject or duplicate leaves CANDIDATE_STATUSES: the pairs' counts change
  kickMail(db);
  const decisions = done.filter((d) => d.action === input.action);
  return {
    action: input.action,
    items: decisions.map((d) => ({ id: d.row.publicId, status: d.row.status, version: d.row.version })),
  };
}

/** The batch's mails, in its transaction: one to the assignee for a bulk assign, else each decision's own. */
async function queueBulkMail(tx: Tx, action: BulkActionName, written: TransitionDone[]) {
  const decisions = written.filter((d) => d.action === action);
  if (!decisions.length) return;
  if (action === "assign") {
    await notifyAssigned(
      tx,
      decisions[0].assignee!,
      decisions.map((d) => d.row.publicId),
      decisions[0].comment,
    );
  } else {
    for (const d of decisions) await notifyTransition(tx, d);
  }
}

/**
 * One item: a reject or duplicate of a SUBMITTED observation claims it first (its own revision and audit event,
 * as a reviewer's claim would), so the history shows who took it; a claim of someone else's is refused as
 * the decision itself would be.
 */
async function bulkItem(
  tx: Tx,
  actor: Actor,
  action: BulkActionName,
  id: string,
  version: number,
  input: { reason: string } & Omit<TransitionInput, "action" | "version" | "comment">,
): Promise<TransitionDone[]> {
  const { reason, ...rest } = input;
  const decision: TransitionInput = { ...rest, action, version, comment: reason };
  if (action === "assign") return [await transitionRow(tx, actor, id, decision)];
  const row = await findObservationRow(actor, id, tx as unknown as Db);
  if (row.status !== "SUBMITTED" || row.version !== version) return [await transitionRow(tx, actor, id, decision)];
  const refused = refusal(actor, action, row);
  if (refused) throw refused;
  const claim = await transitionRow(tx, actor, id, { action: "claim", version, keep: [], redact: [] });
  return [claim, await transitionRow(tx, actor, id, { ...decision, version: claim.row.version })];
}

/** One error for the whole batch: the items' common code (else 409), and every refusal in details and issues. */
function bulkRefused(refused: BulkRefusal[], total: number): AppError {
  const codes = new Set(refused.map((r) => r.code));
  const code: ErrorCode = codes.size === 1 ? refused[0].code : "CONFLICT";
  return new AppError(
    code,
    `Nothing was changed: ${refused.length} of ${total} selected observations cannot be changed. ${refused
      .map((r) => r.message)
      .join(" ")}`,
    refused.map((r) => ({ path: r.id, message: r.message })),
    { refused },
  );
}
