// Remap assistance: a technique revoked into a parent, or deprecated with no replacement, gets the suggester's
// ranking of its plausible successors (source "suggested") after ATT&CK's own `revoked-by` replacement.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { createTestDb, type TestDb } from "../db/testing";
import { observationCatalog } from "../observations/catalog-status";
import { createObservation, getObservation } from "../observations/service";
import { importCatalog } from "./import";
import { FIXTURE, seedFixtureCatalog } from "./catalog.fixture";
import { invalidateCatalogCaches } from "./catalog-cache";

const bundle = (name: string) => path.resolve(process.cwd(), "../shared/attack", name);
const D = FIXTURE.domain;
const PARENT = { stixId: "attack-pattern--7385dfaf-6886-4229-9ecd-6fd678040830", attackId: "T1059" };
const OLD = { stixId: "attack-pattern--fb8d023d-45be-47e9-bc51-f56bcae6435b", attackId: "T1086" };
const GONE = { stixId: "attack-pattern--00000000-0000-4000-8000-00000000dead", attackId: "T1999" };
const INTO_SUB = { stixId: "attack-pattern--00000000-0000-4000-8000-00000000beef", attackId: "T1998" };
const TEXT = "They ran encoded PowerShell scripts that downloaded and installed a backdoor.";

describe("observationCatalog replacements with suggested successors", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedFixtureCatalog(t.db);
    const row = (o: { stixId: string; attackId: string }, name: string, extra: object) => ({
      ...o,
      domain: D,
      kind: "technique",
      stixType: "attack-pattern",
      name,
      description: `${name}: adversaries may abuse PowerShell scripts and commands.`,
      aliases: [],
      tactics: [],
      platforms: [],
      modified: new Date("2025-10-28T00:00:00Z"),
      stix: { id: o.stixId },
      ...extra,
    });
    await t.db.attackObject.createMany({
      data: [
        row(PARENT, "Command and Scripting Interpreter", {}),
        row(OLD, "PowerShell", { revoked: true, revokedBy: PARENT.stixId }),
        row(GONE, "Old PowerShell", { deprecated: true }),
        row(INTO_SUB, "Older PowerShell", { revoked: true, revokedBy: FIXTURE.powershell.stixId }),
      ],
    });
    await t.db.attackObject.updateMany({
      where: { domain: D, stixId: FIXTURE.powershell.stixId },
      data: { parentAttackId: PARENT.attackId },
    });
    invalidateCatalogCaches();
  });
  afterAll(() => t.drop());

  const catalogOf = (o: { stixId: string; attackId: string }, procedure?: string) =>
    observationCatalog(t.db, {
      domain: D,
      techniqueStixId: o.stixId,
      techniqueAttackId: o.attackId,
      actorStixId: null,
      procedure,
    });

  it("adds the replacement's sub-techniques, ranked by the text, when revoked-by names only the parent", async () => {
    const catalog = await catalogOf(OLD, TEXT);
    expect(catalog.status).toBe("REVOKED");
    expect(catalog.replacements).toEqual([
      { technique: "T1059", stixId: PARENT.stixId, name: "Command and Scripting Interpreter", source: "revoked-by" },
      {
        technique: "T1059.001",
        stixId: FIXTURE.powershell.stixId,
        name: "Command and Scripting Interpreter: PowerShell",
        source: "suggested",
      },
    ]);
  });

  it("suggests successors for a deprecated technique with no replacement", async () => {
    const catalog = await catalogOf(GONE, TEXT);
    expect(catalog.status).toBe("DEPRECATED");
    expect(catalog.replacements.every((r) => r.source === "suggested")).toBe(true);
    expect(catalog.replacements[0]).toMatchObject({ technique: "T1059.001" });
    expect(catalog.replacements.map((r) => r.stixId)).not.toContain(GONE.stixId);
  });

  it("adds nothing when revoked-by already names a sub-technique, or without a text", async () => {
    expect((await catalogOf(INTO_SUB, TEXT)).replacements).toEqual([
      expect.objectContaining({ technique: "T1059.001", source: "revoked-by" }),
    ]);
    expect((await catalogOf(OLD)).replacements.map((r) => r.source)).toEqual(["revoked-by"]);
    expect((await catalogOf(GONE, "")).replacements).toEqual([]);
    expect((await catalogOf(FIXTURE.powershell, TEXT)).replacements).toEqual([]);
  });
});

describe("Enterprise v6.3 → v7.0: suggested successors on real data", () => {
  let t: TestDb;
  const ids = { cron: "", script: "" };
  beforeAll(async () => {
    t = await createTestDb();
    await importCatalog(t.db, { path: bundle("enterprise-attack-6.3.json") });
    const contributor = await makeActor(t.db, "CONTRIBUTOR");
    // T1168 "Local Job Scheduling" is revoked by the parent T1053 in v7.0; T1064 "Scripting" is deprecated.
    for (const [key, technique, procedure] of [
      ["cron", "T1168", "added a crontab entry so the miner script ran every five minutes as root."],
      ["script", "T1064", "a VBScript dropper run by wscript decoded and launched the second stage."],
    ] as const) {
      const input = observationInput({ technique, procedure });
      ids[key] = (await createObservation(contributor, input, t.db)).observation.id;
    }
    await importCatalog(t.db, { path: bundle("enterprise-attack-7.0.json") });
  }, 60_000);
  afterAll(() => t.drop());

  it("offers the replacement's sub-techniques the text reads like, after the revoked-by parent", async () => {
    const reviewer = await makeActor(t.db, "REVIEWER");
    const { catalog } = await getObservation(reviewer, ids.cron, t.db);
    expect(catalog.status).toBe("REVOKED");
    expect(catalog.replacements[0]).toMatchObject({ technique: "T1053", source: "revoked-by" });
    // v7.0 has few Cron examples and many Scheduled Task ones: Cron is offered, not necessarily first.
    expect(catalog.replacements.map((r) => r.technique)).toContain("T1053.003");
    expect(
      catalog.replacements.slice(1).every((r) => r.technique?.startsWith("T1053.") && r.source === "suggested"),
    ).toBe(true);
  });

  it("suggests successors for a deprecated technique from its text", async () => {
    const reviewer = await makeActor(t.db, "REVIEWER");
    const { catalog } = await getObservation(reviewer, ids.script, t.db);
    expect(catalog.status).toBe("DEPRECATED");
    expect(catalog.replacements.length).toBeGreaterThan(0);
    expect(catalog.replacements.every((r) => r.source === "suggested")).toBe(true);
    expect(catalog.replacements.map((r) => r.technique)).toContain("T1059.005");
  });
});
