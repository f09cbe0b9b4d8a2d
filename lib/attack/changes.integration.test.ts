// The change set an import records, against a real database: Enterprise v6.3 then v7.0 (the
// sub-technique release, which revokes 129 live v6.3 techniques). Read from ../shared/attack.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeActor } from "../../prisma/factories";
import { appErrorOf } from "../../prisma/test-helpers";
import type { Actor } from "../auth/permissions";
import { createTestDb, type TestDb } from "../db/testing";
import { getCatalogChanges, listLatestCatalogChanges, parseChangesQuery } from "./changes";
import { importCatalog } from "./import";

const bundle = (name: string) => path.resolve(process.cwd(), "../shared/attack", name);
const DOMAIN = "enterprise-attack";

describe("catalog changes from Enterprise ATT&CK v6.3 to v7.0", () => {
  let t: TestDb;
  let contributor: Actor;
  beforeAll(async () => {
    t = await createTestDb();
    contributor = await makeActor(t.db, "CONTRIBUTOR");
  });
  afterAll(() => t.drop());

  it("records nothing for the first import of a domain", async () => {
    await importCatalog(t.db, { path: bundle("enterprise-attack-6.3.json") });
    expect(await t.db.catalogChange.count()).toBe(0);
    expect((await appErrorOf(getCatalogChanges(contributor, { domain: DOMAIN }, t.db))).message).toMatch(
      /No changes recorded for enterprise-attack yet: only one version was imported/,
    );
  });

  it("records what v7.0 revoked (with the replacement), deprecated, renamed and added", async () => {
    await importCatalog(t.db, { path: bundle("enterprise-attack-7.0.json") });
    expect(await t.db.catalogChange.count()).toBe(1);
    const set = await getCatalogChanges(contributor, { domain: DOMAIN }, t.db);
    expect(set).toMatchObject({ domain: DOMAIN, from: "6.3", to: "7.0" });
    expect(set.revoked).toHaveLength(129);
    expect(set.revoked).toContainEqual({
      id: "T1086",
      name: "PowerShell",
      replacedBy: { id: "T1059.001", name: "PowerShell" },
    });
    // All 11 objects deprecated in v7.0 were live in v6.3.
    expect(set.deprecated).toHaveLength(11);
    expect(set.added).toContainEqual({ id: "T1059.001", name: "PowerShell", kind: "technique" });
    // Sub-techniques are new in v7.0: all 272 live ones are added.
    expect(set.added.filter((a) => a.id.includes("."))).toHaveLength(272);
    expect(set.renamed).toHaveLength(19);
    expect(set.renamed).toContainEqual({ id: "T1003", from: "Credential Dumping", to: "OS Credential Dumping" });
    // Every listed id is an ATT&CK id, never a STIX id.
    const ids = [...set.added, ...set.revoked, ...set.deprecated, ...set.renamed].map((c) => c.id);
    expect(ids.filter((id) => !/^(T|TA|G|S|C|M)\d{4}(\.\d{3})?$/.test(id))).toEqual([]);
  });

  it("serves the pair by versions, and says when a pair was not imported in sequence", async () => {
    const query = parseChangesQuery(new URLSearchParams({ domain: DOMAIN, from: "6.3", to: "7.0" }));
    expect(await getCatalogChanges(contributor, query, t.db)).toMatchObject({ from: "6.3", to: "7.0" });
    const notInSequence = await appErrorOf(
      getCatalogChanges(contributor, { domain: DOMAIN, from: "7.0", to: "17.1" }, t.db),
    );
    expect(notInSequence).toMatchObject({ code: "NOT_FOUND" });
    expect(notInSequence.message).toMatch(
      /enterprise-attack from 7\.0 to 17\.1: those versions were not imported one after the other/,
    );
    expect(await appErrorOf(getCatalogChanges(contributor, { domain: "mobile-attack" }, t.db))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(() => parseChangesQuery(new URLSearchParams({ domain: "nope" }))).toThrow(/Unknown domain "nope"/);
    expect(await appErrorOf(getCatalogChanges(null, { domain: DOMAIN }, t.db))).toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect((await listLatestCatalogChanges(contributor, t.db)).map((s) => [s.domain, s.from, s.to])).toEqual([
      [DOMAIN, "6.3", "7.0"],
    ]);
  });

  it("records nothing new when v7.0 is imported again", async () => {
    expect(await importCatalog(t.db, { path: bundle("enterprise-attack-7.0.json") })).toMatchObject({ skipped: true });
    expect(await t.db.catalogChange.count()).toBe(1);
  });

  it("records the same change set when v6.3 is imported after v7.0, and keeps v7.0 current", async () => {
    const forward = await getCatalogChanges(contributor, { domain: DOMAIN }, t.db);
    await t.reset();
    contributor = await makeActor(t.db, "CONTRIBUTOR");
    await importCatalog(t.db, { path: bundle("enterprise-attack-7.0.json") });
    const older = await importCatalog(t.db, { path: bundle("enterprise-attack-6.3.json") });
    expect(older).toMatchObject({ version: "6.3", skipped: false, current: false });
    const backward = await getCatalogChanges(contributor, { domain: DOMAIN, from: "6.3", to: "7.0" }, t.db);
    const { importedAt: _a, ...forwardSet } = forward;
    const { importedAt: _b, ...backwardSet } = backward;
    expect(backwardSet).toEqual(forwardSet);
    expect(await t.db.attackObject.count({ where: { isSubtechnique: true, revoked: false, deprecated: false } })).toBe(
      272,
    );
  });
});
