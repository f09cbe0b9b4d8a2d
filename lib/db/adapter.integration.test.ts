// SQLite keeps each connection's prepared statements (lib/db/adapter.ts reuseStatements): one SQL text run with
// other arguments, as a reader and as a writer, inside and outside a transaction, and past the cache's size, must
// give what a fresh statement gives.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteFilePath } from "./adapter";
import { createTestDb, type TestDb } from "./testing";

const onSqlite = process.env.TEST_DB !== "postgres";

describe.runIf(onSqlite)("reused SQLite statements", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());

  it("binds each run's own arguments to a statement it has prepared before", async () => {
    for (const n of [1, 2, 3]) {
      expect(await t.db.$queryRawUnsafe<{ v: number }[]>("SELECT ? * 10 AS v", n)).toEqual([{ v: n * 10 }]);
    }
    const emails = ["a@example.test", "b@example.test", "c@example.test"];
    for (const email of emails) await t.db.user.create({ data: { email, role: "CONTRIBUTOR" } });
    for (const email of emails) {
      expect((await t.db.user.findUnique({ where: { email } }))?.email).toBe(email);
    }
    await t.db.$transaction(async (tx) => {
      await tx.user.update({ where: { email: "a@example.test" }, data: { name: "A" } });
      await tx.user.update({ where: { email: "b@example.test" }, data: { name: "B" } });
    });
    const named = await t.db.user.findMany({ where: { name: { not: null } }, orderBy: { email: "asc" } });
    expect(named.map((u) => u.name)).toEqual(["A", "B"]);
  });

  it("still answers right after more distinct statements than it keeps", async () => {
    for (let i = 0; i < 600; i++) {
      expect(await t.db.$queryRawUnsafe<{ v: number }[]>(`SELECT ? + ${i} AS v`, 1)).toEqual([{ v: i + 1 }]);
    }
    expect(await t.db.$queryRawUnsafe<{ v: number }[]>("SELECT ? * 10 AS v", 7)).toEqual([{ v: 70 }]);
  });
});

// The app's client answers reads outside transactions from a second connection (lib/db/adapter.ts splitReads).
describe.runIf(onSqlite)("SQLite reads beside an open transaction", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());

  /** Runs a transaction that writes `email` and then waits, open, until the returned `close` is called. */
  function openTransaction(email: string, outcome: "commit" | "rollback") {
    let close!: () => void;
    const closed = new Promise<void>((resolve) => (close = resolve));
    let written!: () => void;
    const open = new Promise<void>((resolve) => (written = resolve));
    const done = t.db
      .$transaction(
        async (tx) => {
          await tx.user.create({ data: { email, role: "CONTRIBUTOR" } });
          // Inside the transaction its own write is visible.
          expect(await tx.user.findUnique({ where: { email } })).not.toBeNull();
          written();
          await closed;
          if (outcome === "rollback") throw new Error("rolled back on purpose");
        },
        { timeout: 20_000 },
      )
      .catch((error: Error) => {
        if (error.message !== "rolled back on purpose") throw error;
      });
    return { open, close, done };
  }

  it("answers a read while a write transaction is open, without its uncommitted rows, then with them", async () => {
    await t.db.user.create({ data: { email: "before@example.test", role: "CONTRIBUTOR" } });
    const tx = openTransaction("inside@example.test", "commit");
    await tx.open;
    // Answered while the transaction still holds the write lock (awaited before it is let go).
    const started = performance.now();
    const seen = await t.db.user.findMany({ select: { email: true }, orderBy: { email: "asc" } });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(seen.map((u) => u.email)).toEqual(["before@example.test"]);
    expect(await t.db.$queryRawUnsafe<{ n: number }[]>(`SELECT COUNT(*) AS n FROM "User"`)).toEqual([{ n: 1n }]);
    tx.close();
    await tx.done;
    // Read-your-writes: the next read, on the reading connection, sees the commit.
    expect(await t.db.user.findUnique({ where: { email: "inside@example.test" } })).not.toBeNull();
  });

  it("lets a write outside the transaction wait for it instead of joining it (a rollback does not undo it)", async () => {
    const tx = openTransaction("undone@example.test", "rollback");
    await tx.open;
    const outside = t.db.user.create({ data: { email: "outside@example.test", role: "CONTRIBUTOR" } });
    let finished = false;
    void outside.then(() => (finished = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(finished).toBe(false); // waiting for the open transaction
    tx.close();
    await tx.done;
    await outside;
    expect(await t.db.user.findUnique({ where: { email: "undone@example.test" } })).toBeNull();
    expect(await t.db.user.findUnique({ where: { email: "outside@example.test" } })).not.toBeNull();
  });

  it("answers a read at once while another connection holds the write lock, and sees its commit after", async () => {
    const other = new Database(sqliteFilePath(t.url), { timeout: 5000 });
    try {
      other.exec(`BEGIN IMMEDIATE; INSERT INTO "User" ("id", "email", "role", "createdAt") VALUES
        ('other-1', 'other@example.test', 'CONTRIBUTOR', '2026-01-01T00:00:00.000+00:00');`);
      const started = performance.now();
      expect(await t.db.user.findUnique({ where: { email: "other@example.test" } })).toBeNull();
      expect(performance.now() - started).toBeLessThan(1000);
      other.exec("COMMIT");
      expect(await t.db.user.findUnique({ where: { email: "other@example.test" } })).not.toBeNull();
    } finally {
      other.close();
    }
  });

  it("sees a write at once in the same request: create, then read outside any transaction", async () => {
    for (let i = 0; i < 20; i++) {
      const email = `row-${i}@example.test`;
      await t.db.user.create({ data: { email, role: "REVIEWER" } });
      expect((await t.db.user.findUnique({ where: { email } }))?.role).toBe("REVIEWER");
      await t.db.user.update({ where: { email }, data: { role: "ADMIN" } });
      expect((await t.db.user.findUnique({ where: { email } }))?.role).toBe("ADMIN");
    }
  });
});
