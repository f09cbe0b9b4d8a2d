// Remap assistance: a technique revoked into a parent, or deprecated with no replacement, gets the suggester's
// ranking of its plausible successors (source "suggested") after ATT&CK's own `revoked-by` replacement: the
// techniques that took over its procedure examples in a newer release (recorded by the import), the
// replacement's sub-techniques, or (nothing moved, no replacement) what its own description reads like.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { createTestDb, type TestDb } from "../db/testing";
import { observationCatalog } from "../observations/catalog-status";
import { createObservation, getObservation } from "../observations/service";
import { importCatalog } from "./import";
import { FIXTURE, seedFixtureCatalog } from "./catalog.fixture";
import { invalidateCatalogCaches } from "./catalog-cache";
import type { TMovedExamples } from "./moved-examples";

const bundle = (name: string) => path.resolve(process.cwd(), "../shared/attack", name);
const D = FIXTURE.domain;
const PARENT = { stixId: "attack-pattern--7385dfaf-6886-4229-9ecd-6fd678040830", attackId: "T1059" };
const OLD = { stixId: "attack-pattern--fb8d023d-45be-47e9-bc51-f56bcae6435b", attackId: "T1086" };
const GONE = { stixId: "attack-pattern--00000000-0000-4000-8000-00000000dead", attackId: "T1999" };
const INTO_SUB = { stixId: "attack-pattern--00000000-0000-4000-8000-00000000beef", attackId: "T1998" };
/** The moved examples a change set records (lib/attack/moved-examples.ts). */
const movedIn = (changes: unknown) => (changes as { moved: TMovedExamples[] }).moved;
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

describe("Enterprise v6.3 → v7.0 → v17.1: the techniques that took over the examples", () => {
  let t: TestDb;
  const stixIdOf = async (attackId: string) =>
    (await t.db.attackObject.findFirstOrThrow({ where: { domain: D, attackId } })).stixId;
  const catalogOf = async (attackId: string, procedure: string) =>
    observationCatalog(t.db, {
      domain: D,
      techniqueStixId: await stixIdOf(attackId),
      techniqueAttackId: attackId,
      actorStixId: null,
      procedure,
    });
  const DCOM = "used DCOM to execute commands on remote hosts through an MMC20.Application object.";

  beforeAll(async () => {
    t = await createTestDb();
    await importCatalog(t.db, { path: bundle("enterprise-attack-6.3.json") });
    await importCatalog(t.db, { path: bundle("enterprise-attack-7.0.json") });
  }, 60_000);
  afterAll(() => t.drop());

  it("records, with the change set, where each retired technique's examples went", async () => {
    const change = await t.db.catalogChange.findFirstOrThrow({ where: { domain: D, fromVersion: "6.3" } });
    const moved = movedIn(change.changes);
    const of = (id: string) => moved.find((m) => m.id === id)?.to.map((to) => [to.id, to.count]);
    // T1175 "Component Object Model and Distributed COM", deprecated in v7.0.
    expect(of("T1175")).toEqual([
      ["T1559.001", 3],
      ["T1021.003", 2],
    ]);
    // T1064 "Scripting", deprecated: its examples were split among the interpreters.
    expect(of("T1064")?.slice(0, 3)).toEqual([
      ["T1059.005", 28],
      ["T1059.003", 22],
      ["T1059", 6],
    ]);
    // T1086 "PowerShell", revoked by T1059.001.
    expect(of("T1086")).toEqual([["T1059.001", 68]]);
    expect(moved.length).toBe(102);
  });

  it("suggests exactly the techniques that took over a deprecated technique's examples", async () => {
    const catalog = await catalogOf("T1175", DCOM);
    expect(catalog.status).toBe("DEPRECATED");
    expect(catalog.replacements).toEqual([
      {
        technique: "T1021.003",
        stixId: await stixIdOf("T1021.003"),
        name: "Remote Services: Distributed Component Object Model",
        source: "suggested",
      },
      {
        technique: "T1559.001",
        stixId: await stixIdOf("T1559.001"),
        name: "Inter-Process Communication: Component Object Model",
        source: "suggested",
      },
    ]);
  });

  it("adds them to the sub-techniques when revoked-by names only the parent", async () => {
    // T1022 "Data Encrypted" is revoked by T1560 "Archive Collected Data"; one example went to T1573.001.
    const catalog = await catalogOf("T1022", "encrypted its command and control traffic with a symmetric RC4 key.");
    expect(catalog.replacements[0]).toMatchObject({ technique: "T1560", source: "revoked-by" });
    const suggested = catalog.replacements.slice(1).map((r) => r.technique);
    expect(suggested).toContain("T1573.001");
    expect(suggested.every((id) => id === "T1573.001" || id?.startsWith("T1560."))).toBe(true);
  });

  it("keeps them after a later release is imported over v7.0", async () => {
    await importCatalog(t.db, { path: bundle("enterprise-attack-17.1.json") });
    expect(await t.db.catalogChange.count({ where: { domain: D } })).toBe(2);
    const catalog = await catalogOf("T1175", DCOM);
    expect(catalog.replacements.map((r) => [r.technique, r.source])).toEqual([
      ["T1021.003", "suggested"],
      ["T1559.001", "suggested"],
    ]);
  }, 60_000);
});

