// Release ids are cuids (lib/db/record-id): a malformed id from a path or an action argument is a plain NOT_FOUND.
import { isRecordId } from "../db/record-id";
import { AppError } from "../errors";

export function isReleaseId(raw: unknown): raw is string {
  return isRecordId(raw);
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
