// Test databases: every integration test file gets a fresh, migrated database of the provider the
// run was started with (TEST_DB=sqlite, the default, or TEST_DB=postgres), and a reset between tests.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { adminQuery, pgConfig } from "./adapter";
import { createDb, type Db } from "./client";
import { migrateDatabase } from "./migrate";

export const TEST_PG_ADMIN_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TestDb {
  db: Db;
  url: string;
  reset(): Promise<void>;
  drop(): Promise<void>;
}

// Children before parents, so plain DELETEs satisfy the foreign keys on both providers.
const TABLES = [
  "AuditEvent",
  "Draft",
  "Comment",
  "Revision",
  "Observation",
  "Release",
  "ApiToken",
  "Session",
  "Account",
  "VerificationToken",
  "User",
  "KnownProcedure",
  "AttackObject",
  "CatalogVersion",
  "CatalogChange",
  "RateLimit",
  "MailJob",
];

function assertLocal(url: string): void {
  const host = url.startsWith("file:") ? "localhost" : new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  }
}

export async function createTestDb(): Promise<TestDb> {
  const name = `pe_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const provider = process.env.TEST_DB === "postgres" ? "postgres" : "sqlite";
  let url: string;
  if (provider === "postgres") {
    const admin = new URL(TEST_PG_ADMIN_URL);
    assertLocal(admin.toString());
    await adminQuery(pgConfig(admin.toString()), `CREATE DATABASE "${name}"`);
    admin.pathname = `/${name}`;
    url = admin.toString();
  } else {
    url = `file:${path.join(process.cwd(), "data", "test", `${name}.db`)}`;
  }
  await migrateDatabase(url);
  const db = createDb(url);
  return {
    db,
    url,
    async reset() {
      for (const table of TABLES) await db.$executeRawUnsafe(`DELETE FROM "${table}"`);
    },
    async drop() {
      // A mail run woken by the last test's change may still be going: let it end before the database goes.
      await (await import("../mail/worker")).settleMail(db);
      await db.$disconnect();
      if (provider === "postgres") {
        await adminQuery(pgConfig(TEST_PG_ADMIN_URL), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } else {
        const file = url.replace(/^file:/, "");
        for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
      }
    },
  };
}
