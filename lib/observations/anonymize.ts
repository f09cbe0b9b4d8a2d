// Which fields of an observation the anonymizer sees, and the refusal when a scrubbed field no longer fits.
// Every free-text field goes through one `scrubFields` call, so a value has one placeholder across the
// procedure, the citations and the proposed actor. Public references are stored exactly as written.
import { scrubFields, type FieldFinding, type ScrubOptions } from "../anonymize";
import { AppError } from "../errors";
import { DESCRIPTION_MAX, NAME_MAX, PLATFORM_MAX, PROCEDURE_MAX, REASON_MAX, type TObservation } from "./schema";
import type { Reference } from "./view";

/** One scrubbed text: its issue path (also its key in `scrubFields`), what it is called, and its limit. */
interface FieldSpec {
  path: string;
  label: string;
  max: number;
  text: string;
}

export type ProposedActor = Extract<TObservation["actor"], { proposed: unknown }>["proposed"];

export interface ScrubbedObservation {
  procedure: string;
  references: Reference[];
  proposed: ProposedActor | null;
  platforms: string[];
  reason?: string;
  findings: FieldFinding[];
  /** The `keep` values that spared something here (edited texts and context alike): what the observation keeps. */
  kept: string[];
}

export interface ObservationTexts {
  procedure: string;
  references: Reference[];
  proposed?: ProposedActor | null;
  platforms?: string[];
  reason?: string;
}

/**
 * Scrubs every free-text field with one numbering and refuses (VALIDATION, nothing written) any field that the
 * placeholders pushed past its limit: truncating would store a half-sentence, or cut a placeholder in two.
 * `context` texts (the stored, already scrubbed fields an edit leaves alone) only reserve their placeholder
 * numbers, so a new value never reuses a number that already means something else in this observation.
 */
export function scrubObservation(
  texts: ObservationTexts,
  options: ScrubOptions,
  context: string[] = [],
): ScrubbedObservation {
  const specs: FieldSpec[] = [{ path: "procedure", label: "the procedure", max: PROCEDURE_MAX, text: texts.procedure }];
  texts.references.forEach((ref, i) => {
    if (ref.public) return;
    const n = i + 1;
    specs.push(
      {
        path: `references.${i}.sourceName`,
        label: `the source name of reference ${n}`,
        max: NAME_MAX,
        text: ref.sourceName,
      },
      {
        path: `references.${i}.description`,
        label: `the citation of reference ${n}`,
        max: DESCRIPTION_MAX,
        text: ref.description,
      },
    );
  });
  const proposed = texts.proposed ?? null;
  if (proposed) {
    specs.push({ path: "actor.proposed.name", label: "the proposed actor's name", max: NAME_MAX, text: proposed.name });
    proposed.aliases.forEach((alias, i) =>
      specs.push({
        path: `actor.proposed.aliases.${i}`,
        label: `alias ${i + 1} of the proposed actor`,
        max: NAME_MAX,
        text: alias,
      }),
    );
    specs.push({
      path: "actor.proposed.description",
      label: "the proposed actor's description",
      max: DESCRIPTION_MAX,
      text: proposed.description,
    });
  }
  (texts.platforms ?? []).forEach((platform, i) =>
    specs.push({ path: `platforms.${i}`, label: `platform ${i + 1}`, max: PLATFORM_MAX, text: platform }),
  );
  if (texts.reason !== undefined)
    specs.push({ path: "reason", label: "the edit reason", max: REASON_MAX, text: texts.reason });

  const input: Record<string, string> = Object.fromEntries(specs.map((s) => [s.path, s.text]));
  // Context keys cannot clash with field paths (those never start with "#").
  context.forEach((text, i) => (input[`#context.${i}`] = text));
  const { fields, findings, kept } = scrubFields(input, options);

  const tooLong = specs.filter((s) => fields[s.path].length > s.max);
  if (tooLong.length > 0) {
    const issues = tooLong.map((s) => ({
      path: s.path,
      message: `After anonymization ${s.label} is ${fields[s.path].length} characters, over the limit of ${s.max}: shorten it.`,
    }));
    throw new AppError("VALIDATION", `The observation is not valid. ${issues[0].path}: ${issues[0].message}`, issues);
  }

  return {
    procedure: fields.procedure,
    references: texts.references.map((ref, i) =>
      ref.public
        ? ref
        : {
            ...ref,
            sourceName: fields[`references.${i}.sourceName`],
            description: fields[`references.${i}.description`],
          },
    ),
    proposed: proposed && {
      ...proposed,
      name: fields["actor.proposed.name"],
      aliases: proposed.aliases.map((_, i) => fields[`actor.proposed.aliases.${i}`]),
      description: fields["actor.proposed.description"],
    },
    platforms: (texts.platforms ?? []).map((_, i) => fields[`platforms.${i}`]),
    ...(texts.reason !== undefined ? { reason: fields.reason } : {}),
    // Context texts are already scrubbed: they contribute no findings.
    findings: findings
      .map((f) => ({ ...f, fields: f.fields.filter((k) => !k.startsWith("#")) }))
      .filter((f) => f.fields.length > 0),
    kept,
  };
}

/**
 * The preview (`POST /anonymize`): the text is the procedure, scrubbed under the same key and in the same order as
 * `scrubObservation` scrubs it, so the preview shows the placeholders the stored observation will carry.
 */
export function previewAnonymization(input: {
  text: string;
  fields?: Record<string, string>;
  keep?: string[];
  redact?: string[];
}) {
  const options = { keep: input.keep, redact: input.redact };
  if (!input.fields) {
    // A lone text: the findings read as scrub()'s (no field names), plus what `keep` spared.
    const result = scrubFields({ text: input.text }, options);
    const findings = result.findings.map(({ fields: _fields, ...finding }) => finding);
    return { text: result.fields.text, findings, kept: result.kept };
  }
  const { procedure: _ignored, ...rest } = input.fields;
  const result = scrubFields({ procedure: input.text, ...rest }, options);
  const { procedure, ...fields } = result.fields;
  return { text: procedure, fields, findings: result.findings, kept: result.kept };
}
