// The catalog browser's loaders on the small fixture catalog (lib/catalog/matrix.fixture.ts), on SQLite and
// PostgreSQL: the matrix, object pages, the domains overview and the actor layer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useTempOutbox } from "../../prisma/test-helpers";
import { FIXTURE } from "../attack/catalog.fixture";
import type { Actor } from "../auth/permissions";
import { createTestDb, type TestDb } from "../db/testing";
import { createObservation } from "../observations/service";
import { coverageCounts, requestedLayer } from "./layer-service";
import { MATRIX_FIXTURE, seedMatrixFixture } from "./matrix.fixture";
import { loadMatrix } from "./matrix";
import { loadCatalogObject } from "./object-page";
import { listCatalogDomains } from "./overview";

useTempOutbox();
let t: TestDb;
let reviewer: Actor;
beforeAll(async () => {
  t = await createTestDb();
  await seedMatrixFixture(t.db);
  reviewer = await makeActor(t.db, "REVIEWER");
});
afterAll(() => t.drop());

describe("loadMatrix", () => {
  it("gives the current catalog's tactics in ATT&CK's order with active techniques and their sub-techniques", async () => {
    const matrix = await loadMatrix(t.db, "enterprise-attack");
    expect(matrix.version).toBe("18.1");
    expect(matrix.columns).toEqual([
      {
        tactic: { attackId: "TA0002", name: "Execution", shortname: "execution" },
        techniques: [
          {
            attackId: "T1059",
            name: "Command and Scripting Interpreter",
            subtechniques: [{ attackId: "T1059.001", name: "PowerShell" }],
          },
        ],
      },
      {
        tactic: { attackId: "TA0006", name: "Credential Access", shortname: "credential-access" },
        techniques: [
          {
            attackId: "T1003",
            name: "OS Credential Dumping",
            subtechniques: [{ attackId: "T1003.001", name: "LSASS Memory" }],
          },
        ],
      },
    ]);
    expect([matrix.techniqueCount, matrix.subtechniqueCount]).toEqual([2, 2]);
  });

  it("a domain not imported yet is an empty matrix; an unknown one is NOT_FOUND", async () => {
    expect(await loadMatrix(t.db, "ics-attack")).toMatchObject({ version: null, columns: [] });
    expect((await appErrorOf(loadMatrix(t.db, "pre-attack"))).code).toBe("NOT_FOUND");
  });
});

describe("loadCatalogObject", () => {
  it("names the other imported domains that hold the same object", async () => {
    const { id: _id, ...group } = await t.db.attackObject.findFirstOrThrow({
      where: { domain: "enterprise-attack", attackId: "G0016" },
    });
    expect((await loadCatalogObject(t.db, "enterprise-attack", "G0016")).otherDomains).toEqual([]);
    await t.db.attackObject.create({
      data: {
        ...group,
        domain: "mobile-attack",
        aliases: group.aliases ?? [],
        tactics: [],
        platforms: [],
        stix: group.stix ?? {},
      },
    });
    try {
      expect((await loadCatalogObject(t.db, "enterprise-attack", "G0016")).otherDomains).toEqual([
        { domain: "mobile-attack", attackId: "G0016" },
      ]);
    } finally {
      await t.db.attackObject.deleteMany({ where: { domain: "mobile-attack", attackId: "G0016" } });
    }
  });

  it("a sub-technique: parent, tactics, platforms and ATT&CK's examples with actor names and citations", async () => {
    const o = await loadCatalogObject(t.db, "enterprise-attack", "t1059.001");
    expect(o).toMatchObject({
      attackId: "T1059.001",
      title: "Command and Scripting Interpreter: PowerShell",
      parent: { attackId: "T1059", name: "Command and Scripting Interpreter" },
      tactics: [{ attackId: "TA0002", name: "Execution", kind: "tactic" }],
      revoked: false,
      replacedBy: null,
    });
    expect(o.examples.map((e) => e.ref.attackId)).toEqual(["G0007", "G0007", "G0016", "G0016", "G0016"]);
    expect(o.examples[2].description).toContain("(Citation: Mandiant No Easy Breach)");
  });

  it("a technique: its description's citations from the stored STIX, its sub-techniques", async () => {
    const o = await loadCatalogObject(t.db, "enterprise-attack", "T1059");
    expect(o.citations).toContainEqual({
      sourceName: "Fixture Shells",
      description: "Fixture. (2025). Shells.",
      url: "https://example.org/shells",
    });
    expect(o.subtechniques.map((s) => s.attackId)).toEqual(["T1059.001"]);
    expect(o.examples).toEqual([]);
  });

  it("an actor: the techniques it uses, named 'Parent: Sub', each with its example", async () => {
    const o = await loadCatalogObject(t.db, "enterprise-attack", "S0002");
    expect(o.examples.map((e) => [e.ref.attackId, e.ref.name])).toEqual([
      ["T1003.001", "OS Credential Dumping: LSASS Memory"],
    ]);
    expect(o.examples[0].description).toContain("LSASS memory");
  });

  it("a revoked technique names its replacement; a deprecated one says so", async () => {
    const revoked = await loadCatalogObject(t.db, "enterprise-attack", MATRIX_FIXTURE.revoked.attackId);
    expect(revoked).toMatchObject({
      revoked: true,
      replacedBy: { attackId: "T1059.001", name: "Command and Scripting Interpreter: PowerShell" },
    });
    expect(await loadCatalogObject(t.db, "enterprise-attack", "T1064")).toMatchObject({ deprecated: true });
  });

  it("a tactic: the techniques that serve it", async () => {
    const o = await loadCatalogObject(t.db, "enterprise-attack", "TA0002");
    expect(o.subtechniques.map((s) => s.attackId)).toEqual(["T1059"]);
  });

  it("an unknown ID or domain is NOT_FOUND", async () => {
    expect((await appErrorOf(loadCatalogObject(t.db, "enterprise-attack", "T9999"))).message).toContain('"T9999"');
    expect((await appErrorOf(loadCatalogObject(t.db, "pre-attack", "T1059"))).code).toBe("NOT_FOUND");
  });
});

