// The observation schema: one definition drives the submit form (zodResolver), the API route and
// the service's own validation. Narrower schemas derive from these with pick/extend.
import { z } from "zod";
import { isWellFormedText } from "../http/well-formed";
import { publicUrlProblem } from "../anonymize/internal";
import { unresolvedCitations } from "../attack/citations";
import { ATTACK_DOMAINS } from "../attack/parse";
import { FUTURE_DATE, OBSERVED_FORMAT, REVERSED_DATES, isCalendarDate, isFutureDate } from "./dates";
import { isCountryCode, naicsSector } from "./victimology";

// This module also runs in the browser, under a CSP without 'unsafe-eval' (lib/http/headers.ts): zod must
// neither probe for nor use `new Function` (each probe is reported as a CSP violation). Set before any schema.
z.config({ jitless: true });

// The ATT&CK domains the catalog knows; one list, owned by the catalog.
export { ATTACK_DOMAINS as DOMAINS } from "../attack/parse";
export const TLP_LEVELS = ["CLEAR", "GREEN", "AMBER"] as const;
export const CREDIT_MODES = ["named", "organization", "anonymous"] as const;
export const ACTOR_TYPES = ["intrusion-set", "malware", "tool", "campaign"] as const;
// Regional Internet Registries: the coarse region used instead of a country.
export const REGIONS = ["AFRINIC", "APNIC", "ARIN", "LACNIC", "RIPE NCC"] as const;
// Where the activity was detected and who confirmed it (the CTID Sightings schema's detection buckets).
export const DETECTION_TYPES = ["host", "network", "cloud"] as const;
export const DETECTION_SOURCES = ["human-validated", "automated"] as const;
// The privilege the adversary held. ATT&CK's x_mitre_permissions_required used "User", "Administrator",
// "SYSTEM" and "root": SYSTEM and root are one level here (the operating system's own account).
export const PRIVILEGE_LEVELS = ["user", "administrator", "system", "unknown"] as const;
export const CONFIDENCE_LEVELS = ["low", "medium", "high"] as const;
/** How each value reads in the form and on the observation's pages. */
export const FIELD_LABELS: Record<string, string> = {
  host: "Host",
  network: "Network",
  cloud: "Cloud",
  "human-validated": "Human-validated",
  automated: "Automated",
  user: "User",
  administrator: "Administrator",
  system: "SYSTEM / root",
  unknown: "Unknown",
  low: "Low",
  medium: "Medium",
  high: "High",
};

export const PROCEDURE_MIN = 20;
export const PROCEDURE_MAX = 5_000;
export const REFERENCES_MAX = 20;
export const TERMS_MAX = 200;
export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 2_000;
export const PLATFORM_MAX = 60;
export const PLATFORMS_MAX = 20;
export const ALIASES_MAX = 20;
export const TERMS_COUNT_MAX = 100;
export const REASON_MAX = 500;
export const URL_MAX = 2_000;

// A lone UTF-16 surrogate (half of an emoji, `\ud800`) is not text: PostgreSQL refuses it and it would break
// every export. One rule for the API's body reader and these schemas (lib/http/well-formed).
export const isWellFormed = isWellFormedText;
export const INVALID_CHARACTER =
  "Contains an invalid character (half of an emoji or symbol, a lone UTF-16 surrogate, or a NUL character): retype this field without it.";

/** Every free-text string of these schemas: well-formed, trimmed, bounded. */
export const trimmed = (max: number) =>
  z.string().refine(isWellFormed, INVALID_CHARACTER).trim().max(max, `At most ${max} characters.`);

/** Values the anonymizer must keep (public attacker infrastructure) or also replace (names): one per entry. */
export const ZTerms = z
  .array(trimmed(TERMS_MAX).min(1, "Remove the empty line."))
  .max(TERMS_COUNT_MAX, `At most ${TERMS_COUNT_MAX} terms.`);

export const PUBLIC_URL_ONLY =
  "A URL is kept only for a public report: tick 'public report' (send \"public\": true) or remove the URL.";

// A public reference (a published report) is stored exactly as written; any other is anonymized like the
// procedure, and so cannot carry a URL: every URL names a host, and a scrubbed one would be a broken link.
export const ZReference = z
  .object({
    sourceName: trimmed(NAME_MAX).min(2, "Name the source (e.g. the report's publisher and year)."),
    url: z
      .union([
        z.literal(""),
        z
          .url({ protocol: /^https?$/, message: "Use a full http(s):// address." })
          .refine(isWellFormed, INVALID_CHARACTER)
          .max(URL_MAX, `At most ${URL_MAX} characters.`),
      ])
      .optional()
      .transform((v) => v || undefined),
    description: trimmed(DESCRIPTION_MAX).min(5, "Give the citation (author, title, date)."),
    public: z.boolean().default(false),
  })
  .superRefine((ref, ctx) => {
    if (!ref.url) return;
    const problem = ref.public ? publicUrlProblem(ref.url) : PUBLIC_URL_ONLY;
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["url"] });
  });

