// Issue 12 §2: fuzzing every API and TAXII route and every server action (the same lists as the role × route
// matrix) with fast-check: hostile bodies, path segments and query strings (lib/http/fuzz-arbitraries.ts), sent
// as callers of several roles. No answer may be a 5xx (an action's INTERNAL counts as one), and a rejected
// request (4xx) changes no table (row counts and a checksum per table, as in the matrix).
// FUZZ_RUNS (default 12) inputs per route and per action; FUZZ_SEED replays a run. The full run:
//   FUZZ_RUNS=10000 npx vitest run --project integration lib/http/fuzz.integration.test.ts
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTempOutbox } from "../../prisma/test-helpers";
import { createTestDb, type TestDb } from "../db/testing";
import {
  actionFiles,
  APP_DIR,
  callAction,
  callRoute,
  routeFiles,
  seedWorld,
  type Caller,
  type Door,
  type World,
} from "./authz-matrix-harness";
import { settleJobs } from "../jobs";
import { settleMail } from "../mail";
import { fingerprint } from "./authz-matrix-db";
import { ACTION_CALLS, ROUTE_REQUESTS } from "./authz-matrix-requests";
import { NOT_IN_PROCESS } from "./authz-matrix-table";
import { encodeSegment, fuzzBody, fuzzQuery, fuzzSegment, nastyValue } from "./fuzz-arbitraries";

vi.mock("next-auth", (load) => import("./authz-matrix-session").then((m) => m.mockedNextAuth(load)));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 12);
// The integration project's 60 s per test fits the default runs; a long run gets time in proportion.
const TIMEOUT = Math.max(60_000, FUZZ_RUNS * 250);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
// Thousands of calls per token and per submitter: the limits would answer 429 long before the input is read.
const saved = {
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL,
  RATE_LIMITS: process.env.RATE_LIMITS,
};

useTempOutbox();
let t: TestDb;
let world: World;
beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = "fuzz-secret";
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  process.env.RATE_LIMITS = "off";
  t = await createTestDb();
  (globalThis as { __procedureExchangeDb?: unknown }).__procedureExchangeDb = t.db;
  world = await seedWorld(t);
});
afterAll(async () => {
  (globalThis as { __procedureExchangeDb?: unknown }).__procedureExchangeDb = undefined;
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await t.drop();
});

const CALLERS: Caller[] = ["admin", "reviewer", "contributorA", "contributorB", "anonymous"];
/** The input, short and printable (long strings cut, deep values named): only built for a failure. */
function describeInput(input: unknown): string {
  try {
    return JSON.stringify(input, (_, v) =>
      typeof v === "string" && v.length > 200
        ? `${v.slice(0, 60)}…(${v.length} chars)`
        : v instanceof Uint8Array
          ? `bytes(${v.length})`
          : v,
    );
  } catch {
    return fc.stringify(input);
  }
}

/** Asserts the outcome; the baseline moves only when a request was accepted. */
async function judge(status: number, input: unknown, baseline: { value: Record<string, string> }) {
  if (status >= 500) expect.fail(`a ${status} for ${describeInput(input)}`);
  // An accepted request that queued mail woke the worker: its pass changes MailJob rows, so let it end first.
  await settleJobs(t.db);
  await settleMail(t.db);
  const now = await fingerprint(t);
  if (status >= 400 && JSON.stringify(now) !== JSON.stringify(baseline.value)) {
    expect(now, `rejected with ${status} but changed the database: ${describeInput(input)}`).toEqual(baseline.value);
  }
  baseline.value = now;
}

