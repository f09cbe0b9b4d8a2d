// Observation ids as people and URLs write them: `OBS-` and digits (any case). Checked at the
// service boundary, so a malformed id from a path, an action argument or the API is a plain
// NOT_FOUND before it reaches the database (which refuses some strings with an unexpected error).
import { AppError } from "../errors";

const PUBLIC_ID = /^OBS-\d{1,12}$/i;

export function isPublicId(raw: unknown): raw is string {
  return typeof raw === "string" && PUBLIC_ID.test(raw);
}

/** The canonical (upper-case) id, or NOT_FOUND saying what an id looks like. */
export function parsePublicId(raw: unknown): string {
  if (!isPublicId(raw)) {
    throw new AppError("NOT_FOUND", "No observation with that id: observation ids look like OBS-000123.");
  }
  return raw.toUpperCase();
}
