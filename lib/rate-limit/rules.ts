// The one table of rate limits, and how RATE_LIMITS changes it. Pure (no server imports), so the
// sign-in form can quote the same numbers. Counters live in the database (./index.ts), so every app
// instance sharing it counts together.

export interface RateLimitRule {
  /** Hits allowed per window (RATE_LIMITS can change it). */
  limit: number;
  windowSeconds: number;
  /** Why the request was refused, for the error message; `limit` and the window are filled in. */
  refusal: (limit: number, window: string) => string;
}

// Why these numbers: a person needs one sign-in link, two or three when a mail is slow; five per
// quarter hour bounds mail-bombing one inbox to 20 a hour. A whole office behind one address still
// signs in 30 people per quarter hour. Observations are written by hand and reviewed by people:
// 30 submissions an hour from one account (every call of createObservation counts, drafts and
// refused ones too: each costs validation and catalog look-ups) is more than a reviewer can triage. 600 API calls a minute (10 a second) per token covers scripts and the catalog search
// typed live; a runaway loop gets 429s instead of the database.
export const RATE_LIMIT_RULES = {
  "signin-address": {
    limit: 5,
    windowSeconds: 15 * 60,
    refusal: (limit, window) => `Too many sign-in links were asked for this address (at most ${limit} per ${window}).`,
  },
  "signin-ip": {
    limit: 30,
    windowSeconds: 15 * 60,
    refusal: (limit, window) =>
      `Too many sign-in links were asked from your network address (at most ${limit} per ${window}).`,
  },
  "submit-user": {
    limit: 30,
    windowSeconds: 60 * 60,
    refusal: (limit, window) =>
      `You have sent the most observation submissions allowed (${limit} per ${window}, drafts and refused ones included).`,
  },
  "api-token": {
    limit: 600,
    windowSeconds: 60,
    refusal: (limit, window) => `This API token made the most requests allowed (${limit} per ${window}); slow down.`,
  },
  // The submit form autosaves ~1.5 s after typing stops and on leaving a field: a person typing for ten
  // minutes with short pauses saves a few dozen times; 300 (one save every 2 s, sustained) is far above that,
  // yet a runaway client loop gets a 429 instead of rewriting the row as fast as it can.
  "draft-user": {
    limit: 300,
    windowSeconds: 10 * 60,
    refusal: (limit, window) => `Your draft was saved too often (at most ${limit} saves per ${window}).`,
  },
  // A comment may e-mail the other side: 60 an hour from one person is a lively conversation, not a mail flood.
  "comment-user": {
    limit: 60,
    windowSeconds: 60 * 60,
    refusal: (limit, window) => `You have written the most comments allowed (${limit} per ${window}).`,
  },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitName = keyof typeof RATE_LIMIT_RULES;
export const RATE_LIMIT_NAMES = Object.keys(RATE_LIMIT_RULES) as RateLimitName[];

/** `null` means RATE_LIMITS=off: nothing is limited (load runs and benchmarks only). */
export type RateLimits = Readonly<Record<RateLimitName, number>> | null;

export const DEFAULT_RATE_LIMITS: Readonly<Record<RateLimitName, number>> = Object.fromEntries(
  RATE_LIMIT_NAMES.map((name) => [name, RATE_LIMIT_RULES[name].limit]),
) as Record<RateLimitName, number>;

const USAGE = `Leave RATE_LIMITS unset for the defaults (${RATE_LIMIT_NAMES.map((n) => `${n}=${DEFAULT_RATE_LIMITS[n]}`).join(",")}), set it to "off" to lift every limit (load runs and benchmarks only), or override some counts, e.g. "signin-ip=200,api-token=5000".`;

function isRateLimitName(name: string): name is RateLimitName {
  return Object.hasOwn(RATE_LIMIT_RULES, name);
}

/** RATE_LIMITS: unset or empty = the defaults, "off" = no limits, or `name=count` pairs separated by commas. */
export function parseRateLimits(value: string | undefined): RateLimits {
  const text = value?.trim() ?? "";
  if (!text) return DEFAULT_RATE_LIMITS;
  if (text.toLowerCase() === "off") return null;
  const limits = { ...DEFAULT_RATE_LIMITS };
  const seen = new Set<string>();
  for (const part of text.split(",")) {
    const match = /^\s*([a-z-]+)\s*=\s*(\d{1,9})\s*$/.exec(part);
    const problem = !match
      ? `"${part.trim()}" is not name=count`
      : !isRateLimitName(match[1])
        ? `"${match[1]}" is no limit (known: ${RATE_LIMIT_NAMES.join(", ")})`
        : seen.has(match[1])
          ? `"${match[1]}" is given twice`
          : Number(match[2]) < 1
            ? `"${match[1]}" must allow at least 1 (use "off" to lift all limits)`
            : null;
    if (problem || !match) throw new Error(`RATE_LIMITS="${text}" is not valid: ${problem}. ${USAGE}`);
    seen.add(match[1]);
    limits[match[1] as RateLimitName] = Number(match[2]);
  }
  return limits;
}

/** "15 minutes", "1 hour", "1 minute": windows are whole minutes or hours. */
export function describeSeconds(seconds: number): string {
  const [n, unit] =
    seconds % 3600 === 0
      ? [seconds / 3600, "hour"]
      : seconds % 60 === 0
        ? [seconds / 60, "minute"]
        : [seconds, "second"];
  return n === 1 ? unit : `${n} ${unit}s`;
}

/** Rounded up, so a client that waits that long is let through. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/** What the sign-in form shows on a 429 (next-auth's signIn() passes on only the error name). */
export const SIGNIN_RATE_LIMITED_MESSAGE = `Too many sign-in links were asked for this address or from your network. Try again in ${describeWait(
  Math.max(RATE_LIMIT_RULES["signin-address"].windowSeconds, RATE_LIMIT_RULES["signin-ip"].windowSeconds),
)} at most, or use a link you were already sent.`;

/** The error name the sign-in page and form know (`/sign-in?error=RateLimited`). */
export const SIGNIN_RATE_LIMITED_ERROR = "RateLimited";