describe("fuzzing API and TAXII routes", () => {
  for (const route of routeFiles()) {
    for (const method of route.methods) {
      const key = `${method} ${route.route}`;
      if (key in NOT_IN_PROCESS) continue;
      it(
        `${key}: ${FUZZ_RUNS} hostile requests, no 5xx, rejected ones change nothing`,
        async () => {
          const module = await import(/* @vite-ignore */ route.file);
          const valid = await ROUTE_REQUESTS[key](world, t.db);
          const paramNames = Object.keys(valid.params);
          const takesBody = valid.body !== undefined || ["POST", "PUT", "PATCH"].includes(method);
          const input = fc.record({
            caller: fc.constantFrom(...CALLERS),
            door: fc.constantFrom<Door>("token", "session"),
            body: takesBody ? fuzzBody(valid.body ?? {}) : fc.constant(undefined),
            // Sometimes one path parameter is replaced (a catch-all gets a list of segments).
            param:
              paramNames.length > 0
                ? fc.option(fc.tuple(fc.constantFrom(...paramNames), fuzzSegment), { freq: 3 })
                : fc.constant(null),
            query: fc.option(fuzzQuery, { freq: 2 }),
          });
          await settleJobs(t.db);
          await settleMail(t.db);
          const baseline = { value: await fingerprint(t) };
          await fc.assert(
            fc.asyncProperty(input, async ({ caller, door, body, param, query }) => {
              const params = { ...valid.params };
              let url = valid.url.split("?")[0];
              if (param) {
                const [name, segment] = param;
                const old = params[name];
                params[name] = Array.isArray(old) ? [segment, ...old.slice(1)] : segment;
                url = url.replace(encodeURIComponent(Array.isArray(old) ? old[0] : old), encodeSegment(segment));
              }
              const search = query ?? valid.url.split("?")[1];
              const response = await callRoute(world, {
                caller,
                door,
                method,
                module,
                url: search ? `${url}?${search}` : url,
                params,
                body: body?.body,
                contentType: body?.contentType,
                accept: valid.accept,
              });
              await response.arrayBuffer();
              await judge(response.status, { caller, door, body, param, query }, baseline);
            }),
            { numRuns: FUZZ_RUNS, seed: SEED, endOnFailure: true },
          );
        },
        TIMEOUT,
      );
    }
  }
});

/** An action argument: the valid one with a field made hostile, or a hostile value outright. */
function fuzzArg(valid: unknown): fc.Arbitrary<unknown> {
  const keys = valid && typeof valid === "object" && !Array.isArray(valid) ? Object.keys(valid) : [];
  const pollution = fc.constantFrom(
    JSON.parse('{"__proto__":{"role":"ADMIN"}}'),
    JSON.parse('{"constructor":{"prototype":{"role":"ADMIN"}}}'),
    { ...(valid as object), ...JSON.parse('{"__proto__":{"version":1}}') },
  );
  // Shown as deep(n) in a counterexample: fast-check's own printer recurses too.
  const deep = fc
    .integer({ min: 50, max: 5_000 })
    .map((n) => Object.assign(JSON.parse("[".repeat(n) + "]".repeat(n)), { [fc.toStringMethod]: () => `deep(${n})` }));
  return fc.oneof(
    {
      weight: 4,
      arbitrary: keys.length
        ? fc.tuple(fc.constantFrom(...keys), nastyValue).map(([k, v]) => ({ ...(valid as object), [k]: v }))
        : nastyValue,
    },
    { weight: 2, arbitrary: nastyValue },
    { weight: 1, arbitrary: pollution },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: fc.constant(valid) },
  );
}

describe("fuzzing server actions", () => {
  for (const file of actionFiles()) {
    for (const name of file.exports) {
      const key = `${file.file}#${name}`;
      it(
        `${key}: ${FUZZ_RUNS} hostile calls, never INTERNAL, rejected ones change nothing`,
        async () => {
          const module = await import(/* @vite-ignore */ `${APP_DIR}/${file.file}`);
          const valid = await ACTION_CALLS[key](world, t.db);
          const input = fc.record({
            caller: fc.constantFrom(...CALLERS),
            args: fc.tuple(...valid.map(fuzzArg), fc.option(nastyValue)),
          });
          await settleJobs(t.db);
          await settleMail(t.db);
          const baseline = { value: await fingerprint(t) };
          await fc.assert(
            fc.asyncProperty(input, async ({ caller, args }) => {
              const status = await callAction(world, caller, module[name], args);
              await judge(status, { caller, args }, baseline);
            }),
            { numRuns: FUZZ_RUNS, seed: SEED, endOnFailure: true },
          );
        },
        TIMEOUT,
      );
    }
  }
});
