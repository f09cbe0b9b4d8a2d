// The mails a transition causes (lib/review/workflow.ts, ./bulk): queued in the transition's own transaction
// (lib/mail enqueueMail), so a committed decision always has its mail and a rolled-back one has none. The mail
// worker sends them after the commit (the caller kicks it), retrying while the mail server is down.
import type { ObservationStatus } from "../../prisma/sqlite/client";
import { catalogNames } from "../attack/catalog";
import { techniqueLabelOf } from "../attack/label";
import type { Tx } from "../db/client";
import { appUrl } from "../env";
import { enqueueMail } from "../mail";
import { queueReceipt } from "../observations/receipt";
import type { TransitionAction } from "../observations/schema";
import type { Assignee } from "./assignees";
import { TRANSITIONS } from "./transitions";
import type { TransitionDone } from "./workflow";

/** The mails of a transition, in its transaction: the contributor's (decision, question, receipt) and the assignee's. */
export async function notifyTransition(tx: Tx, done: TransitionDone) {
  await notifyContributor(tx, done.action, done.row, done.comment);
  await notifyAssignee(tx, done.action, done.row, done.comment);
  if (done.assignee) await notifyAssigned(tx, done.assignee, [done.row.publicId], done.comment);
}

/** One mail to the reviewer now holding these observations (a bulk assign sends one for the batch). */
export async function notifyAssigned(tx: Tx, assignee: Assignee, publicIds: string[], reason?: string) {
  await enqueueMail(tx, "assigned", assignee.email, {
    items: publicIds.map((publicId) => ({ publicId, reviewUrl: `${appUrl()}/queue/${publicId}` })),
    reason,
  });
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
async function notifyAssignee(tx: Tx, action: TransitionAction, row: MailedRow, comment?: string) {
  if (TRANSITIONS[action].mailAssignee !== "answered" || !row.assigneeId) return;
  const reviewer = await tx.user.findUnique({ where: { id: row.assigneeId } });
  if (!reviewer) return;
  await enqueueMail(tx, "answered", reviewer.email, {
    publicId: row.publicId,
    answer: comment ?? "",
    reviewUrl: `${appUrl()}/queue/${row.publicId}`,
  });
}

async function notifyContributor(tx: Tx, action: TransitionAction, row: MailedRow, comment?: string) {
  const mail = TRANSITIONS[action].mail;
  if (!mail) return;
  if (mail === "receipt") return queueReceipt(tx, row);
  // Only the observation's own contributor is mailed: they may always see their own work, whatever its TLP.
  const contributor = await tx.user.findUnique({ where: { id: row.contributorId } });
  if (!contributor) return;
  const observationUrl = `${appUrl()}/my/${row.publicId}`;
  if (mail === "needs-info") {
    await enqueueMail(tx, "needs-info", contributor.email, {
      publicId: row.publicId,
      question: comment ?? "",
      observationUrl,
    });
  } else {
    await enqueueMail(tx, "decision", contributor.email, {
      publicId: row.publicId,
      status: row.status as "ACCEPTED" | "REJECTED" | "DUPLICATE",
      techniqueLabel: techniqueLabelOf(
        (await catalogNames(tx, [row.techniqueStixId])).get(row.techniqueStixId),
        row.techniqueAttackId,
      ),
      comment,
      observationUrl,
      tlp: row.tlp,
    });
  }
}
