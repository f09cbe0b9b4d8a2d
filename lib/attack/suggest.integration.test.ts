// Technique suggestions from the database's catalog: the small Enterprise fixture, then real ATT&CK Mobile and
// ICS 18.1 imported in this process (seen by the next suggestion), a real example's wording finding its own
// technique, no revoked or deprecated technique ever, and another process's import noticed.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb } from "../db/client";
import { createTestDb, type TestDb } from "../db/testing";
import { FIXTURE, seedFixtureCatalog } from "./catalog.fixture";
import { importCatalog } from "./import";
import { CHECK_INTERVAL_MS } from "./catalog-cache";
import { exampleWording } from "./suggest";
import { suggestForText } from "./suggest-service";
import { catalogSuggestIndex, suggestFromCatalog } from "./suggest-store";

const bundle = (name: string) => path.resolve(process.cwd(), "../shared/attack", name);
const MOBILE = "mobile-attack";
const ICS = "ics-attack";

describe("suggestFromCatalog", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedFixtureCatalog(t.db);
  });
  afterAll(() => t.drop());

  it("suggests from the fixture, then sees imports made in this process", async () => {
    const [first] = await suggestFromCatalog(t.db, { text: "They ran encoded PowerShell scripts to fetch a backdoor" });
    expect(first).toMatchObject({ technique: FIXTURE.powershell.attackId, stixId: FIXTURE.powershell.stixId });
    expect(await suggestFromCatalog(t.db, { text: "SMS messages intercepted", domain: MOBILE })).toEqual([]);
    await importCatalog(t.db, { path: bundle("mobile-attack-18.1.json") });
    await importCatalog(t.db, { path: bundle("ics-attack-18.1.json") });
    const mobile = await suggestFromCatalog(t.db, {
      text: "The app reads the SMS messages on the device and uploads them",
      domain: MOBILE,
    });
    expect(mobile.length).toBeGreaterThan(0);
    expect(mobile.every((s) => s.domain === MOBILE)).toBe(true);
    expect(mobile.slice(0, 5).map((s) => s.name)).toContain("Protected User Data: SMS Messages");
  }, 120_000);

  it("finds a real example's own technique from its wording, in the top five for most", async () => {
    const examples = await t.db.knownProcedure.findMany({ where: { domain: ICS }, orderBy: { stixId: "asc" } });
    const techniques = new Map(
      (await t.db.attackObject.findMany({ where: { domain: ICS, kind: "technique" } })).map((r) => [r.stixId, r]),
    );
    const sample = examples
      .filter((e) => techniques.get(e.targetRef)?.revoked === false)
      .filter((_, i) => i % 10 === 0);
    expect(sample.length).toBeGreaterThan(20);
    let inTop5 = 0;
    for (const e of sample) {
      const got = await suggestFromCatalog(t.db, { text: exampleWording(e.description), domain: ICS });
      if (
        got
          .slice(0, 5)
          .map((s) => s.stixId)
          .includes(e.targetRef)
      )
        inTop5++;
    }
    // The example is in the index itself here: its own wording should find it nearly always.
    expect(inTop5 / sample.length).toBeGreaterThan(0.9);
  }, 60_000);

  it("answers the API's input: an empty list for empty or wordless text, a 400 naming the field otherwise", async () => {
    const user = { id: "u1", email: "someone@example.test", role: "CONTRIBUTOR" as const };
    const ok = await suggestForText(user, { text: "reads the SMS messages on the device", domain: MOBILE }, t.db);
    expect(ok.suggestions.length).toBeGreaterThan(0);
    expect(ok.suggestions.length).toBeLessThanOrEqual(10);
    expect(Object.keys(ok.suggestions[0]!).sort()).toEqual(["domain", "name", "score", "stixId", "technique", "why"]);
    for (const text of ["", "   ", "!!! ??? 1234 🙂", "zzqx vvkp"]) {
      expect(await suggestForText(user, { text }, t.db)).toEqual({ suggestions: [] });
    }
    for (const [body, path, message] of [
      [{ text: "x".repeat(5_001) }, "text", /At most 5000 characters/],
      [{ text: "powershell", domain: "pre-attack" }, "domain", /Use one of enterprise-attack/],
      [{}, "text", /text/],
      [{ text: 42 }, "text", /text/],
      [{ text: "powershell", extra: 1 }, "(body)", /extra/],
    ] as const) {
      const refused = suggestForText(user, body, t.db);
      await expect(refused).rejects.toMatchObject({ code: "VALIDATION", message });
      await refused.catch((e: { issues?: { path: string }[] }) => expect(e.issues?.map((i) => i.path)).toContain(path));
    }
    await expect(suggestForText(null, { text: "powershell" }, t.db)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("never suggests a revoked or deprecated technique, even from its own name and description", async () => {
    const gone = await t.db.attackObject.findMany({
      where: { kind: "technique", domain: { in: [MOBILE, ICS] }, OR: [{ revoked: true }, { deprecated: true }] },
    });
    expect(gone.length).toBeGreaterThan(5);
    const goneIds = new Set(gone.map((g) => g.stixId));
    for (const row of gone) {
      const got = await suggestFromCatalog(t.db, { text: `${row.name}. ${row.description}` });
      expect(got.filter((s) => goneIds.has(s.stixId))).toEqual([]);
    }
  });

  it("notices a catalog written by another process within CHECK_INTERVAL_MS", async () => {
    const before = await catalogSuggestIndex(t.db);
    expect(before.domains.has(MOBILE)).toBe(true);
    const other = createDb(t.url);
    try {
      await other.knownProcedure.deleteMany({ where: { domain: MOBILE } });
      await other.attackObject.deleteMany({ where: { domain: MOBILE } });
      await other.catalogVersion.deleteMany({ where: { domain: MOBILE } });
    } finally {
      await other.$disconnect();
    }
    vi.spyOn(Date, "now").mockReturnValue(Date.now() + CHECK_INTERVAL_MS + 1);
    try {
      expect((await catalogSuggestIndex(t.db)).domains.has(MOBILE)).toBe(false);
      expect(await suggestFromCatalog(t.db, { text: "reads SMS messages", domain: MOBILE })).toEqual([]);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
