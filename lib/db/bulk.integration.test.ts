// The driver path writes values the way Prisma reads them back, on both providers. On PostgreSQL the rows go
// through COPY in CSV quoted with \x01 (lib/db/bulk.ts): a value holding that character, double quotes, commas,
// line breaks, a backslash or nothing at all must come back exactly as written, and null must stay null.
import { statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteFilePath } from "./adapter";
import { inBulkTransaction } from "./bulk";
import { createTestDb, type TestDb } from "./testing";

const AWKWARD = [
  "",
  'He said "run it", then left',
  "line one\nline two\r\nline three",
  "a\x01b\x01\x01c",
  "\x01",
  "back\\slash and tab\there",
  "Ünïcödé ✓ 𝔘",
];

describe("bulk insert through the driver", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());

  it("stores awkward text, JSON, booleans, dates and null exactly", async () => {
    const modified = new Date("2025-10-28T14:45:00.123Z");
    const rows = AWKWARD.map((text, i) => ({
      id: `bulk-${i}`,
      domain: "enterprise-attack",
      stixId: `attack-pattern--${i}`,
      attackId: i % 2 ? null : `T9${i}`,
      kind: "technique",
      stixType: "attack-pattern",
      name: text,
      description: text,
      aliases: [text, `"${text}"`],
      tactics: [],
      platforms: ["Windows"],
      isSubtechnique: i % 2 === 1,
      revoked: false,
      deprecated: true,
      modified,
      stix: { id: `attack-pattern--${i}`, description: text, nested: { quote: '"', sep: "\x01" } },
    }));
    await inBulkTransaction(t.url, (sql) => sql.insert("AttackObject", rows));

    const stored = await t.db.attackObject.findMany({ orderBy: { id: "asc" } });
    expect(stored).toHaveLength(AWKWARD.length);
    for (const row of rows) {
      const back = stored.find((s) => s.id === row.id)!;
      expect(back.name).toBe(row.name);
      expect(back.description).toBe(row.description);
      expect(back.attackId).toBe(row.attackId);
      expect(back.aliases).toEqual(row.aliases);
      expect(back.stix).toEqual(row.stix);
      expect(back.isSubtechnique).toBe(row.isSubtechnique);
      expect(back.deprecated).toBe(true);
      expect(back.modified.toISOString()).toBe(modified.toISOString());
    }
  });

  it("commits nothing when the body throws", async () => {
    const before = await t.db.attackObject.count();
    await expect(
      inBulkTransaction(t.url, async (sql) => {
        await sql.run(`DELETE FROM "AttackObject"`);
        throw new Error("stop half-way");
      }),
    ).rejects.toThrow("stop half-way");
    expect(await t.db.attackObject.count()).toBe(before);
  });

  it("on SQLite, leaves a large write's checkpoint to a worker thread: the rows at once, the file soon", async () => {
    if (!t.url.startsWith("file:")) return; // PostgreSQL has no write-ahead log of ours to copy
    const file = sqliteFilePath(t.url);
    const before = statSync(file).size;
    // About 8 MB: far past the 1,000 pages (4 MB) at which a commit would copy the log into the file itself.
    const text = "x".repeat(2_000);
    const rows = Array.from({ length: 4_000 }, (_, i) => ({
      id: `big-${i}`,
      domain: "enterprise-attack",
      stixId: `attack-pattern--big-${i}`,
      sourceRef: "intrusion-set--big",
      targetRef: `attack-pattern--big-${i}`,
      description: text,
    }));
    await inBulkTransaction(t.url, (sql) => sql.insert("KnownProcedure", rows), { checkpointInBackground: true });
    expect(await t.db.knownProcedure.count({ where: { sourceRef: "intrusion-set--big" } })).toBe(rows.length);
    // The commit left the rows in the log; the worker then copies them into the database file.
    await expect.poll(() => statSync(file).size, { timeout: 10_000 }).toBeGreaterThan(before + 8_000_000);
  });
});
