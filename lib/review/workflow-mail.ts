// The mails a committed transition sends (lib/review/workflow.ts, ./bulk): after the commit, never inside it; a
// failed send is logged, the change stands.
import type { ObservationStatus } from "../../prisma/sqlite/client";
import { catalogNames } from "../attack/catalog";
import { techniqueLabelOf } from "../attack/label";
import { maskEmails } from "../auth/email";
import type { Db } from "../db/client";
import { appUrl } from "../env";
import { sendMail } from "../mail";
import { sendReceipt } from "../observations/receipt";
import type { TransitionAction } from "../observations/schema";
import type { Assignee } from "./assignees";
import { TRANSITIONS } from "./transitions";
import type { TransitionDone } from "./workflow";

/** The mails of a committed transition: the contributor's (decision, question, receipt) and the assignee's. */
export async function notifyTransition(db: Db, done: TransitionDone) {
  await notifyContributor(db, done.action, done.row, done.comment);
  await notifyAssignee(db, done.action, done.row, done.comment);
  if (done.assignee) await notifyAssigned(done.assignee, [done.row.publicId], done.comment);
}

/** One mail to the reviewer now holding these observations (a bulk assign sends one for the batch). */
export async function notifyAssigned(assignee: Assignee, publicIds: string[], reason?: string) {
  try {
    await sendMail("assigned", assignee.email, {
      items: publicIds.map((publicId) => ({ publicId, reviewUrl: `${appUrl()}/queue/${publicId}` })),
      reason,
    });
  } catch (error) {
    // The assignment stands; the failure is logged (addresses masked) for the operator to fix.
    console.error(
      `[mail] could not notify the assignee of ${publicIds.join(", ")}: ${maskEmails((error as Error).message)}`,
    );
  }
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
