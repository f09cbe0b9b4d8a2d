// Issue 12 §1: the role × route matrix. Every API and TAXII route and every server action, found on disk, is
// called in-process as each caller (both doors: session cookie and API token) and must answer exactly what
// EXPECTED says. A refusal (any 4xx) writes no audit row and changes no table (row counts and a checksum per
// table). A route or action without a row here fails, and so does a row whose route is gone.
// Pages are rendered by Next, so they are covered over HTTP in e2e/authz.spec.ts (from the same file listing).
// AUTHZ_PRINT=1 prints the observed table (to review a new route's row, never to copy blindly).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTempOutbox } from "../../prisma/test-helpers";
import { createTestDb, type TestDb } from "../db/testing";
import { settleJobs } from "../jobs";
import { settleMail } from "../mail";
import {
  actionFiles,
  APP_DIR,
  callAction,
  callRoute,
  CALLERS,
  routeFiles,
  seedWorld,
  type Caller,
  type Door,
  type World,
} from "./authz-matrix-harness";
import { auditCount, fingerprint, restoreWorld, snapshotWorld, type Snapshot } from "./authz-matrix-db";
import { ACTION_CALLS, ROUTE_REQUESTS } from "./authz-matrix-requests";
import { EXPECTED_ACTIONS, EXPECTED_ROUTES, NOT_IN_PROCESS, type Row } from "./authz-matrix-table";

vi.mock("next-auth", (load) => import("./authz-matrix-session").then((m) => m.mockedNextAuth(load)));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

useTempOutbox();
let t: TestDb;
let world: World;
let seeded: Snapshot;
let seededPrint: string;
const saved = { NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = "authz-matrix-secret";
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  t = await createTestDb();
  (globalThis as { __procedureExchangeDb?: unknown }).__procedureExchangeDb = t.db;
  world = await seedWorld(t);
  // The seeding queued mail and woke the worker: snapshot the world once its pass is over.
  await settleJobs(t.db);
  await settleMail(t.db);
  seeded = await snapshotWorld(t.db);
  seededPrint = JSON.stringify(await fingerprint(t));
});
afterAll(async () => {
  (globalThis as { __procedureExchangeDb?: unknown }).__procedureExchangeDb = undefined;
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await t.drop();
});

const DOORS: Door[] = ["session", "token"];
const cells = (row: Row) =>
  CALLERS.flatMap((caller): { caller: Caller; door: Door }[] =>
    caller === "anonymous" ? [{ caller, door: "session" }] : DOORS.map((door) => ({ caller, door })),
  )
    .map(({ caller, door }) => ({ caller, door, expected: expectedOf(row, caller, door) }))
    // Refusals first: they must change nothing, so they share one world; an allowed write re-seeds after itself.
    .sort((a, b) => Number(a.expected < 300) - Number(b.expected < 300));

function expectedOf(row: Row, caller: Caller, door: Door): number {
  const cell = row[caller];
  return typeof cell === "number" ? cell : cell[door];
}

const printed: string[] = [];
afterAll(() => {
  if (process.env.AUTHZ_PRINT) console.log(printed.join("\n"));
});

/** Calls one cell; for a refusal proves nothing changed, and re-seeds after anything that changed the world. */
async function check(
  label: string,
  expected: number,
  run: () => Promise<number>,
): Promise<{ status: number; problems: string[] }> {
  await settleJobs(t.db);
  await settleMail(t.db);
  const before = await fingerprint(t);
  const audits = await auditCount(t.db);
  const status = await run();
  // A write that queued mail woke the worker: let its pass end before the tables are compared or put back.
  await settleJobs(t.db);
  await settleMail(t.db);
  const problems: string[] = [];
  if (status !== expected) problems.push(`${label}: expected ${expected}, got ${status}`);
  const after = await fingerprint(t);
  if (status >= 400) {
    if ((await auditCount(t.db)) !== audits) problems.push(`${label}: refused with ${status} but wrote an audit row`);
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    if (changed.length) problems.push(`${label}: refused with ${status} but changed ${changed.join(", ")}`);
  }
  if (JSON.stringify(after) !== JSON.stringify(before)) {
    await restoreWorld(t.db, seeded);
    // The restored world is the seeded one, row for row (else a later cell would start elsewhere).
    if (JSON.stringify(await fingerprint(t)) !== seededPrint) problems.push(`${label}: the restore drifted`);
  }
  return { status, problems };
}

describe("role × route matrix: API and TAXII routes", () => {
  it("has one row per route file method, and no row for a route that is gone", () => {
    const onDisk = routeFiles().flatMap((r) => r.methods.map((m) => `${m} ${r.route}`));
    const listed = [...Object.keys(EXPECTED_ROUTES), ...Object.keys(NOT_IN_PROCESS)];
    expect(listed.sort()).toEqual(onDisk.sort());
    expect(Object.keys(ROUTE_REQUESTS).sort()).toEqual(Object.keys(EXPECTED_ROUTES).sort());
  });

  for (const route of routeFiles()) {
    for (const method of route.methods) {
      const key = `${method} ${route.route}`;
      if (key in NOT_IN_PROCESS) continue;
      it(key, async () => {
        const row = EXPECTED_ROUTES[key];
        expect(row, `${key} has no row in lib/http/authz-matrix-table.ts`).toBeDefined();
        const module = await import(/* @vite-ignore */ route.file);
        const problems: string[] = [];
        const observed: string[] = [];
        for (const { caller, door, expected } of cells(row)) {
          const label = `${key} as ${caller} (${door})`;
          const result = await check(label, expected, async () => {
            const spec = await ROUTE_REQUESTS[key](world, t.db);
            const response = await callRoute(world, {
              caller,
              door,
              method,
              module,
              url: spec.url,
              params: spec.params,
              body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
              accept: spec.accept,
            });
            return response.status;
          });
          problems.push(...result.problems);
          observed.push(`${caller}/${door}=${result.status}`);
        }
        printed.push(`${key}: ${observed.join(" ")}`);
        expect(problems).toEqual([]);
      });
    }
  }
});

describe("role × route matrix: server actions", () => {
  it("has one row per exported action, and no row for an action that is gone", () => {
    const onDisk = actionFiles().flatMap((f) => f.exports.map((e) => `${f.file}#${e}`));
    expect(Object.keys(EXPECTED_ACTIONS).sort()).toEqual(onDisk.sort());
    expect(Object.keys(ACTION_CALLS).sort()).toEqual(onDisk.sort());
  });

  for (const file of actionFiles()) {
    for (const name of file.exports) {
      const key = `${file.file}#${name}`;
      it(key, async () => {
        const row = EXPECTED_ACTIONS[key];
        expect(row, `${key} has no row in lib/http/authz-matrix-table.ts`).toBeDefined();
        const module = await import(/* @vite-ignore */ `${APP_DIR}/${file.file}`);
        const problems: string[] = [];
        const observed: string[] = [];
        // Server actions have one door, the session.
        const order = [...CALLERS].sort((a, b) => Number(row[a] < 300) - Number(row[b] < 300));
        for (const caller of order) {
          const expected = row[caller];
          const result = await check(`${key} as ${caller}`, expected, async () =>
            callAction(world, caller, module[name], await ACTION_CALLS[key](world, t.db)),
          );
          problems.push(...result.problems);
          observed.push(`${caller}=${result.status}`);
        }
        printed.push(`${key}: ${observed.join(" ")}`);
        expect(problems).toEqual([]);
      });
    }
  }
});