describe("listCatalogDomains", () => {
  it("every domain with its current version and active objects per kind", async () => {
    const [enterprise, mobile] = await listCatalogDomains(t.db);
    expect(enterprise).toMatchObject({
      domain: "enterprise-attack",
      version: "18.1",
      counts: { tactic: 2, technique: 4, group: 2, software: 1 },
      subtechniques: 2,
    });
    expect(mobile).toMatchObject({ domain: "mobile-attack", version: null, counts: {} });
  });
});

describe("layers for the browser", () => {
  it("an actor's layer holds its ATT&CK techniques, score 1 each, named after it", async () => {
    const { layer, fileName } = await requestedLayer(reviewer, new URLSearchParams("actor=g0016"), t.db);
    expect(fileName).toBe("procedure-exchange-enterprise-attack-G0016-layer.json");
    expect(layer).toMatchObject({ domain: "enterprise-attack", versions: { layer: "4.5", attack: "18.1" } });
    expect(layer.techniques).toEqual([
      { techniqueID: "T1059.001", score: 1, comment: "Used by G0016 APT29", enabled: true },
    ]);
  });

  it("a malformed, unknown or revoked actor is a 400 naming the field (a revoked one its replacement)", async () => {
    for (const qs of ["actor=T1059", "actor=G9999", "actor=G0999"]) {
      const error = await appErrorOf(requestedLayer(reviewer, new URLSearchParams(qs), t.db));
      expect([error.code, error.issues?.[0]?.path]).toEqual(["VALIDATION", "actor"]);
    }
    const revoked = await appErrorOf(requestedLayer(reviewer, new URLSearchParams("actor=G0999"), t.db));
    expect(revoked.message).toBe("G0999 was revoked in ATT&CK: use G0016 APT29 instead.");
  });

  it("without an actor it is the coverage layer, whose scores the matrix's coverage mode shows", async () => {
    const contributor = await makeActor(t.db, "CONTRIBUTOR");
    const { observation } = await createObservation(
      contributor,
      observationInput({ technique: FIXTURE.powershell.attackId }),
      t.db,
    );
    await t.db.observation.update({ where: { publicId: observation.id }, data: { status: "ACCEPTED" } });
    const { layer, fileName } = await requestedLayer(reviewer, new URLSearchParams(), t.db);
    expect(fileName).toBe("procedure-exchange-enterprise-attack-layer.json");
    expect(layer.techniques.map((x) => [x.techniqueID, x.score])).toEqual([["T1059.001", 1]]);
    expect(await coverageCounts(reviewer, "enterprise-attack", t.db)).toEqual({
      counts: { "T1059.001": 1 },
      scope: "community",
    });
    expect((await coverageCounts(contributor, "enterprise-attack", t.db)).scope).toBe("yours");
  });
});
