// The bulk actions' input (POST /api/v1/queue/bulk, the queue page's bulk bar). Pure: the page imports the
// limits and the action list. The fields a single transition has too are taken from its schema.
import { z } from "zod";
import { DESCRIPTION_MAX, ZTransitionInput, trimmed } from "../observations/schema";

export const BULK_ACTIONS = ["assign", "reject", "duplicate"] as const;
export type BulkActionName = (typeof BULK_ACTIONS)[number];

/** At most this many observations per bulk action (one transaction holds them all). */
export const BULK_MAX = 100;

const t = ZTransitionInput.shape;

export const ZBulkInput = z
  .object({
    action: z.enum(BULK_ACTIONS, { error: `Choose an action: ${BULK_ACTIONS.join(", ")}.` }),
    items: z
      .array(z.object({ id: trimmed(40), version: t.version }).strict())
      .min(1, "Select at least one observation.")
      .max(BULK_MAX, `At most ${BULK_MAX} observations at once: split the selection.`),
    // Missing and empty get the same message (the default lets the refinement say it).
    reason: trimmed(DESCRIPTION_MAX)
      .default("")
      .refine((s) => s.length > 0, "Say why (reason): it is required for every bulk action."),
    assignee: t.assignee,
    duplicateOf: t.duplicateOf,
    alreadyInAttack: t.alreadyInAttack,
    keep: t.keep,
    redact: t.redact,
  })
  .strict();
export type TBulkInput = z.input<typeof ZBulkInput>;
