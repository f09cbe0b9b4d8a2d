// The receipt mailed when an observation is SUBMITTED (created as non-draft, or the submit transition).
// A mail failure never fails the submit: it is logged with addresses masked, for the operator.
import { catalogNames } from "../attack/catalog";
import { techniqueLabelOf } from "../attack/label";
import { maskEmails } from "../auth/email";
import type { Db } from "../db/client";
import { appUrl } from "../env";
import { sendMail } from "../mail";
import { tlpMeaning } from "./tlp";

export async function sendReceipt(
  db: Db,
  row: { publicId: string; contributorId: string; techniqueStixId: string; techniqueAttackId: string; tlp: string },
): Promise<void> {
  try {
    const contributor = await db.user.findUnique({ where: { id: row.contributorId } });
    if (!contributor) return;
    const technique = (await catalogNames(db, [row.techniqueStixId])).get(row.techniqueStixId);
    await sendMail("receipt", contributor.email, {
      publicId: row.publicId,
      techniqueLabel: techniqueLabelOf(technique, row.techniqueAttackId),
      tlp: row.tlp,
      tlpMeaning: tlpMeaning(row.tlp),
      observationUrl: `${appUrl()}/my/${row.publicId}`,
    });
  } catch (error) {
    console.error(`[mail] could not send the receipt for ${row.publicId}: ${maskEmails((error as Error).message)}`);
  }
}
