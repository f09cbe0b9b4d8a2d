// The real Enterprise releases against a real database. The bundles are read from ../shared/attack at
// test time: MITRE's files are never copied into the repository.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../db/testing";
import { currentCatalog, resolveActor, resolveTechnique, searchCatalog } from "./catalog";
import { importCatalog, type ImportResult } from "./import";

const bundle = (name: string) => path.resolve(process.cwd(), "../shared/attack", name);
const ENTERPRISE_18 = bundle("enterprise-attack-18.1.json");
const ENTERPRISE_17 = bundle("enterprise-attack-17.1.json");
const DOMAIN = "enterprise-attack";
const APT28 = "intrusion-set--bef4c620-0787-42a8-a96d-b7eb6e85917c";

describe("importCatalog with Enterprise ATT&CK", () => {
  let t: TestDb;
  let first: ImportResult;
  beforeAll(async () => {
    t = await createTestDb();
    first = await importCatalog(t.db, { path: ENTERPRISE_18 });
  });
  afterAll(() => t.drop());

  const count = (where: Record<string, unknown>) => t.db.attackObject.count({ where: { domain: DOMAIN, ...where } });
  const active = { revoked: false, deprecated: false };

  it("loads every technique, tactic, group, software and campaign of 18.1", async () => {
    expect(first).toMatchObject({ domain: DOMAIN, version: "18.1", skipped: false, objects: 1875, procedures: 16017 });
    expect(await count({ kind: "technique", ...active })).toBe(691);
    expect(await count({ kind: "technique", ...active, isSubtechnique: true })).toBe(475);
    expect(await count({ kind: "technique" })).toBe(835);
    expect(await count({ kind: "tactic" })).toBe(14);
    // Revoked and deprecated objects stay as rows (old observations and remapping need them).
    expect(await count({ kind: "group" })).toBe(187);
    expect(await count({ kind: "group", ...active })).toBe(172);
    expect(await count({ stixType: "malware" })).toBe(696);
    expect(await count({ stixType: "malware", ...active })).toBe(693);
    expect(await count({ stixType: "tool" })).toBe(91);
    expect(await count({ kind: "campaign" })).toBe(52);
    expect(await t.db.knownProcedure.count({ where: { domain: DOMAIN } })).toBe(16017);
  });

  it("stores sub-technique parents, tactics and trimmed procedure descriptions", async () => {
    const ps = await t.db.attackObject.findFirstOrThrow({ where: { attackId: "T1059.001" } });
    expect(ps).toMatchObject({ parentAttackId: "T1059", isSubtechnique: true, tactics: ["execution"] });
    expect(ps.url).toBe("https://attack.mitre.org/techniques/T1059/001");
    expect(ps.stix).toMatchObject({ id: ps.stixId, type: "attack-pattern", x_mitre_version: ps.version });
    const untrimmed = (await t.db.knownProcedure.findMany({ select: { description: true } })).filter(
      (p) => p.description !== p.description.trim(),
    );
    expect(untrimmed).toHaveLength(0);
  });

  it("stores each procedure example's citation texts (its external_references)", async () => {
    const ps = await t.db.attackObject.findFirstOrThrow({ where: { attackId: "T1059.001" } });
    const k = await t.db.knownProcedure.findFirstOrThrow({ where: { sourceRef: APT28, targetRef: ps.stixId } });
    expect(k.description).toContain("(Citation: Palo Alto Sofacy 06-2018)");
    expect(k.references).toContainEqual({
      sourceName: "Palo Alto Sofacy 06-2018",
      description: "Lee, B., Falcone, R. (2018, June 06). Sofacy Group’s Parallel Attacks. Retrieved June 18, 2018.",
      url: "https://researchcenter.paloaltonetworks.com/2018/06/unit42-sofacy-groups-parallel-attacks/",
    });
  });

  it("stores each revoked object's replacement from the revoked-by relationships", async () => {
    expect(await count({ revoked: true })).toBe(140);
    expect(await count({ revoked: true, revokedBy: null })).toBe(0);
    expect(await count({ revoked: false, revokedBy: { not: null } })).toBe(0);
    const [t1086, ps] = await Promise.all(
      ["T1086", "T1059.001"].map((id) => t.db.attackObject.findFirstOrThrow({ where: { attackId: id } })),
    );
    expect(t1086.revokedBy).toBe(ps.stixId);
  });

  it("leaves planner statistics, so a look-up by ATT&CK ID takes the attackId index", async () => {
    if (!t.url.startsWith("file:")) {
      // Never analyzed, PostgreSQL's estimate is -1 rows; the import's ANALYZE makes it the real count.
      const [row] = await t.db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT reltuples::int AS n FROM pg_class WHERE relname = 'AttackObject'`,
      );
      expect(row.n).toBe(1875);
      return;
    }
    // Without statistics SQLite took the (domain, kind, name) index and walked every technique of the domain.
    // The look-up's own statement (lib/attack/catalog resolve), planned with its parameters unknown.
    const plan = await t.db.$queryRawUnsafe<{ detail: string }[]>(
      `EXPLAIN QUERY PLAN SELECT "id" FROM "AttackObject"
       WHERE "domain" = ? AND ("stixId" = ? OR "attackId" = ?) AND "revoked" = false`,
      DOMAIN,
      null,
      "T1059.001",
    );
    expect(plan.map((p) => p.detail).join("; ")).toContain("AttackObject_attackId_idx");
  });

  it("records the release as the domain's current catalog", async () => {
    expect(await currentCatalog(t.db, DOMAIN)).toMatchObject({ version: "18.1", current: true, objectCount: 1875 });
    expect(await currentCatalog(t.db, "mobile-attack")).toBeNull();
  });

  it("does nothing when the same release is imported again", async () => {
    const before = await t.db.catalogVersion.findFirstOrThrow({ where: { domain: DOMAIN } });
    const row = await t.db.attackObject.findFirstOrThrow({ where: { stixId: APT28 } });
    const again = await importCatalog(t.db, { path: ENTERPRISE_18 });
    expect(again).toMatchObject({ skipped: true, version: "18.1", objects: 1875, procedures: 16017 });
    expect(await t.db.catalogVersion.findFirstOrThrow({ where: { domain: DOMAIN } })).toEqual(before);
    // Rows were not rewritten: their generated ids are unchanged.
    expect((await t.db.attackObject.findFirstOrThrow({ where: { stixId: APT28 } })).id).toBe(row.id);
  });

  it("finds techniques by ATT&CK ID, exact ID first, with the parent's name", async () => {
    const exact = await searchCatalog(t.db, { q: "T1059.001" });
    expect(exact[0]).toMatchObject({
      attackId: "T1059.001",
      name: "PowerShell",
      kind: "technique",
      isSubtechnique: true,
      parentName: "Command and Scripting Interpreter",
    });
    const prefix = await searchCatalog(t.db, { q: "t1059", limit: 50 });
    expect(prefix[0]).toMatchObject({ attackId: "T1059", isSubtechnique: false });
    expect(prefix.slice(1).every((h) => h.attackId?.startsWith("T1059.") && h.isSubtechnique)).toBe(true);
    expect(prefix.length).toBeGreaterThan(10);
  });

  it("finds by name and alias regardless of case", async () => {
    expect((await searchCatalog(t.db, { q: "powershell" }))[0]).toMatchObject({ attackId: "T1059.001" });
    expect((await searchCatalog(t.db, { q: "POWERSHELL", kinds: ["technique"] }))[0]?.attackId).toBe("T1059.001");
    expect((await searchCatalog(t.db, { q: "apt28" }))[0]).toMatchObject({ attackId: "G0007", kind: "group" });
    expect((await searchCatalog(t.db, { q: "fancy bear" }))[0]).toMatchObject({ attackId: "G0007", stixId: APT28 });
    const software = await searchCatalog(t.db, { q: "mimikatz", kinds: ["software"], limit: 5 });
    expect(software.map((h) => h.kind)).toEqual(software.map(() => "software"));
    expect(software[0]?.attackId).toBe("S0002");
    expect(await searchCatalog(t.db, { q: "   " })).toEqual([]);
    expect(await searchCatalog(t.db, { q: "powershell", limit: 2 })).toHaveLength(2);
  });

  it("leaves revoked and deprecated objects out of search and resolution", async () => {
    const revoked = await t.db.attackObject.findFirstOrThrow({ where: { kind: "group", revoked: true } });
    const deprecated = await t.db.attackObject.findFirstOrThrow({ where: { kind: "group", deprecated: true } });
    for (const row of [revoked, deprecated]) {
      const hits = await searchCatalog(t.db, { q: row.name, limit: 100 });
      expect(hits.map((h) => h.stixId)).not.toContain(row.stixId);
      expect(await searchCatalog(t.db, { q: row.attackId ?? "" })).not.toContainEqual(
        expect.objectContaining({ stixId: row.stixId }),
      );
    }
    expect(await resolveActor(t.db, DOMAIN, revoked.stixId)).toBeNull();
    expect(await resolveTechnique(t.db, DOMAIN, "T1066")).toBeNull(); // revoked: "Indicator Removal from Tools"
  });

  it("resolves actors and techniques by ATT&CK ID or STIX id", async () => {
    expect(await resolveActor(t.db, DOMAIN, "G0007")).toMatchObject({ stixId: APT28, name: "APT28" });
    expect(await resolveActor(t.db, DOMAIN, "g0007")).toMatchObject({ stixId: APT28 });
    expect(await resolveActor(t.db, DOMAIN, APT28)).toMatchObject({ attackId: "G0007" });
    expect(await resolveActor(t.db, DOMAIN, "S0002")).toMatchObject({ name: "Mimikatz", kind: "software" });
    expect(await resolveActor(t.db, DOMAIN, "C0022")).toMatchObject({ kind: "campaign" });
    expect(await resolveActor(t.db, DOMAIN, "T1059.001")).toBeNull();
    expect(await resolveActor(t.db, "mobile-attack", "G0007")).toBeNull();
    const ps = await resolveTechnique(t.db, DOMAIN, "t1059.001");
    expect(ps).toMatchObject({ name: "PowerShell", kind: "technique" });
    expect(await resolveTechnique(t.db, DOMAIN, ps!.stixId)).toMatchObject({ attackId: "T1059.001" });
    expect(await resolveTechnique(t.db, DOMAIN, "G0007")).toBeNull();
    expect(await resolveTechnique(t.db, DOMAIN, "")).toBeNull();
  });

  it("keeps the newest version current when an older release is imported after it", async () => {
    const older = await importCatalog(t.db, { path: ENTERPRISE_17 });
    expect(older).toMatchObject({ version: "17.1", skipped: false, current: false, objects: 1823, procedures: 15049 });
    const versions = await t.db.catalogVersion.findMany({ where: { domain: DOMAIN }, orderBy: { importedAt: "asc" } });
    expect(versions.map((v) => [v.version, v.current, v.objectCount])).toEqual([
      ["18.1", true, 1875],
      ["17.1", false, 1823],
    ]);
    // The rows still hold 18.1: new work goes on the newest release.
    expect(await currentCatalog(t.db, DOMAIN)).toMatchObject({ version: "18.1" });
    expect(await t.db.knownProcedure.count()).toBe(16017);
    expect(await t.db.attackObject.count()).toBe(1875);
    // What changed from 17.1 to 18.1 is on record, in that direction.
    const change = await t.db.catalogChange.findFirstOrThrow({ where: { domain: DOMAIN } });
    expect(change).toMatchObject({ fromVersion: "17.1", toVersion: "18.1" });
    const { added } = change.changes as { added: { id: string }[] };
    expect(added.length).toBeGreaterThan(0);

    // Both are on record now: importing either again is a no-op.
    expect(await importCatalog(t.db, { path: ENTERPRISE_17 })).toMatchObject({ skipped: true, current: false });
    expect(await importCatalog(t.db, { path: ENTERPRISE_18 })).toMatchObject({ skipped: true, current: true });
    expect(await t.db.catalogChange.count()).toBe(1);
  });

  it("explains what is wrong with a file it cannot import", async () => {
    await expect(importCatalog(t.db, { path: bundle("no-such-file.json") })).rejects.toThrow(/File not found/);
    await expect(importCatalog(t.db, { json: "not json" })).rejects.toThrow(/is not JSON/);
    await expect(importCatalog(t.db, { json: '{"type":"bundle","objects":[]}' })).rejects.toThrow(/no ATT&CK/);
    expect(await t.db.attackObject.count()).toBe(1875);
  });
});
