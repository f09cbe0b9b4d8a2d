// The receipt mailed when an observation is SUBMITTED (created as non-draft, or the submit transition): queued in
// the caller's transaction (lib/mail enqueueMail), so it exists exactly when the submission does; the mail worker
// sends it, retrying while the mail server is down.
import { catalogNames } from "../attack/catalog";
import { techniqueLabelOf, type TNameable } from "../attack/label";
import type { Tx } from "../db/client";
import { appUrl } from "../env";
import { enqueueMail } from "../mail";
import { tlpMeaning } from "./tlp";

/** What a caller may already know, so the receipt does not look it up again inside the transaction. */
export interface ReceiptKnown {
  /** The contributor's address: the caller has just read it (a submission by them). */
  email?: string;
  /** The technique's catalog entry (null: the catalog no longer has it), as catalogNames gives it. */
  technique?: TNameable | null;
}

export async function queueReceipt(
  tx: Tx,
  row: { publicId: string; contributorId: string; techniqueStixId: string; techniqueAttackId: string; tlp: string },
  known: ReceiptKnown = {},
): Promise<void> {
  const to =
    known.email ?? (await tx.user.findUnique({ where: { id: row.contributorId }, select: { email: true } }))?.email;
  if (!to) return;
  const technique =
    known.technique !== undefined
      ? (known.technique ?? undefined)
      : (await catalogNames(tx, [row.techniqueStixId])).get(row.techniqueStixId);
  await enqueueMail(tx, "receipt", to, {
    publicId: row.publicId,
    techniqueLabel: techniqueLabelOf(technique, row.techniqueAttackId),
    tlp: row.tlp,
    tlpMeaning: tlpMeaning(row.tlp),
    observationUrl: `${appUrl()}/my/${row.publicId}`,
  });
}