// A crafted catalog in three versions (STIX 2.1 layout, imported through importCatalog like a real release):
// T9001 "Script Launching" is deprecated in 2.0 with no replacement and its examples moved to T9002 (two) and
// T9003 (one); T9006 is deprecated too but its only example was dropped; in 3.0 T9003 is deprecated in turn
// and its examples moved to the new T9005.
describe("a crafted catalog: successors of a deprecated technique with no replacement", () => {
  let t: TestDb;
  const ap = (n: number) => `attack-pattern--00000000-0000-4000-8000-00000000${n}`;
  const GROUP = "intrusion-set--00000000-0000-4000-8000-000000000001";
  const base = { spec_version: "2.1", created: "2020-01-01T00:00:00.000Z", x_mitre_domains: [D] };
  const techniques: Record<number, { name: string; description: string }> = {
    9001: { name: "Script Launching", description: "Launching scripts of any kind." },
    9002: { name: "Visual Basic", description: "VBScript and VBA macros run by wscript or cscript." },
    9003: { name: "Unix Shell", description: "Bash and sh commands in a terminal." },
    9004: { name: "Registry Run Keys", description: "Registry run keys that start a program at logon." },
    9005: { name: "Shell Scripts", description: "Bash scripts saved to disk and run with sh." },
    9006: { name: "Autostart Entries", description: "Registry run keys and other autostart entries." },
  };
  const technique = (n: number, modified: string, extra: object = {}) => ({
    ...base,
    type: "attack-pattern",
    id: ap(n),
    modified,
    ...techniques[n],
    external_references: [
      { source_name: "mitre-attack", external_id: `T${n}`, url: `https://attack.mitre.org/techniques/T${n}` },
    ],
    kill_chain_phases: [{ kill_chain_name: "mitre-attack", phase_name: "execution" }],
    ...extra,
  });
  const uses = (n: number, target: number, description: string) => ({
    ...base,
    type: "relationship",
    id: `relationship--00000000-0000-4000-8000-00000000${n}`,
    modified: "2020-01-01T00:00:00.000Z",
    relationship_type: "uses",
    source_ref: GROUP,
    target_ref: ap(target),
    description,
  });
  const release = (version: string, objects: object[]) =>
    JSON.stringify({
      type: "bundle",
      id: `bundle--00000000-0000-4000-8000-00000000000${version[0]}`,
      objects: [
        {
          type: "x-mitre-collection",
          id: "x-mitre-collection--1f5f1533-f617-4ca8-9ab4-6a02367fa019",
          spec_version: "2.1",
          name: "Enterprise ATT&CK",
          x_mitre_version: version,
          x_mitre_contents: [],
        },
        {
          ...base,
          type: "intrusion-set",
          id: GROUP,
          name: "Crafted Group",
          aliases: ["Crafted Group"],
          modified: "2020-01-01T00:00:00.000Z",
          external_references: [{ source_name: "mitre-attack", external_id: "G9001" }],
        },
        ...objects,
      ],
    });
  const V1 = "2020-01-01T00:00:00.000Z";
  const V2 = "2021-01-01T00:00:00.000Z";
  const V3 = "2022-01-01T00:00:00.000Z";
  const TEXT = "dropped a VBScript that wscript ran to fetch the payload.";
  const catalogOf = (n: number, procedure = TEXT) =>
    observationCatalog(t.db, {
      domain: D,
      techniqueStixId: ap(n),
      techniqueAttackId: `T${n}`,
      actorStixId: null,
      procedure,
    });
  const named = (n: number) => ({ technique: `T${n}`, stixId: ap(n), name: techniques[n]!.name, source: "suggested" });

  const RELEASE_1 = () =>
    release("1.0", [
      ...[9001, 9002, 9003, 9004, 9006].map((n) => technique(n, V1)),
      uses(9101, 9001, "Crafted Group ran a VBScript with wscript."),
      uses(9102, 9001, "Crafted Group ran VBA macros with cscript."),
      uses(9103, 9001, "Crafted Group ran bash commands in a terminal."),
      uses(9104, 9001, "Crafted Group launched something."),
      uses(9105, 9004, "Crafted Group added a registry run key."),
      uses(9106, 9006, "Crafted Group set an autostart entry."),
    ]);
  const RELEASE_2 = () =>
    release("2.0", [
      technique(9001, V2, { x_mitre_deprecated: true }),
      technique(9006, V2, { x_mitre_deprecated: true }),
      ...[9002, 9003, 9004].map((n) => technique(n, V1)),
      uses(9101, 9002, "Crafted Group ran a VBScript with wscript."),
      uses(9102, 9002, "Crafted Group ran VBA macros with cscript."),
      uses(9103, 9003, "Crafted Group ran bash commands in a terminal."),
      uses(9105, 9004, "Crafted Group added a registry run key."),
      uses(9107, 9003, "Crafted Group typed sh commands."),
    ]);
  const MOVED_IN_2 = [
    {
      stixId: ap(9001),
      id: "T9001",
      name: "Script Launching",
      to: [
        { stixId: ap(9002), id: "T9002", name: "Visual Basic", count: 2 },
        { stixId: ap(9003), id: "T9003", name: "Unix Shell", count: 1 },
      ],
    },
  ];

  beforeAll(async () => {
    t = await createTestDb();
    await importCatalog(t.db, { json: RELEASE_1() });
    await importCatalog(t.db, { json: RELEASE_2() });
  });
  afterAll(() => t.drop());

  it("records the moved examples of 2.0 and suggests exactly those techniques, ranked by the text", async () => {
    const change = await t.db.catalogChange.findFirstOrThrow({ where: { domain: D } });
    expect(movedIn(change.changes)).toEqual(MOVED_IN_2);
    const catalog = await catalogOf(9001);
    expect(catalog.status).toBe("DEPRECATED");
    // Unix Shell shares no word with the text: offered after the ranked one, for the example it took over.
    expect(catalog.replacements).toEqual([named(9002), named(9003)]);
    // A text about shells ranks it first.
    expect((await catalogOf(9001, "ran bash commands in a terminal.")).replacements).toEqual([
      named(9003),
      named(9002),
    ]);
  });

  it("falls back to what the technique's description reads like when none of its examples moved", async () => {
    const catalog = await catalogOf(9006, "added a registry run key so the implant started at logon.");
    expect(catalog.status).toBe("DEPRECATED");
    // The approximation, not the moved examples (there are none): the technique that reads like it comes first.
    expect(catalog.replacements[0]).toEqual(named(9004));
  });

  it("follows a successor retired by a later release to where its examples went", async () => {
    await importCatalog(t.db, {
      json: release("3.0", [
        technique(9001, V2, { x_mitre_deprecated: true }),
        technique(9006, V2, { x_mitre_deprecated: true }),
        technique(9003, V3, { x_mitre_deprecated: true }),
        ...[9002, 9004].map((n) => technique(n, V1)),
        technique(9005, V3),
        uses(9101, 9002, "Crafted Group ran a VBScript with wscript."),
        uses(9102, 9002, "Crafted Group ran VBA macros with cscript."),
        uses(9103, 9005, "Crafted Group ran bash scripts saved to disk."),
        uses(9105, 9004, "Crafted Group added a registry run key."),
        uses(9107, 9005, "Crafted Group ran sh scripts."),
      ]),
    });
    expect((await catalogOf(9001)).replacements).toEqual([named(9002), named(9005)]);
    expect((await catalogOf(9003, "ran bash scripts.")).replacements).toEqual([named(9005)]);
  });

  it("records the same moves when the older release is imported after the newer one", async () => {
    const other = await createTestDb();
    try {
      await importCatalog(other.db, { json: RELEASE_2() });
      expect(await importCatalog(other.db, { json: RELEASE_1() })).toMatchObject({ current: false });
      const change = await other.db.catalogChange.findFirstOrThrow({ where: { domain: D } });
      expect(change).toMatchObject({ fromVersion: "1.0", toVersion: "2.0" });
      expect(movedIn(change.changes)).toEqual(MOVED_IN_2);
    } finally {
      await other.drop();
    }
  });
});
