// Rate limits against a real database (SQLite, or PostgreSQL with TEST_DB=postgres): the counter is
// one atomic upsert, so a burst from one or several app instances lets exactly the limit through.
import { afterEach, describe, expect, it } from "vitest";
import { observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { actorFromToken, createApiToken } from "../auth/tokens";
import { createDb } from "../db/client";
import { AppError } from "../errors";
import { createObservation } from "../observations/service";
import { hitRateLimit, pruneRateLimits, type RateLimits } from "./index";
import { addComment } from "../review/comments";
import { errorResponse } from "../http/api";
import { DEFAULT_RATE_LIMITS, RATE_LIMIT_NAMES, RATE_LIMIT_RULES } from "./rules";
import { limitSignIn } from "./sign-in";
import { REMOTE_ADDR_SERVER_ENV } from "../http/client-address";

const w = useWorkDb();
const saved = process.env.RATE_LIMITS;
afterEach(() => {
  if (saved === undefined) delete process.env.RATE_LIMITS;
  else process.env.RATE_LIMITS = saved;
});

const at = (iso: string) => new Date(iso);

async function outcomes(hits: Promise<unknown>[]) {
  const settled = await Promise.allSettled(hits);
  const refused = settled.filter((s) => s.status === "rejected").map((s) => (s as PromiseRejectedResult).reason);
  for (const error of refused) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("RATE_LIMITED");
  }
  return { passed: settled.length - refused.length, refused: refused as AppError[] };
}

describe("the counter", () => {
  const now = at("2026-03-02T10:05:00.000Z");

  it("lets exactly the limit through 100 parallel hits on one key", async () => {
    const { passed, refused } = await outcomes(
      Array.from({ length: 100 }, () => hitRateLimit(w.db, "signin-address", "victim@example.org", { now })),
    );
    expect(passed).toBe(DEFAULT_RATE_LIMITS["signin-address"]);
    expect(refused).toHaveLength(100 - DEFAULT_RATE_LIMITS["signin-address"]);
    // 10:05 in a quarter-hour window that ends at 10:15.
    expect(refused[0].details).toEqual({ retryAfterSeconds: 600 });
    expect(refused[0].message).toMatch(/sign-in links were asked for this address.*Try again in 10 minutes/);
  });

  it("counts hits from two app instances (two database clients) together", async () => {
    const other = createDb(w.t.url);
    try {
      const limits: RateLimits = { ...DEFAULT_RATE_LIMITS, "api-token": 37 };
      const hits = Array.from({ length: 100 }, (_, i) =>
        hitRateLimit(i % 2 ? other : w.db, "api-token", "token-1", { now, limits }),
      );
      expect((await outcomes(hits)).passed).toBe(37);
    } finally {
      await other.$disconnect();
    }
  });

  it("starts over in the next window; Retry-After points at its start", async () => {
    const limits: RateLimits = { ...DEFAULT_RATE_LIMITS, "submit-user": 2 };
    const hit = (iso: string) => hitRateLimit(w.db, "submit-user", "user-1", { now: at(iso), limits });
    await hit("2026-03-02T10:00:00.000Z");
    await hit("2026-03-02T10:59:00.000Z");
    const refused = await appErrorOf(hit("2026-03-02T10:59:59.400Z"));
    expect(refused.details).toEqual({ retryAfterSeconds: 1 });
    await hit("2026-03-02T11:00:00.000Z");
    await hit("2026-03-02T11:30:00.000Z");
    await appErrorOf(hit("2026-03-02T11:30:01.000Z"));
  });

  it("keeps subjects and rules apart, and stores no subject verbatim", async () => {
    const limits: RateLimits = { ...DEFAULT_RATE_LIMITS, "signin-address": 1, "signin-ip": 1 };
    await hitRateLimit(w.db, "signin-address", "a@example.org", { now, limits });
    await hitRateLimit(w.db, "signin-address", "b@example.org", { now, limits });
    await hitRateLimit(w.db, "signin-ip", "a@example.org", { now, limits });
    await appErrorOf(hitRateLimit(w.db, "signin-address", "a@example.org", { now, limits }));
    const rows = await w.db.rateLimit.findMany();
    expect(rows).toHaveLength(3);
    expect(JSON.stringify(rows)).not.toContain("example.org");
  });

  it("RATE_LIMITS=off lets everything through and counts nothing", async () => {
    process.env.RATE_LIMITS = "off";
    const { passed } = await outcomes(
      Array.from({ length: 100 }, () => hitRateLimit(w.db, "signin-address", "victim@example.org", { now })),
    );
    expect(passed).toBe(100);
    expect(await w.db.rateLimit.count()).toBe(0);
  });

  it("RATE_LIMITS overrides one rule and keeps the others' defaults", async () => {
    process.env.RATE_LIMITS = "api-token=3";
    const token = await outcomes(Array.from({ length: 20 }, () => hitRateLimit(w.db, "api-token", "token-2", { now })));
    expect(token.passed).toBe(3);
    const address = await outcomes(
      Array.from({ length: 20 }, () => hitRateLimit(w.db, "signin-address", "c@example.org", { now })),
    );
    expect(address.passed).toBe(DEFAULT_RATE_LIMITS["signin-address"]);
  });

  it("prunes windows older than a day, now and then", async () => {
    const limits = DEFAULT_RATE_LIMITS;
    await hitRateLimit(w.db, "api-token", "old", { now: at("2026-03-01T09:00:00.000Z"), limits, random: () => 1 });
    await hitRateLimit(w.db, "api-token", "recent", { now: at("2026-03-01T11:00:00.000Z"), limits, random: () => 1 });
    expect(await w.db.rateLimit.count()).toBe(2);
    // A hit that does not draw the prune leaves old rows; one that does removes them.
    await hitRateLimit(w.db, "api-token", "x", { now, limits, random: () => 0.5 });
    expect(await w.db.rateLimit.count()).toBe(3);
    await hitRateLimit(w.db, "api-token", "y", { now, limits, random: () => 0 });
    expect(await w.db.rateLimit.count()).toBe(3);
    expect(await pruneRateLimits(w.db, at("2026-03-03T12:00:00.000Z"))).toBe(3);
  });
});

