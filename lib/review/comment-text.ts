// A comment's text as it is stored and mailed (transition reasons and comments on demand alike): scrubbed like every
// free text (DESIGN §5), and refused, never truncated, when the placeholders push it past the limit.
import { scrub, type ScrubOptions } from "../anonymize";
import { AppError } from "../errors";
import { DESCRIPTION_MAX } from "../observations/schema";

/** `field` names the input the refusal points at ("comment" for a transition, "body" for a comment). */
export function scrubbedCommentText(
  raw: string,
  options: Pick<ScrubOptions, "keep" | "redact">,
  field: string,
): string {
  const text = scrub(raw, options).text;
  if (text.length > DESCRIPTION_MAX) {
    throw new AppError(
      "VALIDATION",
      `The comment is ${text.length} characters once addresses and names are replaced by placeholders; the limit is ${DESCRIPTION_MAX}: shorten it.`,
      [{ path: field, message: `At most ${DESCRIPTION_MAX} characters after anonymization` }],
    );
  }
  return text;
}
