// The submit form's autosaved draft (lib/observations/drafts.ts). A draft is incomplete by nature, so every field of
// ZObservationInput is optional and the "must be there / at least N characters" minimums are dropped; the upper
// limits and the well-formed text checks stay the same. Derived from the full schema's shape: a field added there is
// accepted here too (optional, with its own checks). Pure: the form imports it as well.
import { z } from "zod";
import { publicUrlProblem } from "../anonymize/internal";
import {
  DESCRIPTION_MAX,
  NAME_MAX,
  PROCEDURE_MAX,
  PUBLIC_URL_ONLY,
  REFERENCES_MAX,
  ZObservationInput,
  ZProposedActor,
  ZReference,
  trimmed,
} from "./schema";

// An ATT&CK ID or a STIX id, as the catalog pickers set them, or "" while nothing is picked. It is stored as is (it
// is not free text), so anything else, say an e-mail pasted into the wrong field, is refused rather than stored raw.
const ATTACK_REF = /^(?:(?:TA|T|G|S|C)\d{4}(?:\.\d{3})?|[a-z][a-z0-9-]*--[0-9a-f-]{36})$/i;
export const ATTACK_REF_MESSAGE = "Pick it from the list: an ATT&CK ID such as T1059.001 or G0016.";
const attackRef = z
  .string()
  .trim()
  .refine((v) => v === "" || ATTACK_REF.test(v), ATTACK_REF_MESSAGE);

export const ZDraftReference = z
  .object({
    sourceName: trimmed(NAME_MAX).default(""),
    url: ZReference.shape.url,
    description: trimmed(DESCRIPTION_MAX).default(""),
    public: ZReference.shape.public,
  })
  // The submission's URL rule (lib/observations/schema ZReference), because a draft reference is stored the same
  // way: a non-public one is anonymized, and a URL cannot be (it names a host), so it is refused, not stored raw.
  .superRefine((ref, ctx) => {
    if (!ref.url) return;
    const problem = ref.public ? publicUrlProblem(ref.url) : PUBLIC_URL_ONLY;
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["url"] });
  });

export const ZDraftActor = z.union([
  z.object({ id: attackRef }).strict(),
  z
    .object({
      proposed: z.object({
        type: ZProposedActor.shape.type.optional(),
        name: trimmed(NAME_MAX).default(""),
        aliases: z.array(trimmed(NAME_MAX)).max(20).default([]),
        description: trimmed(DESCRIPTION_MAX).default(""),
      }),
    })
    .strict(),
  z.object({ unattributed: z.literal(true) }).strict(),
]);

// `draft` (create a DRAFT observation) means nothing for the form's autosave.
const { draft: _notAFormField, ...shape } = ZObservationInput.shape;

export const ZDraftInput = z
  .object(shape)
  .extend({
    technique: attackRef,
    actor: ZDraftActor,
    procedure: trimmed(PROCEDURE_MAX),
    references: z.array(ZDraftReference).max(REFERENCES_MAX),
  })
  .partial()
  .strict();

export type TDraftInput = z.input<typeof ZDraftInput>;
export type TDraftFields = z.output<typeof ZDraftInput>;
/** What is stored and given back: the fields after the anonymizer, without the "also replace" terms. */
export type TDraftData = Omit<TDraftFields, "redact">;
