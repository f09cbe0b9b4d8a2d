// vitest helpers shared by the integration suites.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import type { Actor } from "../lib/auth/permissions";
import type { Db } from "../lib/db/client";
import { providerOf } from "../lib/db/adapter";
import { createTestDb, type TestDb } from "../lib/db/testing";
import { AppError } from "../lib/errors";
import { makeActor, seedCatalog } from "./factories";

/** The AppError a promise rejects with (the test fails if it resolves or throws something else). */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Sends this file's mail to a fresh outbox folder instead of any SMTP server. */
export function useTempOutbox(): void {
  const saved = { SMTP_URL: process.env.SMTP_URL, OUTBOX_DIR: process.env.OUTBOX_DIR };
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "pe-outbox-"));
    delete process.env.SMTP_URL;
    process.env.OUTBOX_DIR = dir;
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
}

/** Empties the review tables, drafts, the rate-limit counters, the mail and job queues between tests; the catalog stays. */
export async function clearWork(db: Db): Promise<void> {
  await db.auditEvent.deleteMany();
  await db.draft.deleteMany();
  await db.comment.deleteMany();
  await db.revision.deleteMany();
  await db.observation.deleteMany();
  await db.release.deleteMany();
  await db.provisionalId.deleteMany();
  await db.rateLimit.deleteMany();
  await db.mailJob.deleteMany();
  await db.job.deleteMany();
}

export interface WorkDb {
  t: TestDb;
  db: Db;
  contributor: Actor;
  reviewer: Actor;
  admin: Actor;
}

/**
 * A file's database with the real catalog, emptied of review work before each test, plus a fresh
 * contributor, reviewer and admin per test. Read the fields inside tests (they change per test).
 */
export function useWorkDb(): WorkDb {
  const w = {} as WorkDb;
  useTempOutbox();
  beforeAll(async () => {
    w.t = await createTestDb();
    w.db = w.t.db;
    await seedCatalog(w.db);
  });
  afterAll(() => w.t.drop());
  beforeEach(async () => {
    await clearWork(w.db);
    w.contributor = await makeActor(w.db, "CONTRIBUTOR");
    w.reviewer = await makeActor(w.db, "REVIEWER");
    w.admin = await makeActor(w.db, "ADMIN");
  });
  return w;
}

/**
 * Every column of every row of every table, as text, for tests that prove a value is stored nowhere. The tables
 * are listed by the database itself, so a table added later is searched too.
 */
export async function dumpAllTables(db: Db, url: string): Promise<string> {
  const tables =
    providerOf(url) === "postgres"
      ? await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`,
        )
      : await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
        );
  expect(tables.map((t) => t.name)).toEqual(
    expect.arrayContaining(["Observation", "Revision", "Comment", "AuditEvent"]),
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}"`);
    parts.push(
      name,
      JSON.stringify(rows, (_, v) => (typeof v === "bigint" ? String(v) : v)),
    );
  }
  return parts.join("\n");
}
