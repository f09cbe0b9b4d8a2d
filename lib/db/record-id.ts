// The ids of the rows the app creates are cuids (Prisma's @default(cuid())). Checked at the service boundary, so a
// malformed id from a path or an action argument (a lone surrogate, which no database can store; a page of text)
// is a plain NOT_FOUND or VALIDATION error, never a database error (a 500).

// Letters, digits, `-` and `_`: every cuid, and nothing that needs escaping anywhere.
const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isRecordId(raw: unknown): raw is string {
  return typeof raw === "string" && RECORD_ID.test(raw);
}
