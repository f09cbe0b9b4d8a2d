// Release ids are database-generated cuids. Checked at the service boundary so a malformed id from
// a path or an action argument is a plain NOT_FOUND, never an unexpected database error.
import { AppError } from "../errors";

// Letters, digits, `-` and `_`: every cuid, and nothing that needs escaping anywhere.
const RELEASE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isReleaseId(raw: unknown): raw is string {
  return typeof raw === "string" && RELEASE_ID.test(raw);
}

export function parseReleaseId(raw: unknown): string {
  if (!isReleaseId(raw)) {
    throw new AppError("NOT_FOUND", "No release with that id: open the release from the Releases page.");
  }
  return raw;
}

/** A release's name as a file name's base: "Community additions 2026-12" → "Community-additions-2026-12". */
export function releaseFileBase(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-|-$/g, "") || "release";
}
