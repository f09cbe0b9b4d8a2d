// Browsing the audit log (issue 9 item 7): admins filter it by action, person, subject and time, newest
// first, in pages. Read-only: no code path edits an event's who, what, which or when (a database trigger
// refuses it, see the migration "audit_append_only"); only a purge may rewrite the `data` of an event
// that repeated a leaked value (lib/observations/purge.ts).
import { z } from "zod";
import { assertCan, type Actor } from "../auth/permissions";
import type { Tx } from "../db/client";
import { AppError, validationError } from "../errors";
import { decodeCursor, encodeCursor } from "../http/cursor";

export const AUDIT_PAGE_MAX = 200;

export interface AuditQuery {
  action?: string;
  /** The acting person's e-mail, or "system" for events without one (CLI, imports). */
  actor?: string;
  subject?: string;
  from?: Date;
  to?: Date;
  cursor?: { at: Date; id: string };
  limit: number;
}

export interface AuditItem {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  /** A person's e-mail when the subject is a User; else the subject id. */
  subjectLabel: string;
  data: unknown;
}

const ZDay = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be a date as YYYY-MM-DD.`)
    // A round trip, so 2026-02-30 is refused rather than read as 2 March.
    .refine((v) => {
      const day = new Date(`${v}T00:00:00.000Z`);
      return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(v);
    }, `${name} must be a real date.`)
    .transform((v) => new Date(`${v}T00:00:00.000Z`));

const ZCursor = z.object({ at: z.iso.datetime(), id: z.string().min(1).max(64) }).strict();

/** The query string's fields as given (empty values dropped first); also documented in lib/http/openapi. */
export const ZAuditQuery = z.object({
  action: z.string().trim().max(64).optional().describe("An action, e.g. observation.purge."),
  actor: z.string().trim().max(254).optional().describe('The acting person\'s e-mail, or "system".'),
  subject: z.string().trim().max(128).optional().describe("A subject id, as the items' subjectId."),
  from: ZDay("from").optional().describe("The first day, YYYY-MM-DD (UTC)."),
  to: ZDay("to").optional().describe("The last day, YYYY-MM-DD (UTC)."),
  cursor: z.string().max(400).optional().describe("The previous page's nextCursor."),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, `limit must be a whole number from 1 to ${AUDIT_PAGE_MAX}.`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= AUDIT_PAGE_MAX, `limit must be a whole number from 1 to ${AUDIT_PAGE_MAX}.`)
    .optional()
    .describe(`1 to ${AUDIT_PAGE_MAX} (default 50).`),
});

/** The cursor of the page after the one ending with `last`: opaque base64url JSON. */
export function auditCursor(last: { at: string; id: string }): string {
  return encodeCursor({ at: last.at, id: last.id });
}

function decodeAuditCursor(raw: string): { at: Date; id: string } {
  const parsed = decodeCursor(raw, ZCursor);
  if (!parsed) {
    throw new AppError("VALIDATION", "cursor is not one this server gave: start again from the first page.", [
      { path: "cursor", message: "Invalid cursor" },
    ]);
  }
  return { at: new Date(parsed.at), id: parsed.id };
}

/** The query string of /admin/audit and GET /api/v1/audit, checked; empty values count as absent. */
export function parseAuditQuery(params: URLSearchParams): AuditQuery {
  const raw: Record<string, string> = {};
  for (const key of ["action", "actor", "subject", "from", "to", "cursor", "limit"]) {
    const value = params.get(key)?.trim();
    if (value) raw[key] = value;
  }
  const parsed = ZAuditQuery.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The audit query");
  const { cursor, limit, ...rest } = parsed.data;
  if (rest.from && rest.to && rest.from > rest.to) {
    throw new AppError("VALIDATION", "from is after to: swap them.", [{ path: "from", message: "After to" }]);
  }
  return { ...rest, ...(cursor ? { cursor: decodeAuditCursor(cursor) } : {}), limit: limit ?? 50 };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** One page of events matching the query, newest first, and the cursor of the next page (null on the last). */
export async function listAudit(
  actor: Actor | null,
  query: AuditQuery,
  db: Tx,
): Promise<{ items: AuditItem[]; nextCursor: string | null }> {
  assertCan(actor, "audit:read");
  const createdAt = {
    ...(query.from ? { gte: query.from } : {}),
    ...(query.to ? { lt: new Date(query.to.getTime() + DAY_MS) } : {}),
  };
  const who =
    query.actor === undefined
      ? {}
      : query.actor.toLowerCase() === "system"
        ? { actorId: null }
        : { actor: { email: query.actor.toLowerCase() } };
  const after = query.cursor
    ? {
        OR: [{ createdAt: { lt: query.cursor.at } }, { createdAt: query.cursor.at, id: { lt: query.cursor.id } }],
      }
    : {};
  const rows = await db.auditEvent.findMany({
    where: {
      ...(query.action ? { action: query.action } : {}),
      ...(query.subject ? { subjectId: query.subject } : {}),
      ...(query.from || query.to ? { createdAt } : {}),
      ...who,
      ...after,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: { actor: { select: { email: true } } },
  });
  const page = rows.slice(0, query.limit);
  const userIds = [...new Set(page.filter((r) => r.subjectType === "User").map((r) => r.subjectId))];
  const users = userIds.length
    ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } })
    : [];
  const emails = new Map(users.map((u) => [u.id, u.email]));
  const items = page.map((r) => ({
    id: r.id,
    at: r.createdAt.toISOString(),
    actor: r.actor?.email ?? null,
    action: r.action,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    subjectLabel: (r.subjectType === "User" && emails.get(r.subjectId)) || r.subjectId,
    data: r.data,
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? auditCursor(last) : null };
}

/** The actions on record, for the filter's choices (a few dozen distinct values). */
export async function auditActions(actor: Actor | null, db: Tx): Promise<string[]> {
  assertCan(actor, "audit:read");
  const rows = await db.auditEvent.findMany({ distinct: ["action"], select: { action: true } });
  return rows.map((r) => r.action).sort();
}
