// The purge request: one schema for the form, the route and the service. Pure, so client code may import it.
import { z } from "zod";
import { INVALID_CHARACTER, isWellFormed, REASON_MAX, trimmed } from "./schema";

export const PURGE_VALUE_MIN = 2;
export const PURGE_VALUE_MAX = 200;

export const ZPurgeInput = z.object({
  value: z
    .string()
    .refine(isWellFormed, INVALID_CHARACTER)
    .trim()
    .min(PURGE_VALUE_MIN, `Give the leaked value: at least ${PURGE_VALUE_MIN} characters.`)
    .max(PURGE_VALUE_MAX, `At most ${PURGE_VALUE_MAX} characters: purge one value at a time.`),
  version: z.number().int().positive(),
  reason: trimmed(REASON_MAX).optional(),
});
export type TPurgeInput = z.input<typeof ZPurgeInput>;

/** What a purge replaced, per place: fields of the current text, and rows (or outbox files) elsewhere. */
export interface PurgeCounts {
  observation: number;
  revisions: number;
  comments: number;
  auditEvents: number;
  mails: number;
}
