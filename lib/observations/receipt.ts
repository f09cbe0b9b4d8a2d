// The receipt mailed when an observation is SUBMITTED (created as non-draft, or the submit transition): queued in
// the caller's transaction (lib/mail enqueueMail), so it exists exactly when the submission does; the mail worker
// sends it, retrying while the mail server is down.
import { catalogNames } from "../attack/catalog";
import { techniqueLabelOf } from "../attack/label";
import type { Tx } from "../db/client";
import { appUrl } from "../env";
import { enqueueMail } from "../mail";
import { tlpMeaning } from "./tlp";

/** `contributorEmail`: the address when the caller has just read the contributor (a submission by them). */
export async function queueReceipt(
  tx: Tx,
  row: { publicId: string; contributorId: string; techniqueStixId: string; techniqueAttackId: string; tlp: string },
  contributorEmail?: string,
): Promise<void> {
  const to =
    contributorEmail ??
    (await tx.user.findUnique({ where: { id: row.contributorId }, select: { email: true } }))?.email;
  if (!to) return;
  const technique = (await catalogNames(tx, [row.techniqueStixId])).get(row.techniqueStixId);
  await enqueueMail(tx, "receipt", to, {
    publicId: row.publicId,
    techniqueLabel: techniqueLabelOf(technique, row.techniqueAttackId),
    tlp: row.tlp,
    tlpMeaning: tlpMeaning(row.tlp),
    observationUrl: `${appUrl()}/my/${row.publicId}`,
  });
}
