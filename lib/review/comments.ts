// Comments on demand (issue 9 item 4, DESIGN §4): the conversation on an observation. Reviewers and
// admins write SHARED comments (the contributor reads them and is e-mailed) or INTERNAL notes (reviewers
// only: never shown, listed or mailed to the contributor). The contributor writes SHARED comments on their
// own work; while a reviewer's question is open (NEEDS_INFO) their comment is the answer (./reply).
import type { Actor } from "../auth/permissions";
import { recordAudit } from "../audit";
import type { Db, Tx } from "../db/client";
import { appUrl } from "../env";
import { AppError, validationError } from "../errors";
import { enqueueMail, kickMail } from "../mail";
import { findObservationRow } from "../observations/service";
import { scrubbedCommentText } from "./comment-text";
import { ZAddCommentInput, type CommentVisibility, type TAddCommentInput } from "./comments-schema";
import { hitRateLimit } from "../rate-limit";
import { replyToQuestion } from "./reply";

export interface CommentView {
  author: string;
  /** Whether the author is the observation's contributor or one of the reviewers. */
  role: "contributor" | "reviewer";
  body: string;
  visibility: CommentVisibility;
  createdAt: string;
}

interface Subject {
  id: number;
  contributorId: string;
}

/** The visibilities this actor may read on this observation: the contributor never reads INTERNAL ones. */
function readable(actor: Actor, row: Subject): CommentVisibility[] {
  // findObservationRow admits only the contributor and those with observation:read-any.
  return row.contributorId === actor.id ? ["SHARED"] : ["SHARED", "INTERNAL"];
}

/** The visibilities this actor may write here (for the comment box): none on a draft, never INTERNAL on one's own. */
export function writableVisibilities(actor: Actor, row: Subject & { status: string }): CommentVisibility[] {
  if (row.contributorId !== actor.id) return ["SHARED", "INTERNAL"];
  return row.status === "DRAFT" ? [] : ["SHARED"];
}

/** The comments this actor may read, oldest first. The one home of the rule (the detail pages use it too). */
export async function commentsFor(actor: Actor, row: Subject, db: Db): Promise<CommentView[]> {
  const rows = await db.comment.findMany({
    where: { observationId: row.id, visibility: { in: readable(actor, row) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { author: { select: { email: true } } },
  });
  return rows.map((c) => ({
    author: c.author.email,
    role: c.authorId === row.contributorId ? "contributor" : "reviewer",
    body: c.body,
    visibility: c.visibility,
    createdAt: c.createdAt.toISOString(),
  }));
}

/** `GET /observations/:id/comments`: what this actor may read of the conversation (404 if not the observation). */
export async function listComments(actor: Actor, publicId: string, db: Db): Promise<CommentView[]> {
  return commentsFor(actor, await findObservationRow(actor, publicId, db), db);
}

export async function addComment(actor: Actor, publicId: string, raw: TAddCommentInput | unknown, db: Db) {
  const parsed = ZAddCommentInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The comment");
  const input = parsed.data;
  const row = await findObservationRow(actor, publicId, db);
  await hitRateLimit(db, "comment-user", actor.id);
  const own = row.contributorId === actor.id;
  if (own && input.visibility === "INTERNAL") {
    throw new AppError(
      "FORBIDDEN",
      `Internal notes are for reviewers only: write a SHARED comment on your observation ${row.publicId} (leave visibility out).`,
    );
  }
  if (own && row.status === "DRAFT") {
    throw new AppError(
      "INVALID_STATE",
      `${row.publicId} is a draft: no reviewer reads it yet. Submit it first, or put the note in the text.`,
    );
  }
  if (own && row.status === "NEEDS_INFO") {
    // The open question's answer: same flow as before (back to the queue, "answered", the assignee mailed).
    const { body, keep, redact } = input;
    const result = await replyToQuestion(
      actor,
      publicId,
      { body, keep, redact, version: input.version ?? row.version },
      db,
    );
    return { ...result, comment: (await commentsFor(actor, row, db)).at(-1)! };
  }

  const body = scrubbedCommentText(input.body, input, "body");
  const created = await db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { observationId: row.id, authorId: actor.id, body, visibility: input.visibility },
    });
    // The body stays out of the audit log: the comment itself is the record (and the purge rewrites it).
    await recordAudit(tx, {
      actorId: actor.id,
      action: "observation.comment",
      subjectType: "Observation",
      subjectId: row.publicId,
      data: { visibility: input.visibility, by: own ? "contributor" : "reviewer" },
    });
    if (input.visibility === "SHARED") await notify(tx, own, row, body);
    return comment;
  });
  if (input.visibility === "SHARED") kickMail(db);
  const comment: CommentView = {
    author: actor.email,
    role: own ? "contributor" : "reviewer",
    body,
    visibility: input.visibility,
    createdAt: created.createdAt.toISOString(),
  };
  return { id: row.publicId, status: row.status, version: row.version, comment };
}

/** A shared comment reaches the other side: the contributor, or the reviewer who claimed it (if anyone has). Queued
 * with the comment, in its transaction. */
async function notify(
  tx: Tx,
  own: boolean,
  row: { publicId: string; contributorId: string; assigneeId: string | null },
  body: string,
) {
  const recipientId = own ? row.assigneeId : row.contributorId;
  if (!recipientId) return;
  const recipient = await tx.user.findUnique({ where: { id: recipientId } });
  if (!recipient) return;
  await enqueueMail(tx, "comment", recipient.email, {
    publicId: row.publicId,
    from: own ? "contributor" : "reviewer",
    body,
    url: `${appUrl()}/${own ? "queue" : "my"}/${row.publicId}`,
  });
}
