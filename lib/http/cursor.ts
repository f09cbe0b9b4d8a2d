// Opaque page cursors (the queue, the audit log, My observations): a small JSON value as base64url, read back
// only through a zod schema. Each list says in its own words what a bad cursor means; this only says "bad".
import type { ZodType } from "zod";

export function encodeCursor(value: object): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

/** The value `raw` carries if it is a cursor `schema` accepts, else null (never throws). */
export function decodeCursor<T>(raw: string, schema: ZodType<T>, maxLength = 400): T | null {
  if (raw.length > maxLength || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
