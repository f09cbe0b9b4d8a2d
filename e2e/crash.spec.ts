// Crash safety (issue 12 item 3): the server is killed with SIGKILL in the middle of a bulk review action and in the
// middle of a release export, while it holds SQLite's write lock (a second connection is refused it: the transaction
// is open). After each kill the database is whole (integrity and foreign-key checks), nothing of the interrupted
// action is there (all or nothing), and a restarted server runs the same action to the end. A catalog import killed
// the same way is lib/attack/import-crash.integration.test.ts (imports run in the CLI, not the server).
import Database from "better-sqlite3";
import path from "node:path";
import { findUserByEmail } from "../lib/auth/users";
import { seedObservations } from "../lib/cli/seed";
import { createDb, type Db } from "../lib/db/client";
import { expect, test } from "./fixtures";
import { startServer, type SpawnedServer } from "./servers";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

const NAME = "crash";
const PORT = 3218;
// A short job lease: the export whose server was killed is taken again seconds after the restart, not a minute.
const ENV = { RATE_LIMITS: "off", DIGEST: "off", JOB_LEASE_SECONDS: "4", JOB_POLL_SECONDS: "1" };
const BULK = 100;

test.describe.configure({ mode: "serial", timeout: 240_000 });

let server: SpawnedServer;
let db: Db;
let file: string;

test.beforeAll(async () => {
  server = await startServer({ name: NAME, port: PORT, prepare: true, env: ENV });
  file = path.join(server.dir, "app.db");
  db = createDb(`file:${file}`);
  await seedObservations(db, { observations: 3000, force: true });
});

test.afterAll(async () => {
  await db?.$disconnect();
  await server?.stop();
});

const tokens = () => readE2eTokens(path.relative(path.resolve(__dirname, ".."), server.dir));

