import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { migrateDatabase, migrateSqlite, readMigrations } from "./migrate";
import { createTestDb, type TestDb } from "./testing";
import { providerOf, sqliteFilePath } from "./adapter";

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

// A migration that rebuilds a referenced table (Prisma's SQLite way to change a column: copy, DROP, rename) must keep
// the rows that reference it: the kept_indicators migration rebuilt Observation, whose revisions and comments a
// cascading DROP would have deleted.
describe.runIf(process.env.TEST_DB !== "postgres")("SQLite table rebuilds", () => {
  it("keep the rows of tables that reference the rebuilt one", async () => {
    const file = path.join(process.cwd(), "data", "test", `pe_rebuild_${randomBytes(4).toString("hex")}.db`);
    const t = { url: `file:${file}` };
    try {
      const all = readMigrations("sqlite");
      const at = all.findIndex((m) => m.name.endsWith("_kept_indicators"));
      expect(at).toBeGreaterThan(0);
      migrateSqlite(t.url, all.slice(0, at));
      const sqlite = new Database(sqliteFilePath(t.url));
      try {
        sqlite.exec(`
            INSERT INTO "User" (id, email, role) VALUES ('u1', 'u1@example.test', 'CONTRIBUTOR');
            INSERT INTO "Observation" ("publicId", domain, status, "contributorId", "techniqueStixId", "techniqueAttackId",
              "actorKind", procedure, "references", platforms, tlp, credit, "createdAt", "updatedAt")
              VALUES ('OBS-000001', 'enterprise-attack', 'SUBMITTED', 'u1', 'attack-pattern--x', 'T1059', 'EXISTING',
              'text', '[]', '[]', 'CLEAR', 'anonymous', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00');
            INSERT INTO "Revision" (id, "observationId", version, "editorId", snapshot, "createdAt")
              VALUES ('r1', 1, 1, 'u1', '{}', '2026-01-01T00:00:00+00:00');
            INSERT INTO "Comment" (id, "observationId", "authorId", body, "createdAt")
              VALUES ('c1', 1, 'u1', 'hello', '2026-01-01T00:00:00+00:00');
          `);
      } finally {
        sqlite.close();
      }
      expect(migrateSqlite(t.url, all).length).toBe(all.length - at);
      const after = new Database(sqliteFilePath(t.url), { readonly: true });
      try {
        expect(after.prepare(`SELECT count(*) AS n FROM "Revision"`).get()).toEqual({ n: 1 });
        expect(after.prepare(`SELECT count(*) AS n FROM "Comment"`).get()).toEqual({ n: 1 });
        expect(after.prepare(`SELECT "publicId" FROM "Observation"`).all()).toEqual([{ publicId: "OBS-000001" }]);
      } finally {
        after.close();
      }
    } finally {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    }
  });
});