export const ZProposedActor = z.object({
  type: z.enum(ACTOR_TYPES),
  name: trimmed(NAME_MAX).min(2, "Name the new actor."),
  aliases: z
    .array(trimmed(NAME_MAX).min(1, "Remove the empty alias."))
    .max(ALIASES_MAX, `At most ${ALIASES_MAX} aliases.`)
    .default([]),
  description: trimmed(DESCRIPTION_MAX).min(10, "Describe the new actor in a sentence or two."),
});

export const ZActor = z.union([
  z.object({ id: trimmed(120).min(1, "Pick a group, software or campaign.") }).strict(),
  z.object({ proposed: ZProposedActor }).strict(),
  z.object({ unattributed: z.literal(true) }).strict(),
]);

const month = z
  .string()
  .refine(isWellFormed, INVALID_CHARACTER)
  .regex(OBSERVED_FORMAT, "Use YYYY-MM or YYYY-MM-DD.")
  .refine(isCalendarDate, "No such month or day in the calendar.")
  .refine((v) => !isFutureDate(v), FUTURE_DATE)
  .optional();

export const ZObservationInput = z
  .object({
    domain: z.enum(ATTACK_DOMAINS).default("enterprise-attack"),
    technique: trimmed(120).min(1, "Pick a technique (e.g. T1059.001)."),
    actor: ZActor,
    procedure: trimmed(PROCEDURE_MAX).min(
      PROCEDURE_MIN,
      `Describe what was seen in at least ${PROCEDURE_MIN} characters.`,
    ),
    references: z
      .array(ZReference)
      .min(1, "Add at least one reference.")
      .max(REFERENCES_MAX, `At most ${REFERENCES_MAX} references.`),
    tlp: z.enum(TLP_LEVELS).default("CLEAR"),
    credit: z.enum(CREDIT_MODES).default("anonymous"),
    observedFrom: month,
    observedTo: month,
    // The domain's vocabulary (lib/attack/catalog platformVocabulary) is checked by the service: it needs the catalog.
    platforms: z
      .array(trimmed(PLATFORM_MAX).min(1, "Remove the empty platform."))
      .max(PLATFORMS_MAX, `At most ${PLATFORMS_MAX} platforms.`)
      .default([]),
    // Any code of a NAICS range (31-33, 44-45, 48-49) is stored as the range's first code (lib/observations/victimology).
    sector: z
      .string()
      .refine(isWellFormed, INVALID_CHARACTER)
      // `abort`: a value that is not a code at all gets one message, not also "no such sector".
      .regex(/^\d{2}$/, {
        message: "Use a 2-digit NAICS sector code (e.g. 52 for Finance and Insurance).",
        abort: true,
      })
      .refine((v) => !!naicsSector(v), "No NAICS sector has this code: pick one from the list (e.g. 52).")
      .transform((v) => naicsSector(v)?.code ?? v)
      .optional(),
    country: z
      .string()
      .refine(isWellFormed, INVALID_CHARACTER)
      .regex(/^[A-Z]{2}$/, { message: "Use an ISO 3166 two-letter country code (e.g. DE).", abort: true })
      .refine(isCountryCode, "Not an ISO 3166 country code: pick a country from the list.")
      .optional(),
    region: z.enum(REGIONS, `Use one of ${REGIONS.join(", ")}.`).optional(),
    detectionType: z.enum(DETECTION_TYPES, `Use one of ${DETECTION_TYPES.join(", ")}.`).optional(),
    detectionSource: z.enum(DETECTION_SOURCES, `Use one of ${DETECTION_SOURCES.join(", ")}.`).optional(),
    privilegeLevel: z.enum(PRIVILEGE_LEVELS, `Use one of ${PRIVILEGE_LEVELS.join(", ")}.`).optional(),
    confidence: z.enum(CONFIDENCE_LEVELS, `Use one of ${CONFIDENCE_LEVELS.join(", ")}.`).optional(),
    draft: z.boolean().optional(),
    // What the anonymizer must keep (public IOCs) or also replace. `redact` is never stored; the kept values that
    // occur in the text are (keptIndicators: public by definition).
    keep: ZTerms.default([]),
    redact: ZTerms.default([]),
  })
  .strict()
  .refine((v) => !(v.country && v.region), {
    message: "Give a country or a region, not both: together they narrow the victim too far.",
    path: ["region"],
  })
  .refine((v) => !v.observedFrom || !v.observedTo || v.observedFrom <= v.observedTo, {
    message: REVERSED_DATES,
    path: ["observedTo"],
  })
  .superRefine((v, ctx) => {
    for (const name of unresolvedCitations(v.procedure, v.references)) {
      ctx.addIssue({ code: "custom", path: ["procedure"], message: unresolvedCitationMessage(name) });
    }
  });