function call(token: string, route: string, body: unknown): Promise<Response> {
  return fetch(`http://127.0.0.1:${PORT}${route}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

interface Job {
  id: string;
  url: string;
  status: string;
  attempts: number;
  error: unknown;
  result: unknown;
}

/** Polls a job until it is DONE or FAILED (rejects if the server goes away meanwhile, e.g. when it is killed). */
async function jobEnded(url: string, timeoutMs = 180_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${PORT}${url}`, {
      headers: { authorization: `Bearer ${tokens().admin}` },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const job = (await response.json()) as Job;
    if (job.status === "DONE" || job.status === "FAILED") return job;
    if (Date.now() > deadline) throw new Error(`${url} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Waits until another connection holds SQLite's write lock for three polls in a row (30 ms: longer than the
 * token bookkeeping a request writes first), i.e. the action's transaction is open. False if `done` settles first.
 */
async function writerHoldsLock(done: Promise<unknown>, timeoutMs = 120_000): Promise<boolean> {
  let settled = false;
  done.then(
    () => (settled = true),
    () => (settled = true),
  );
  const probe = new Database(file, { timeout: 0 });
  try {
    let streak = 0;
    const deadline = Date.now() + timeoutMs;
    while (!settled && Date.now() < deadline) {
      try {
        probe.exec("BEGIN IMMEDIATE");
        probe.exec("ROLLBACK");
        streak = 0;
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
        if (++streak >= 3) return true;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    return false;
  } finally {
    probe.close();
  }
}

/** What a killed transaction must not have changed, and the file's own checks. */
async function consistent() {
  const check = new Database(file, { readonly: true });
  try {
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(check.pragma("foreign_key_check")).toEqual([]);
  } finally {
    check.close();
  }
}

const counts = async () => ({
  revisions: await db.revision.count(),
  audit: await db.auditEvent.count(),
});

async function restart() {
  server = await startServer({ name: NAME, port: PORT, keep: true, env: ENV });
}

test("a bulk action killed half-way leaves nothing half-written, and runs again after a restart", async () => {
  const reviewer = (await findUserByEmail(db, E2E_USERS.reviewer.email))!;
  const chosen = await db.observation.findMany({
    where: { status: "SUBMITTED" },
    orderBy: { createdAt: "asc" },
    take: BULK,
    select: { id: true },
  });
  expect(chosen).toHaveLength(BULK);
  await db.observation.updateMany({
    where: { id: { in: chosen.map((c) => c.id) } },
    data: { status: "IN_REVIEW", assigneeId: reviewer.id },
  });
  const before = await db.observation.findMany({
    where: { id: { in: chosen.map((c) => c.id) } },
    select: { publicId: true, version: true, status: true },
    orderBy: { publicId: "asc" },
  });
  const body = {
    action: "reject",
    reason: "Crash test: out of scope for ATT&CK.",
    items: before.map((o) => ({ id: o.publicId, version: o.version })),
  };
  const beforeCounts = await counts();

  const request = call(tokens().reviewer, "/api/v1/queue/bulk", body);
  expect(await writerHoldsLock(request), "the bulk action ended before it could be killed").toBe(true);
  await server.crash();
  await request.catch(() => {});

  await consistent();
  const after = await db.observation.findMany({
    where: { publicId: { in: before.map((o) => o.publicId) } },
    select: { publicId: true, version: true, status: true },
    orderBy: { publicId: "asc" },
  });
  expect(after).toEqual(before);
  expect(await counts()).toEqual(beforeCounts);

  await restart();
  const again = await call(tokens().reviewer, "/api/v1/queue/bulk", body);
  expect(again.status, await again.clone().text()).toBe(200);
  const done = await db.observation.findMany({
    where: { publicId: { in: before.map((o) => o.publicId) } },
    select: { version: true, status: true },
  });
  expect(done.every((o) => o.status === "REJECTED")).toBe(true);
  expect((await counts()).revisions).toBe(beforeCounts.revisions + BULK);
});

test("an export killed half-way leaves the release as it was, and its job runs again after a restart", async () => {
  const admin = (await findUserByEmail(db, E2E_USERS.admin.email))!;
  const release = await db.release.create({
    data: { name: "Crash release", domain: "enterprise-attack", attackVersion: "18.1", createdById: admin.id },
  });
  await db.observation.updateMany({
    where: { status: { notIn: ["REJECTED", "IN_REVIEW"] }, actorKind: { not: "UNATTRIBUTED" } },
    data: { status: "ACCEPTED", tlp: "CLEAR", releaseId: release.id, decidedAt: new Date() },
  });
  const members = await db.observation.count({ where: { releaseId: release.id } });
  expect(members).toBeGreaterThan(1000);
  const beforeCounts = await counts();
  const published = () => db.observation.count({ where: { status: "PUBLISHED" } });
  const publishedBefore = await published();

  // The export is a job: the request answers 202 at once, the server's worker runs it; kill it while it writes.
  const accepted = await call(tokens().admin, `/api/v1/releases/${release.id}/export`, {});
  expect(accepted.status, await accepted.clone().text()).toBe(202);
  const job = (await accepted.json()) as Job;
  expect(await writerHoldsLock(jobEnded(job.url)), "the export ended before it could be killed").toBe(true);
  await server.crash();

  await consistent();
  const kept = await db.release.findUniqueOrThrow({ where: { id: release.id } });
  expect(kept.status).toBe("OPEN");
  expect(kept.bundle).toBeNull();
  expect(await published()).toBe(publishedBefore);
  expect(await counts()).toEqual(beforeCounts);
  expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "RUNNING", attempts: 1 });

  await restart();
  // Asking again finds the same export (one per release); its dead worker's lease lapses and the new server runs it.
  const again = await call(tokens().admin, `/api/v1/releases/${release.id}/export`, {});
  expect(again.status, await again.clone().text()).toBe(202);
  expect(((await again.json()) as Job).id).toBe(job.id);
  const done = await jobEnded(job.url);
  expect(done).toMatchObject({ status: "DONE", attempts: 2, error: null, result: { status: "EXPORTED" } });
  const bundle = await fetch(`http://127.0.0.1:${PORT}/api/v1/releases/${release.id}/bundle.json`, {
    headers: { authorization: `Bearer ${tokens().admin}` },
  });
  expect(bundle.status).toBe(200);
  const objects = ((await bundle.json()) as { objects: { type: string }[] }).objects;
  expect(objects.filter((o) => o.type === "relationship").length).toBeGreaterThan(100);
  expect(await published()).toBeGreaterThan(publishedBefore + 1000);
});
