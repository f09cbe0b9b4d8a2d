// POST /api/v1/catalog/suggest: technique suggestions for a procedure text, for any signed-in user (the catalog
// is public; the text is ranked and dropped: never stored, logged or returned — a "why" names only words the
// catalog's own technique descriptions contain).
import { z } from "zod";
import type { Actor } from "../auth/permissions";
import type { Tx } from "../db/client";
import { AppError, validationError } from "../errors";
import { PROCEDURE_MAX, trimmed } from "../observations/schema";
import { ATTACK_DOMAINS } from "./parse";
import type { Suggestion } from "./suggest";
import { suggestFromCatalog } from "./suggest-store";

export const ZSuggestInput = z
  .object({
    text: trimmed(PROCEDURE_MAX),
    domain: z
      .enum(ATTACK_DOMAINS, { error: `Use one of ${ATTACK_DOMAINS.join(", ")}, or leave domain out for every domain.` })
      .optional(),
  })
  .strict();
export type TSuggestInput = z.input<typeof ZSuggestInput>;

export async function suggestForText(
  actor: Actor | null,
  raw: unknown,
  db: Tx,
): Promise<{ suggestions: Suggestion[] }> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to get technique suggestions.");
  const parsed = ZSuggestInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The suggestion request");
  const { text, domain } = parsed.data;
  if (!text) return { suggestions: [] };
  return { suggestions: await suggestFromCatalog(db, { text, domain }) };
}
