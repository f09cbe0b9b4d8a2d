// The catalog search over real ATT&CK Mobile and ICS 18.1 beside a small Enterprise fixture, against a real
// database: across domains or one, alias hits naming the alias, no revoked or deprecated object ever, and an
// import (in this process, or written by another) seen by the next search.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb } from "../db/client";
import { createTestDb, type TestDb } from "../db/testing";
import { FIXTURE, seedFixtureCatalog } from "./catalog.fixture";
import { parseCatalogQuery, searchCatalog } from "./catalog";
import { importCatalog } from "./import";
import { CHECK_INTERVAL_MS } from "./catalog-cache";

const bundle = (name: string) => path.resolve(process.cwd(), "../shared/attack", name);
const MOBILE = "mobile-attack";
const ICS = "ics-attack";

describe("searchCatalog across domains", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedFixtureCatalog(t.db);
  });
  afterAll(() => t.drop());

  it("sees an import made in this process at the next search", async () => {
    expect(await searchCatalog(t.db, { q: "powershell" })).toEqual([
      expect.objectContaining({ attackId: "T1059.001", domain: FIXTURE.domain, matchedOn: "name" }),
    ]);
    expect(await searchCatalog(t.db, { q: "Sandworm", kinds: ["group"] })).toEqual([]);
    await importCatalog(t.db, { path: bundle("mobile-attack-18.1.json") });
    await importCatalog(t.db, { path: bundle("ics-attack-18.1.json") });
    const hits = await searchCatalog(t.db, { q: "Sandworm" });
    expect(hits.slice(0, 2).map((h) => [h.attackId, h.domain, h.matchedOn])).toEqual([
      ["G0034", ICS, "name"],
      ["G0034", MOBILE, "name"],
    ]);
    // Then what ATT&CK says Sandworm did: campaigns and software naming it in their descriptions.
    expect(hits.slice(2).every((h) => h.matchedOn === "description" && /sandworm/i.test(h.snippet ?? ""))).toBe(true);
  }, 120_000);

  it("searches one domain when asked, every domain otherwise", async () => {
    expect((await searchCatalog(t.db, { q: "g0034", domain: MOBILE })).map((h) => h.domain)).toEqual([MOBILE]);
    expect((await searchCatalog(t.db, { q: "G0034", domain: FIXTURE.domain })).map((h) => h.domain)).toEqual([]);
    const everywhere = await searchCatalog(t.db, { q: "apt", kinds: ["group"], limit: 100 });
    expect(new Set(everywhere.map((h) => h.domain))).toEqual(new Set([FIXTURE.domain, MOBILE, ICS]));
    expect(parseCatalogQuery(new URLSearchParams("q=x"))).not.toHaveProperty("domain");
    expect(parseCatalogQuery(new URLSearchParams("q=x&domain=all"))).not.toHaveProperty("domain");
    expect(parseCatalogQuery(new URLSearchParams("q=x&domain=ics-attack")).domain).toBe(ICS);
    expect(() => parseCatalogQuery(new URLSearchParams("q=x&domain=pre-attack"))).toThrow(
      /Unknown domain "pre-attack"/,
    );
    expect(() => parseCatalogQuery(new URLSearchParams("q=x&kinds=weapon"))).toThrow(/Unknown kind "weapon" in kinds/);
  });

  it("names the alias a hit matched", async () => {
    const hits = await searchCatalog(t.db, { q: "voodoo bear", kinds: ["group"] });
    expect(hits.map((h) => [h.name, h.domain, h.matchedOn, h.matchedAlias])).toEqual([
      ["Sandworm Team", ICS, "alias", "Voodoo Bear"],
      ["Sandworm Team", MOBILE, "alias", "Voodoo Bear"],
    ]);
    // ICS revoked its APT34 group into OilRig, which lists APT34 as an alias.
    expect(await searchCatalog(t.db, { q: "APT34", domain: ICS })).toEqual([
      expect.objectContaining({ attackId: "G0049", name: "OilRig", matchedAlias: "APT34" }),
    ]);
  });

  it("shows sub-techniques with their parent's name and finds description words", async () => {
    const [sub] = await searchCatalog(t.db, { q: "T1630.001", domain: MOBILE });
    expect(sub).toMatchObject({ isSubtechnique: true, parentName: "Indicator Removal on Host", matchedOn: "id" });
    const words = await searchCatalog(t.db, { q: "FIRMWARE upd", domain: ICS, kinds: ["technique"] });
    const described = words.filter((h) => h.matchedOn === "description");
    expect(described.length).toBeGreaterThan(0);
    for (const hit of described) expect(hit.snippet?.toLocaleLowerCase()).toMatch(/firmware|upd/);
  });

  it("never offers a revoked or deprecated object, by ID, name or words", async () => {
    const gone = await t.db.attackObject.findMany({
      where: { domain: { in: [MOBILE, ICS] }, OR: [{ revoked: true }, { deprecated: true }] },
    });
    expect(gone.length).toBeGreaterThan(10);
    for (const row of gone) {
      for (const q of [row.attackId ?? "", row.name, row.stixId]) {
        const hits = await searchCatalog(t.db, { q, limit: 100 });
        expect(hits.filter((h) => h.stixId === row.stixId && h.domain === row.domain)).toEqual([]);
      }
    }
  });

  it("notices a catalog written by another process within CHECK_INTERVAL_MS", async () => {
    // Another client (another process's): its writes do not invalidate this process's index.
    const other = createDb(t.url);
    try {
      await other.attackObject.deleteMany({ where: { domain: MOBILE } });
      await other.catalogVersion.deleteMany({ where: { domain: MOBILE } });
    } finally {
      await other.$disconnect();
    }
    const later = Date.now() + CHECK_INTERVAL_MS + 1;
    vi.spyOn(Date, "now").mockReturnValue(later);
    try {
      const hits = await searchCatalog(t.db, { q: "Sandworm", kinds: ["group"] });
      expect(hits.map((h) => h.domain)).toEqual([ICS]);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