describe("every limit at its default", () => {
  // No RATE_LIMITS set: the limits a deployment gets. Each lets exactly its default through in one window, then
  // answers 429 with a Retry-After that points at the next window.
  it.each(RATE_LIMIT_NAMES)("%s: the default count passes, the next hit is a 429 with Retry-After", async (name) => {
    delete process.env.RATE_LIMITS;
    const { windowSeconds } = RATE_LIMIT_RULES[name];
    // Just after a window starts, so the whole burst falls in one window.
    const now = new Date(Math.ceil(Date.now() / (windowSeconds * 1000)) * windowSeconds * 1000 + 10);
    for (let i = 0; i < DEFAULT_RATE_LIMITS[name]; i++) await hitRateLimit(w.db, name, `subject-${name}`, { now });
    const refused = await appErrorOf(hitRateLimit(w.db, name, `subject-${name}`, { now }));
    expect(refused.code).toBe("RATE_LIMITED");
    const response = errorResponse(refused);
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(windowSeconds - 2);
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
    // Another subject has its own count.
    await hitRateLimit(w.db, name, `other-${name}`, { now });
  });
});

describe("where the limits apply", () => {
  it("submissions per user: createObservation refuses past the limit", async () => {
    process.env.RATE_LIMITS = "submit-user=2";
    await createObservation(w.contributor, observationInput({ draft: true }), w.db);
    await createObservation(w.contributor, observationInput({ draft: true }), w.db);
    const refused = await appErrorOf(createObservation(w.contributor, observationInput({ draft: true }), w.db));
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.message).toMatch(/observation submissions allowed \(2 per hour/);
    // Another contributor is not affected.
    await createObservation(w.reviewer, observationInput({ draft: true }), w.db);
  });

  it("comments per user: addComment refuses past the limit, before anything is written or mailed", async () => {
    process.env.RATE_LIMITS = "comment-user=2";
    const { observation } = await createObservation(w.contributor, observationInput(), w.db);
    const note = { body: "Looks like the 2024 variant.", visibility: "INTERNAL" };
    await addComment(w.reviewer, observation.id, note, w.db);
    await addComment(w.reviewer, observation.id, note, w.db);
    const refused = await appErrorOf(addComment(w.reviewer, observation.id, note, w.db));
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.message).toMatch(/most comments allowed \(2 per hour/);
    expect(await w.db.comment.count()).toBe(2);
  });

  it("API calls per token: actorFromToken refuses past the limit, per token", async () => {
    process.env.RATE_LIMITS = "api-token=2";
    const first = await createApiToken(w.db, w.contributor.id, "one");
    const second = await createApiToken(w.db, w.contributor.id, "two");
    expect(await actorFromToken(w.db, first.token)).toMatchObject({ id: w.contributor.id });
    expect(await actorFromToken(w.db, first.token)).toMatchObject({ id: w.contributor.id });
    const refused = await appErrorOf(actorFromToken(w.db, first.token));
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.details?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await actorFromToken(w.db, second.token)).toMatchObject({ id: w.contributor.id });
  });

  describe("sign-in links", () => {
    const signIn = (email: string, ip = "203.0.113.7", json = false) =>
      new Request("http://localhost:3000/api/auth/signin/email", {
        method: "POST",
        headers: {
          "content-type": json ? "application/json" : "application/x-www-form-urlencoded",
          "x-pe-remote-addr": ip,
        },
        body: json
          ? JSON.stringify({ email, csrfToken: "t", json: "true" })
          : new URLSearchParams({ email, csrfToken: "t", callbackUrl: "/submit", json: "true" }).toString(),
      });

    it("per address: past the limit a 429 with Retry-After and the answer next-auth/react reads", async () => {
      const limit = DEFAULT_RATE_LIMITS["signin-address"];
      for (let i = 0; i < limit; i++) {
        const request = signIn(i % 2 ? " Victim@Example.org" : "victim@example.org", `198.51.100.${i}`, i === 3);
        expect(await limitSignIn(request, w.db)).toBeNull();
        // next-auth still reads the body it was sent.
        expect(await request.text()).toMatch(/victim/i);
      }
      const refused = await limitSignIn(signIn("VICTIM@example.org", "198.51.100.99"), w.db);
      expect(refused?.status).toBe(429);
      const retryAfter = Number(refused?.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(RATE_LIMIT_RULES["signin-address"].windowSeconds);
      const body = await refused?.json();
      expect(new URL(body.url).pathname + new URL(body.url).search).toBe("/sign-in?error=RateLimited");
      expect(body.error).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/this address/) });
    });

    it("per network address, and without a trusted address every client shares one counter", async () => {
      process.env.RATE_LIMITS = "signin-ip=3";
      // As in a process server.ts runs: the address header is ours.
      process.env[REMOTE_ADDR_SERVER_ENV] = "1";
      try {
        for (let i = 0; i < 3; i++) expect(await limitSignIn(signIn(`user${i}@example.org`), w.db)).toBeNull();
        expect((await limitSignIn(signIn("user9@example.org"), w.db))?.status).toBe(429);
        expect(await limitSignIn(signIn("user9@example.org", "192.0.2.1"), w.db)).toBeNull();
      } finally {
        delete process.env[REMOTE_ADDR_SERVER_ENV];
      }

      // Under plain `next start` neither X-Forwarded-For nor our own header name proves anything:
      // rotating them does not buy a client a fresh counter.
      const untrusted = (email: string, i: number) =>
        new Request("http://localhost:3000/api/auth/signin/email", {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            "x-forwarded-for": `10.0.0.${i}`,
            "x-pe-remote-addr": `198.51.100.${i}`,
          },
          body: new URLSearchParams({ email }).toString(),
        });
      for (const [i, email] of ["a@example.org", "bb@example.org", "ccc@example.org"].entries())
        expect(await limitSignIn(untrusted(email, i), w.db)).toBeNull();
      expect((await limitSignIn(untrusted("dddd@example.org", 9), w.db))?.status).toBe(429);
    });

    it("leaves other auth requests and invalid addresses to next-auth, uncounted", async () => {
      const get = new Request("http://localhost:3000/api/auth/signin/email");
      expect(await limitSignIn(get, w.db)).toBeNull();
      const callback = new Request("http://localhost:3000/api/auth/callback/email", { method: "POST" });
      expect(await limitSignIn(callback, w.db)).toBeNull();
      expect(await limitSignIn(signIn("not an address"), w.db)).toBeNull();
      expect(await limitSignIn(signIn("a@example.org, b@example.org"), w.db)).toBeNull();
      expect(await w.db.rateLimit.count()).toBe(0);
    });
  });
});
