// "My observations": a contributor's own work, filtered by status and text, newest first, in pages.
// Keyset pagination on the row id (never an offset): a row added while someone pages is newer than
// every cursor, so it can neither shift nor repeat what the next page shows.
import { catalogNames } from "../attack/catalog";
import { z } from "zod";
import { decodeCursor as decodeOpaque, encodeCursor as encodeOpaque } from "../http/cursor";
import { assertCan, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { ObservationStatus } from "../../prisma/sqlite/client";
import { techniqueNaming, toObservationView, type ObservationView, type TechniqueNaming } from "./view";

/** Every status, in the order the filter lists them (the enum in prisma/models.prisma). */
export const MY_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "IN_REVIEW",
  "NEEDS_INFO",
  "ACCEPTED",
  "REJECTED",
  "DUPLICATE",
  "WITHDRAWN",
  "PUBLISHED",
] as const satisfies readonly ObservationStatus[];
export type MyStatus = (typeof MY_STATUSES)[number];

export const MY_PAGE_SIZE = 20;
export const MY_PAGE_SIZE_MAX = 100;
export const MY_QUERY_MAX = 100;

export interface MyListInput {
  status?: string | null;
  q?: string | null;
  cursor?: string | null;
  /** Page size; a URL's `limit` arrives as a string. */
  limit?: number | string | null;
}

export interface MyListItem extends ObservationView, TechniqueNaming {}

export interface MyList {
  items: MyListItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Per status, among the rows matching the text search (whatever the status filter). */
  counts: Record<MyStatus, number>;
  /** Rows matching the text search, all statuses. */
  total: number;
}

/** The opaque cursor: the last row's id. Only ever compared within the actor's own rows. */
export function encodeCursor(id: number): string {
  return encodeOpaque({ v: 1, id });
}

const ZMyCursor = z.object({ v: z.literal(1), id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict();

/** The id a cursor carries; anything this module did not produce is a VALIDATION error (400). */
export function decodeCursor(cursor: string): number {
  const invalid = () =>
    new AppError("VALIDATION", "The page cursor is not one this list gave out: go back to the first page.", [
      { path: "cursor", message: "Invalid cursor" },
    ]);
  const parsed = decodeOpaque(cursor, ZMyCursor, 64);
  if (!parsed) throw invalid();
  return parsed.id;
}

function parseStatus(raw: string | null | undefined): MyStatus | null {
  if (!raw) return null;
  const status = raw.toUpperCase();
  if (!(MY_STATUSES as readonly string[]).includes(status)) {
    throw new AppError("VALIDATION", `Unknown status "${raw}": use one of ${MY_STATUSES.join(", ")}.`, [
      { path: "status", message: "Unknown status" },
    ]);
  }
  return status as MyStatus;
}

function parseQuery(raw: string | null | undefined): string {
  const q = (raw ?? "").trim();
  if (q.length > MY_QUERY_MAX) {
    throw new AppError(
      "VALIDATION",
      `The search is ${q.length} characters; the limit is ${MY_QUERY_MAX}: shorten it.`,
      [{ path: "q", message: `At most ${MY_QUERY_MAX} characters` }],
    );
  }
  return q;
}

function parseLimit(raw: number | string | null | undefined): number {
  if (raw === null || raw === undefined || raw === "") return MY_PAGE_SIZE;
  const limit = typeof raw === "number" ? raw : /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= MY_PAGE_SIZE_MAX)) {
    throw new AppError("VALIDATION", `The page size (limit) must be a whole number from 1 to ${MY_PAGE_SIZE_MAX}.`, [
      { path: "limit", message: "Invalid limit" },
    ]);
  }
  return limit;
}

/**
 * The ids of the actor's rows whose (scrubbed) procedure, technique id or technique name contains q,
 * case-insensitively. Matched here rather than in SQL: SQLite and PostgreSQL disagree on case-folding
 * (Prisma's `mode: "insensitive"` exists only on PostgreSQL), and one contributor's rows are few.
 */
async function matchingIds(db: Db, contributorId: string, q: string): Promise<number[]> {
  const rows = await db.observation.findMany({
    where: { contributorId },
    select: { id: true, procedure: true, techniqueAttackId: true, techniqueStixId: true },
  });
  const names = await catalogNames(db, [...new Set(rows.map((r) => r.techniqueStixId))]);
  const needle = q.toLocaleLowerCase();
  return rows
    .filter((r) =>
      [r.procedure, techniqueNaming(names.get(r.techniqueStixId), r.techniqueAttackId).techniqueLabel].some((text) =>
        text.toLocaleLowerCase().includes(needle),
      ),
    )
    .map((r) => r.id);
}

export async function listMyObservations(actor: Actor, input: MyListInput, db: Db): Promise<MyList> {
  assertCan(actor, "observation:read-own");
  const status = parseStatus(input.status);
  const q = parseQuery(input.q);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const limit = parseLimit(input.limit);

  const base = {
    contributorId: actor.id,
    ...(q ? { id: { in: await matchingIds(db, actor.id, q) } } : {}),
  };
  const [rows, grouped] = await Promise.all([
    db.observation.findMany({
      where: {
        ...base,
        ...(status ? { status } : {}),
        ...(after !== null ? { AND: [{ id: { lt: after } }] } : {}),
      },
      orderBy: { id: "desc" },
      take: limit + 1,
    }),
    db.observation.groupBy({ by: ["status"], where: base, _count: { _all: true } }),
  ]);
  const page = rows.slice(0, limit);
  const names = await catalogNames(
    db,
    page.map((r) => r.techniqueStixId),
  );
  const counts = Object.fromEntries(MY_STATUSES.map((s) => [s, 0])) as Record<MyStatus, number>;
  for (const g of grouped) counts[g.status as MyStatus] = g._count._all;
  return {
    items: page.map((r) => ({
      ...toObservationView(r),
      ...techniqueNaming(names.get(r.techniqueStixId), r.techniqueAttackId),
    })),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
    counts,
    total: Object.values(counts).reduce((a, b) => a + b, 0),
  };
}
