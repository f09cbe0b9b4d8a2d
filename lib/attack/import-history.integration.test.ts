// The oldest releases the catalog accepts, against a real database: Enterprise v6.3 (the last one
// before sub-techniques) and v7.0 (the sub-technique release, which revokes 129 v6.3 techniques).
// Neither declares its domain, so both go through kill-chain inference. Read from ../shared/attack.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../db/testing";
import { currentCatalog } from "./catalog";
import { importCatalog, type ImportResult } from "./import";

const bundle = (name: string) => path.resolve(process.cwd(), "../shared/attack", name);
const V6_3 = bundle("enterprise-attack-6.3.json");
const V7_0 = bundle("enterprise-attack-7.0.json");
const DOMAIN = "enterprise-attack";
const T1086 = "attack-pattern--f4882e23-8aa7-4b12-b28a-b349c12ee9e0"; // PowerShell, in both releases
const T1059_001 = "attack-pattern--970a3432-3237-47ad-bcca-7d8cbb217736"; // PowerShell, new in 7.0

describe("importCatalog with Enterprise ATT&CK v6.3 then v7.0", () => {
  let t: TestDb;
  let v63: ImportResult;
  let liveIn63: Set<string>;
  beforeAll(async () => {
    t = await createTestDb();
    v63 = await importCatalog(t.db, { path: V6_3 });
    const live = await t.db.attackObject.findMany({ where: { revoked: false }, select: { stixId: true } });
    liveIn63 = new Set(live.map((o) => o.stixId));
  });
  afterAll(() => t.drop());

  const count = (where: Record<string, unknown>) => t.db.attackObject.count({ where: { domain: DOMAIN, ...where } });
  const active = { revoked: false, deprecated: false };

  it("imports v6.3, which declares no domain, as Enterprise with its procedure examples", async () => {
    expect(v63).toMatchObject({ domain: DOMAIN, version: "6.3", skipped: false, objects: 739, procedures: 4828 });
    expect(await count({ kind: "technique", ...active })).toBe(266);
    expect(await count({ isSubtechnique: true })).toBe(0);
    expect(await count({ kind: "tactic" })).toBe(12);
    expect(await count({ kind: "group" })).toBe(96);
    expect(await t.db.knownProcedure.count({ where: { domain: DOMAIN } })).toBe(4828);
    expect(await t.db.attackObject.findFirstOrThrow({ where: { stixId: T1086 } })).toMatchObject({
      attackId: "T1086",
      name: "PowerShell",
      revoked: false,
      isSubtechnique: false,
      tactics: ["execution"],
    });
    expect(await currentCatalog(t.db, DOMAIN)).toMatchObject({ version: "6.3", objectCount: 739 });
  });

  it("replaces the rows with v7.0, keeping both versions on record", async () => {
    const v70 = await importCatalog(t.db, { path: V7_0 });
    expect(v70).toMatchObject({ domain: DOMAIN, version: "7.0", skipped: false, objects: 1101, procedures: 6125 });
    expect(await t.db.attackObject.count()).toBe(1101);
    expect(await t.db.knownProcedure.count()).toBe(6125);
    expect(await count({ kind: "technique", ...active })).toBe(428);
    expect(await count({ kind: "technique", ...active, isSubtechnique: true })).toBe(272);
    const versions = await t.db.catalogVersion.findMany({ where: { domain: DOMAIN }, orderBy: { importedAt: "asc" } });
    expect(versions.map((v) => [v.version, v.current, v.objectCount])).toEqual([
      ["6.3", false, 739],
      ["7.0", true, 1101],
    ]);
    expect(versions.map((v) => v.sha256)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), expect.any(String)]);
    expect(versions[0].sha256).not.toBe(versions[1].sha256);
  });

  it("stores the replacement of every technique v7.0 revokes: T1086 → T1059.001", async () => {
    expect(await t.db.attackObject.findFirstOrThrow({ where: { stixId: T1086 } })).toMatchObject({
      attackId: "T1086",
      revoked: true,
      revokedBy: T1059_001,
    });
    expect(await t.db.attackObject.findFirstOrThrow({ where: { stixId: T1059_001 } })).toMatchObject({
      attackId: "T1059.001",
      isSubtechnique: true,
      parentAttackId: "T1059",
    });
    const revoked = await t.db.attackObject.findMany({
      where: { revoked: true },
      select: { stixId: true, revokedBy: true },
    });
    expect(revoked).toHaveLength(132);
    expect(revoked.filter((o) => o.revokedBy === null)).toEqual([]);
    // 129 of them were live techniques in v6.3; the other 3 were already revoked there.
    expect(revoked.filter((o) => liveIn63.has(o.stixId))).toHaveLength(129);
    expect(await count({ deprecated: true })).toBe(11);
  });

  it("does nothing when v7.0 is imported again", async () => {
    const before = await t.db.catalogVersion.findMany({ orderBy: { version: "asc" } });
    const row = await t.db.attackObject.findFirstOrThrow({ where: { stixId: T1086 } });
    expect(await importCatalog(t.db, { path: V7_0 })).toMatchObject({ skipped: true, version: "7.0", objects: 1101 });
    expect(await t.db.catalogVersion.findMany({ orderBy: { version: "asc" } })).toEqual(before);
    expect((await t.db.attackObject.findFirstOrThrow({ where: { stixId: T1086 } })).id).toBe(row.id);
  });

  it("takes --domain for a bundle that names none, and refuses an unknown one before reading", async () => {
    await expect(importCatalog(t.db, { path: V7_0 }, { domain: "enterprise-attack" })).resolves.toMatchObject({
      skipped: true,
    });
    await expect(importCatalog(t.db, { path: bundle("no-such.json") }, { domain: "x" })).rejects.toThrow(
      /"x" is not an ATT&CK domain/,
    );
  });
});
