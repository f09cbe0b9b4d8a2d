import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, readMigrations } from "./migrate";
import { createTestDb, type TestDb } from "./testing";
import { providerOf } from "./adapter";

describe("migrateDatabase", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());

  it("applied every migration once and records them where prisma migrate deploy looks", async () => {
    const names = readMigrations(providerOf(t.url)).map((m) => m.name);
    const rows = await t.db.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    expect(await migrateDatabase(t.url)).toEqual([]);
  });

  it("enforces foreign keys", async () => {
    await expect(
      t.db.apiToken.create({ data: { userId: "no-such-user", name: "x", tokenHash: "h" } }),
    ).rejects.toThrow();
  });
});
