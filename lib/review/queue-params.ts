// The queue's filters and its cursor, parsed from a query string (GET /api/v1/queue and the /queue page share
// it, so a link copied from the page works against the API). Pure: no database, no framework.
import { z } from "zod";
import { decodeCursor as decodeOpaque, encodeCursor as encodeOpaque } from "../http/cursor";
import { ATTACK_DOMAINS } from "../attack/bundle-domain";
import { AppError } from "../errors";

export const QUEUE_STATUSES = ["SUBMITTED", "IN_REVIEW", "NEEDS_INFO"] as const;
/** What a reviewer's decision (or the contributor's withdrawal, or a release) leaves behind: the "Decided" view. */
export const DECIDED_STATUSES = ["ACCEPTED", "REJECTED", "DUPLICATE", "PUBLISHED", "WITHDRAWN"] as const;
export const QUEUE_VIEWS = { open: QUEUE_STATUSES, decided: DECIDED_STATUSES } as const;
export type QueueView = keyof typeof QUEUE_VIEWS;
export type QueueStatus = (typeof QUEUE_STATUSES)[number] | (typeof DECIDED_STATUSES)[number];
export const QUEUE_SORTS = ["oldest", "newest"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const QUEUE_LIMIT_DEFAULT = 100;
export const QUEUE_LIMIT_MAX = 500;
export const QUEUE_AGE_MAX_DAYS = 3650;
/**
 * The per-status counts stop here: a status with more matching rows reports QUEUE_COUNT_CAP and the result says
 * `capped`. Counting every row of a large queue costs as much as reading it; nobody needs 1,000 exactly.
 */
export const QUEUE_COUNT_CAP = 1000;

export interface QueueFilters {
  view: QueueView;
  /** Within the view's statuses; empty means all of them. */
  status: QueueStatus[];
  domain?: string;
  /** A tactic's ATT&CK id (TA0005) or shortname (defense-evasion). */
  tactic?: string;
  /** An ATT&CK technique id; a parent (T1059) includes its sub-techniques (T1059.001 …). */
  technique?: string;
  /** An ATT&CK group, software or campaign id. */
  actor?: string;
  /** A user's e-mail or "me". */
  assignee?: string;
  unassigned: boolean;
  /** Waiting at least this many days (since submission, or creation when never submitted). */
  olderThan?: number;
  needsRemapping: boolean;
  /** Only observations with duplicate candidates (Observation.duplicateCandidates, lib/review/duplicates-count.ts). */
  duplicates: boolean;
  sort: QueueSort;
  limit: number;
  cursor?: QueueCursor;
}

/** A position in the list: the last row shown, in the order it was shown in. */
export interface QueueCursor {
  createdAt: string;
  id: number;
  sort: QueueSort;
}

const ZCursor = z
  .object({
    v: z.literal(1),
    t: z.iso.datetime(),
    i: z.number().int().positive(),
    s: z.enum(QUEUE_SORTS),
  })
  .strict();

export function encodeCursor(cursor: QueueCursor): string {
  return encodeOpaque({ v: 1, t: cursor.createdAt, i: cursor.id, s: cursor.sort });
}

const cursorError = (why: string) =>
  new AppError("VALIDATION", `Query parameter cursor ${why}: start again from the first page (leave cursor out).`, [
    { path: "cursor", message: why },
  ]);

/** The cursor a previous page returned as nextCursor; anything else is a 400 naming `cursor`. */
export function decodeCursor(raw: string, sort: QueueSort): QueueCursor {
  const cursor = decodeOpaque(raw, ZCursor, 200);
  if (!cursor) throw cursorError("is not one this server issued");
  if (cursor.s !== sort) throw cursorError(`belongs to the ${cursor.s}-first order, not ${sort}-first`);
  return { createdAt: new Date(cursor.t).toISOString(), id: cursor.i, sort: cursor.s };
}

const invalid = (path: string, message: string) =>
  new AppError("VALIDATION", `Query parameter ${path} ${message}`, [{ path, message }]);

function one(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw invalid(name, "is given more than once: give it once.");
  const value = values[0]?.trim();
  return value === "" ? undefined : value;
}

function flagOf(params: URLSearchParams, name: string): boolean {
  const value = one(params, name);
  if (value === undefined || ["0", "false"].includes(value)) return false;
  if (["1", "true", "on"].includes(value)) return true;
  throw invalid(name, `must be 1 or 0 (or true/false), not "${value}".`);
}

function limitOf(raw: string | null): number {
  if (raw === null) return QUEUE_LIMIT_DEFAULT;
  // Whole numbers only, so a negative `take` cannot flip the order.
  const limit = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (!(limit >= 1 && limit <= QUEUE_LIMIT_MAX)) {
    throw new AppError("VALIDATION", `Query parameter limit must be a whole number from 1 to ${QUEUE_LIMIT_MAX}.`, [
      { path: "limit", message: "Invalid limit" },
    ]);
  }
  return limit;
}

/** The `limit` query parameter alone (1 to QUEUE_LIMIT_MAX, default QUEUE_LIMIT_DEFAULT). */
export function parseQueueLimit(raw: string | null): number {
  return limitOf(raw);
}

function matching(params: URLSearchParams, name: string, pattern: RegExp, hint: string): string | undefined {
  const value = one(params, name);
  if (value !== undefined && !pattern.test(value)) throw invalid(name, `"${value.slice(0, 60)}" is not ${hint}.`);
  return value;
}

/** Every filter from a query string; a bad value is a 400 that names its parameter and says what fits. */
export function parseQueueParams(params: URLSearchParams): QueueFilters {
  const view = one(params, "view") ?? "open";
  if (!(view in QUEUE_VIEWS)) throw invalid("view", `must be open or decided, not "${view.slice(0, 40)}".`);
  const allowed: readonly string[] = QUEUE_VIEWS[view as QueueView];
  const status = [
    ...new Set(
      params
        .getAll("status")
        .flatMap((s) => s.split(","))
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  const wrong = status.find((s) => !allowed.includes(s));
  if (wrong !== undefined) {
    throw invalid("status", `"${wrong.slice(0, 40)}" is not one of the ${view} view's: ${allowed.join(", ")}.`);
  }
  const domain = one(params, "domain");
  if (domain !== undefined && !(ATTACK_DOMAINS as readonly string[]).includes(domain)) {
    throw invalid("domain", `must be one of ${ATTACK_DOMAINS.join(", ")}.`);
  }
  const sort = one(params, "sort") ?? (view === "decided" ? "newest" : "oldest");
  if (!(QUEUE_SORTS as readonly string[]).includes(sort)) throw invalid("sort", "must be oldest or newest.");
  const olderThanRaw = matching(params, "olderThan", /^\d{1,4}$/, "a whole number of days");
  const olderThan = olderThanRaw === undefined ? undefined : Number(olderThanRaw);
  if (olderThan !== undefined && olderThan > QUEUE_AGE_MAX_DAYS) {
    throw invalid("olderThan", `must be at most ${QUEUE_AGE_MAX_DAYS} days.`);
  }
  const assignee = matching(params, "assignee", /^(me|[^\s@]{1,200}@[^\s@]{1,200})$/i, 'an e-mail address or "me"');
  const mine = flagOf(params, "mine");
  const unassigned = flagOf(params, "unassigned");
  if (unassigned && (assignee !== undefined || mine)) {
    throw invalid("unassigned", "cannot be combined with assignee or mine: pick one.");
  }
  if (mine && assignee !== undefined && assignee.toLowerCase() !== "me") {
    throw invalid("mine", "cannot be combined with another assignee: pick one.");
  }
  const cursorRaw = one(params, "cursor");
  return {
    view: view as QueueView,
    status: status as QueueStatus[],
    domain,
    tactic: matching(
      params,
      "tactic",
      /^(TA\d{4}|[a-z][a-z-]{1,60})$/,
      "a tactic id (TA0005) or shortname (defense-evasion)",
    ),
    technique: matching(params, "technique", /^T\d{4}(\.\d{3})?$/, "an ATT&CK technique id such as T1059 or T1059.001"),
    actor: matching(params, "actor", /^[GSC]\d{4}$/, "an ATT&CK group, software or campaign id such as G0007"),
    assignee: mine ? "me" : assignee?.toLowerCase() === "me" ? "me" : assignee,
    unassigned,
    olderThan,
    needsRemapping: flagOf(params, "needsRemapping"),
    duplicates: flagOf(params, "duplicates"),
    sort: sort as QueueSort,
    limit: limitOf(params.get("limit")),
    cursor: cursorRaw === undefined ? undefined : decodeCursor(cursorRaw, sort as QueueSort),
  };
}

/** The query string for these filters (no cursor, default values left out): for links that keep the filters. */
export function queueSearch(filters: Partial<QueueFilters>, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  const set = (name: string, value: string | undefined) =>
    value !== undefined && value !== "" && params.set(name, value);
  if (filters.view === "decided") set("view", "decided");
  if (filters.status?.length) set("status", filters.status.join(","));
  set("domain", filters.domain);
  set("tactic", filters.tactic);
  set("technique", filters.technique);
  set("actor", filters.actor);
  set("assignee", filters.assignee);
  if (filters.unassigned) set("unassigned", "1");
  if (filters.olderThan !== undefined) set("olderThan", String(filters.olderThan));
  if (filters.needsRemapping) set("needsRemapping", "1");
  if (filters.duplicates) set("duplicates", "1");
  const defaultSort = filters.view === "decided" ? "newest" : "oldest";
  if (filters.sort && filters.sort !== defaultSort) set("sort", filters.sort);
  if (filters.limit !== undefined && filters.limit !== QUEUE_LIMIT_DEFAULT) set("limit", String(filters.limit));
  for (const [name, value] of Object.entries(extra)) set(name, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}
