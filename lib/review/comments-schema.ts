// The input of a comment on demand (issue 9 item 4) and its visibilities. Pure (zod only): the
// conversation box imports the list and the labels too.
import { z } from "zod";
import { DESCRIPTION_MAX, trimmed, ZCommentInput } from "../observations/schema";

/** SHARED: the contributor reads it and is e-mailed. INTERNAL: reviewers and admins only, never mailed. */
export const COMMENT_VISIBILITIES = ["SHARED", "INTERNAL"] as const;
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

export const VISIBILITY_LABELS: Record<CommentVisibility, string> = {
  SHARED: "Shared with the contributor (e-mailed)",
  INTERNAL: "Internal note (reviewers only)",
};

/**
 * `POST /observations/:id/comments`. The contributor's reply to a question keeps its shape (`{body, version}`):
 * in NEEDS_INFO their comment is the answer. `version` is only checked there (a comment changes no field).
 */
export const ZAddCommentInput = ZCommentInput.extend({
  body: trimmed(DESCRIPTION_MAX).refine((s) => s.length > 0, "Write the comment: it is empty."),
  visibility: z.enum(COMMENT_VISIBILITIES, { error: "visibility is SHARED or INTERNAL." }).default("SHARED"),
  version: ZCommentInput.shape.version.optional(),
});
export type TAddCommentInput = z.input<typeof ZAddCommentInput>;
