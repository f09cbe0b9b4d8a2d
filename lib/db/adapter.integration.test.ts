// SQLite keeps each connection's prepared statements (lib/db/adapter.ts reuseStatements): one SQL text run with
// other arguments, as a reader and as a writer, inside and outside a transaction, and past the cache's size, must
// give what a fresh statement gives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
