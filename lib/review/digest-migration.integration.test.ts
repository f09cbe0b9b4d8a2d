// The digest's migration on a database in use: adding User.digest must keep every session, account and API token
// (a SQLite table redefinition inside lib/db/migrate's transaction would cascade-delete them).
import { afterAll, beforeAll, expect, it } from "vitest";
import { providerOf } from "../db/adapter";
import { migrateDatabase } from "../db/migrate";
import { createTestDb, type TestDb } from "../db/testing";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

it("applies to a database with signed-in users without touching their sessions, accounts or tokens", async () => {
  // Back to the state before the migration: its columns gone, its ledger row removed.
  const { db, url } = t;
  await db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE migration_name LIKE '%_reviewer_digest'`);
  await db.$executeRawUnsafe(`ALTER TABLE "User" DROP COLUMN "digestSentAt"`);
  await db.$executeRawUnsafe(`ALTER TABLE "User" DROP COLUMN "digest"`);
  if (providerOf(url) === "postgres") await db.$executeRawUnsafe(`DROP TYPE "DigestFrequency"`);
  await db.$executeRawUnsafe(`INSERT INTO "User" ("id", "email", "role") VALUES ('u1', 'r@example.test', 'REVIEWER')`);
  await db.$executeRawUnsafe(
    `INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES ('s1', 'tok', 'u1', CURRENT_TIMESTAMP)`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Account" ("id", "userId", "type", "provider", "providerAccountId") VALUES ('a1', 'u1', 'email', 'email', 'r@example.test')`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "ApiToken" ("id", "userId", "name", "tokenHash") VALUES ('k1', 'u1', 'cli', 'hash')`,
  );

  expect((await migrateDatabase(url)).map((name) => name.replace(/^\d+_/, ""))).toEqual(["reviewer_digest"]);

  expect(await db.session.count()).toBe(1);
  expect(await db.account.count()).toBe(1);
  expect(await db.apiToken.count()).toBe(1);
  expect(await db.user.findUniqueOrThrow({ where: { id: "u1" } })).toMatchObject({
    role: "REVIEWER",
    digest: "OFF",
    digestSentAt: null,
  });
});
