// The submit form's autosaved draft: one per user, read by its owner only (every query is by the actor's own id; there
// is no way to name another user's draft). Stored anonymized like a submission: the raw text a contributor typed
// stays in their browser tab; the "also replace" terms are applied but never stored; the keep list is stored (kept
// values are public by definition), less anything that can never be public.
//
// No audit event: a draft is private working state that nobody else can see and that changes every few seconds
// while someone types; the audit log records changes to shared records, and the submission that follows is audited.
import { scrubFields, type ScrubOptions } from "../anonymize";
import { isNeverPublic } from "../anonymize/internal";
import { assertCan, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError, validationError } from "../errors";
import { hitRateLimit } from "../rate-limit";
import { scrubObservation, type ObservationTexts } from "./anonymize";
import { parseWhatIsValid, type SkippedField } from "./draft-partial";
import { ZDraftInput, type TDraftData, type TDraftFields } from "./draft-schema";

/** Far above what the schema's limits allow after scrubbing; a belt-and-braces bound on the stored row. */
export const DRAFT_MAX_BYTES = 256 * 1024;

export interface DraftView {
  data: TDraftData;
  createdAt: Date;
  updatedAt: Date;
}

export interface SavedDraft extends DraftView {
  /** How many distinct identifiers were replaced by placeholders in the stored copy. */
  replaced: number;
  /** Fields left out of the stored copy because they are not valid yet, each with what is wrong. */
  skipped: SkippedField[];
}

// The fields stored as given: choices and codes the schema checks, never free text. Anything else a draft carries
// (fields the observation schema gains later included) is anonymized: default-deny.
const STRUCTURED = new Set([
  "domain",
  "technique",
  "actor",
  "tlp",
  "credit",
  "sector",
  "country",
  "region",
  "observedFrom",
  "observedTo",
  "keep",
]);
const SCRUBBED = new Set(["procedure", "references", "platforms"]);

export async function saveDraft(actor: Actor, raw: unknown, db: Db): Promise<SavedDraft> {
  assertCan(actor, "observation:create");
  await hitRateLimit(db, "draft-user", actor.id);
  const parsed = parseWhatIsValid(ZDraftInput, raw);
  if ("error" in parsed) throw validationError(parsed.error, "The draft");
  const { data, replaced } = anonymizeDraft(parsed.data);
  if (Buffer.byteLength(JSON.stringify(data)) > DRAFT_MAX_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The draft is over ${DRAFT_MAX_BYTES / 1024} KB: shorten the texts.`);
  }
  const json = data as object;
  const row = await db.draft.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, data: json },
    update: { data: json },
  });
  return { ...toDraftView(row), replaced, skipped: parsed.skipped };
}

/** The actor's own draft, or null. */
export async function getDraft(actor: Actor, db: Db): Promise<DraftView | null> {
  assertCan(actor, "observation:create");
  const row = await db.draft.findUnique({ where: { userId: actor.id } });
  return row && toDraftView(row);
}

/** Deletes the actor's own draft; true when there was one. */
export async function discardDraft(actor: Actor, db: Db): Promise<boolean> {
  assertCan(actor, "observation:create");
  const { count } = await db.draft.deleteMany({ where: { userId: actor.id } });
  return count > 0;
}

function toDraftView(row: { data: unknown; createdAt: Date; updatedAt: Date }): DraftView {
  return { data: row.data as TDraftData, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

/** The draft as stored: free text through the submission's scrub, the redact terms dropped. */
export function anonymizeDraft(fields: TDraftFields): { data: TDraftData; replaced: number } {
  const { redact = [], ...rest } = fields;
  const keep = (rest.keep ?? []).filter((value) => !isNeverPublic(value));
  const options: ScrubOptions = { keep, redact };
  const proposed = rest.actor && "proposed" in rest.actor ? rest.actor.proposed : null;
  const texts: ObservationTexts = {
    procedure: rest.procedure ?? "",
    references: rest.references ?? [],
    // Only its texts are read; `type` may still be unset in a draft.
    proposed: proposed as ObservationTexts["proposed"],
    platforms: rest.platforms ?? [],
  };
  const scrubbed = scrubObservation(texts, options);
  const data: Record<string, unknown> = {};
  const other: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    if (STRUCTURED.has(key)) data[key] = value;
    else if (!SCRUBBED.has(key)) other[key] = value;
  }
  data.keep = keep;
  if (rest.procedure !== undefined) data.procedure = scrubbed.procedure;
  if (rest.references !== undefined) data.references = scrubbed.references;
  if (rest.platforms !== undefined) data.platforms = scrubbed.platforms;
  if (proposed && scrubbed.proposed) data.actor = { proposed: scrubbed.proposed };
  const extra = scrubOtherFields(other, scrubbed, options);
  return { data: { ...data, ...extra.fields } as TDraftData, replaced: scrubbed.findings.length + extra.replaced };
}

/**
 * Every string inside fields scrubObservation does not know (yet) goes through the anonymizer too, numbered after
 * the placeholders already given out, so an added free-text field is never stored raw by a draft.
 */
function scrubOtherFields(
  other: Record<string, unknown>,
  done: { procedure: string; references: { sourceName: string; description: string }[] },
  options: ScrubOptions,
): { fields: Record<string, unknown>; replaced: number } {
  const leaves: Record<string, string> = {};
  const collect = (value: unknown, path: string) => {
    if (typeof value === "string") leaves[path] = value;
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) collect(v, path ? `${path}.${k}` : k);
  };
  collect(other, "");
  if (Object.keys(leaves).length === 0) return { fields: other, replaced: 0 };
  const context = [done.procedure, ...done.references.flatMap((r) => [r.sourceName, r.description])];
  const input: Record<string, string> = { ...leaves };
  context.forEach((text, i) => (input[`#context.${i}`] = text));
  const { fields, findings } = scrubFields(input, options);
  const rebuild = (value: unknown, path: string): unknown => {
    if (typeof value === "string") return fields[path];
    if (Array.isArray(value)) return value.map((v, i) => rebuild(v, path ? `${path}.${i}` : String(i)));
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rebuild(v, path ? `${path}.${k}` : k)]));
    return value;
  };
  return {
    fields: rebuild(other, "") as Record<string, unknown>,
    replaced: findings.filter((f) => f.fields.some((k) => !k.startsWith("#"))).length,
  };
}
