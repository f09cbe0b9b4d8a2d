// Comments on an observation. Today only the contributor's reply to a reviewer's question: a SHARED
// comment, scrubbed like every free text, through the `answer` transition (lib/review/transitions),
// which puts the observation back in the queue and mails the reviewer who asked.
import type { Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError, validationError } from "../errors";
import { findObservationRow } from "../observations/service";
import { ZCommentInput, type TCommentInput } from "../observations/schema";
import { transitionObservation } from "./workflow";

export async function replyToQuestion(actor: Actor, publicId: string, raw: TCommentInput | unknown, db: Db) {
  const parsed = ZCommentInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The reply");
  const row = await findObservationRow(actor, publicId, db);
  if (row.contributorId !== actor.id) {
    throw new AppError(
      "FORBIDDEN",
      `Only the contributor of ${row.publicId} can comment here (to answer a reviewer's question). Reviewers ask with the "ask" transition and decide with the others.`,
    );
  }
  if (row.status !== "NEEDS_INFO") {
    throw new AppError(
      "INVALID_STATE",
      `${row.publicId} is ${row.status}: you can reply only while a reviewer's question is open (NEEDS_INFO).`,
      undefined,
      { status: row.status },
    );
  }
  return transitionObservation(
    actor,
    publicId,
    {
      action: "answer",
      version: parsed.data.version,
      comment: parsed.data.body,
      keep: parsed.data.keep,
      redact: parsed.data.redact,
    },
    db,
  );
}
