// Rate limits counted in the database: one fixed-window counter per rule and subject, bumped by a
// single atomic upsert, so parallel requests from any number of app instances let exactly the limit
// through (a read-then-write would let a burst slip past). Rules and RATE_LIMITS: ./rules.ts.
import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import {
  describeSeconds,
  describeWait,
  parseRateLimits,
  RATE_LIMIT_RULES,
  type RateLimitName,
  type RateLimits,
} from "./rules";

export { RATE_LIMIT_RULES, type RateLimitName, type RateLimits } from "./rules";

/** Windows older than this are deleted now and then; the longest rule's window is far shorter. */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** About one hit in a hundred prunes: cheap (an index range delete), and the table stays small. */
const PRUNE_CHANCE = 0.01;

let cached: { value: string | undefined; limits: RateLimits } | null = null;

/** The limits RATE_LIMITS asks for; throws a message naming the mistake when it is not valid. */
export function rateLimits(): RateLimits {
  const value = process.env.RATE_LIMITS;
  if (!cached || cached.value !== value) cached = { value, limits: parseRateLimits(value) };
  return cached.limits;
}

/** At start-up: exits with the message when RATE_LIMITS is not valid (a thrown error would leave Next serving 500s). */
export function requireValidRateLimits(): void {
  try {
    rateLimits();
  } catch (error) {
    console.error(`[config] ${(error as Error).message}`);
    process.exit(1);
  }
}

export interface HitOptions {
  /** The clock (tests move it instead of sleeping). */
  now?: Date;
  /** Defaults to RATE_LIMITS from the environment. */
  limits?: RateLimits;
  /** Decides whether this hit also prunes old windows (tests force it). */
  random?: () => number;
}

/** The stored key: the rule and a hash of the subject, so no address or e-mail is kept verbatim. */
export function rateLimitKey(rule: RateLimitName, subject: string): string {
  return `${rule}:${createHash("sha256").update(subject).digest("hex")}`;
}

/**
 * Counts one hit of `subject` (an e-mail, an IP address, a user or token id) against `rule`;
 * throws RATE_LIMITED, with `retryAfterSeconds` in its details, once the window's limit is used up.
 */
export async function hitRateLimit(db: Db, rule: RateLimitName, subject: string, opts: HitOptions = {}): Promise<void> {
  const limits = opts.limits === undefined ? rateLimits() : opts.limits;
  if (!limits) return;
  const now = opts.now ?? new Date();
  const windowMs = RATE_LIMIT_RULES[rule].windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  // Identifiers quoted as in the generated migrations; ON CONFLICT … RETURNING needs SQLite ≥ 3.35.
  const rows = await db.$queryRaw<{ count: number | bigint }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${rateLimitKey(rule, subject)}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
    RETURNING "count"`;
  if ((opts.random ?? Math.random)() < PRUNE_CHANCE) await pruneRateLimits(db, now);
  const limit = limits[rule];
  if (Number(rows[0]?.count) <= limit) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  const refusal = RATE_LIMIT_RULES[rule].refusal(limit, describeSeconds(RATE_LIMIT_RULES[rule].windowSeconds));
  throw new AppError("RATE_LIMITED", `${refusal} Try again in ${describeWait(retryAfterSeconds)}.`, undefined, {
    retryAfterSeconds,
  });
}

/** Deletes the counters of windows that started more than a day before `now`. */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimit" WHERE "windowStart" < ${new Date(now.getTime() - KEEP_MS)}`;
}

/** The `Retry-After` header a RATE_LIMITED error asks for (none for other errors). */
export function retryAfterHeaders(error: AppError): Record<string, string> {
  const seconds = error.details?.retryAfterSeconds;
  return error.code === "RATE_LIMITED" && typeof seconds === "number" ? { "Retry-After": String(seconds) } : {};
}