/** Every `(Citation: X)` must name one of the observation's references: the export cites by source name. */
export const unresolvedCitationMessage = (name: string) =>
  `(Citation: ${name}) names no reference: add a reference whose source name is "${name}", or remove the marker.`;

export type TObservationInput = z.input<typeof ZObservationInput>;
export type TObservation = z.output<typeof ZObservationInput>;

export const ANONYMIZE_FIELDS_MAX = 2 * REFERENCES_MAX + 30;

export const ZAnonymizeInput = z
  .object({
    text: trimmed(PROCEDURE_MAX),
    // The other free-text fields of a submission (e.g. `references.0.description`), previewed with the text's
    // numbering: the placeholders are those the stored observation will carry.
    fields: z
      .record(trimmed(80).min(1), trimmed(DESCRIPTION_MAX))
      .refine((f) => Object.keys(f).length <= ANONYMIZE_FIELDS_MAX, `At most ${ANONYMIZE_FIELDS_MAX} fields.`)
      .optional(),
    keep: ZTerms.default([]),
    redact: ZTerms.default([]),
  })
  .strict();

// Edits by a reviewer (or by the contributor while it is theirs to change): the fields that change
// the procedure example, plus the version the editor saw and why they changed it.
export const ZObservationEdit = z
  .object({
    version: z.number().int().positive(),
    procedure: ZObservationInput.shape.procedure.optional(),
    references: ZObservationInput.shape.references.optional(),
    technique: ZObservationInput.shape.technique.optional(),
    reason: trimmed(REASON_MAX).optional(),
    // Omitted: the observation's stored keptIndicators (an edit never silently redacts them); sent: the new list.
    keep: ZTerms.optional(),
    redact: ZObservationInput.shape.redact,
  })
  .strict();
export type TObservationEdit = z.input<typeof ZObservationEdit>;

// A remap (lib/observations/remap): only the technique changes, to a live one, with the version the reviewer saw.
// A remap names the new technique, the new actor (an ATT&CK group, software or campaign ID), or both.
export const ZRemapInput = ZObservationEdit.pick({ version: true, reason: true })
  .extend({
    technique: ZObservationInput.shape.technique.optional(),
    actor: trimmed(40).min(1, "Name the new actor by its ATT&CK ID (e.g. G0016).").optional(),
  })
  .strict()
  .refine((input) => input.technique !== undefined || input.actor !== undefined, {
    message: "Name the new technique, the new actor (its ATT&CK ID), or both.",
    path: ["technique"],
  });
export type TRemapInput = z.input<typeof ZRemapInput>;

/** A STIX relationship id, as ATT&CK's procedure examples carry (KnownProcedure.stixId). */
export const RELATIONSHIP_ID = /^relationship--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const TRANSITION_ACTIONS = [
  "submit",
  "withdraw",
  "claim",
  "unclaim",
  "assign",
  "ask",
  "accept",
  "reject",
  "duplicate",
  "reopen",
  "answer",
] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

export const ZTransitionInput = z
  .object({
    action: z.enum(TRANSITION_ACTIONS),
    version: z.number().int().positive(),
    comment: trimmed(DESCRIPTION_MAX).optional(),
    duplicateOf: trimmed(40).optional(),
    // `assign` only: the e-mail of the reviewer (or admin) who gets it.
    assignee: trimmed(320).optional(),
    // `duplicate` only: the ATT&CK procedure example (a "uses" relationship) this observation repeats.
    alreadyInAttack: trimmed(60)
      .regex(RELATIONSHIP_ID, "Give an ATT&CK relationship id (relationship-- followed by a UUID).")
      .optional(),
    // For the comment's anonymization only (public indicators to keep, names to replace); never stored.
    keep: ZTerms.default([]),
    redact: ZTerms.default([]),
  })
  .strict();
export type TTransitionInput = z.input<typeof ZTransitionInput>;

/** A comment on an observation (today: the contributor's reply to a reviewer's question). */
export const ZCommentInput = z
  .object({
    body: trimmed(DESCRIPTION_MAX).refine((s) => s.length > 0, "Write your answer."),
    version: z.number().int().positive(),
    keep: ZTransitionInput.shape.keep,
    redact: ZTransitionInput.shape.redact,
  })
  .strict();
export type TCommentInput = z.input<typeof ZCommentInput>;

/**
 * `POST /catalog/examples`: ATT&CK's procedure examples and the pending submissions for a technique (and
 * actor) while the form is filled in. `text` is the procedure as typed, used for ranking only: never stored.
 */
export const ZKnownExamplesInput = z
  .object({
    domain: ZObservationInput.shape.domain,
    technique: ZObservationInput.shape.technique,
    actor: trimmed(120).min(1, "Name a group, software or campaign, or leave actor out.").optional(),
    text: trimmed(PROCEDURE_MAX).optional(),
  })
  .strict();
export type TKnownExamplesInput = z.input<typeof ZKnownExamplesInput>;
