import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, clearWork, dumpAllTables, useTempOutbox } from "../../prisma/test-helpers";
import { seedFixtureCatalog } from "../attack/catalog.fixture";
import type { Actor } from "../auth/permissions";
import { createTestDb, type TestDb } from "../db/testing";
import { PROCEDURE_MAX } from "./schema";
import { createObservation } from "./service";
import { getSubmitContext } from "./submit-context";

useTempOutbox();
let t: TestDb;
let alice: Actor;
let bob: Actor;
let reviewer: Actor;
beforeAll(async () => {
  t = await createTestDb();
  await seedFixtureCatalog(t.db);
});
afterAll(() => t.drop());
beforeEach(async () => {
  await clearWork(t.db);
  [alice, bob, reviewer] = await Promise.all([
    makeActor(t.db, "CONTRIBUTOR"),
    makeActor(t.db, "CONTRIBUTOR"),
    makeActor(t.db, "REVIEWER"),
  ]);
});

const PAIR = { technique: "T1059.001", actor: "G0016" };

async function submit(who: Actor, overrides: Parameters<typeof observationInput>[0] = {}): Promise<string> {
  const input = observationInput({ actor: { id: "G0016" }, ...overrides });
  return (await createObservation(who, input, t.db)).observation.id;
}

describe("getSubmitContext: ATT&CK's examples", () => {
  it("counts the pair and the technique, and ranks the technique's examples by the typed text", async () => {
    const context = await getSubmitContext(
      alice,
      { ...PAIR, text: "The loader was a PowerShell script that stole saved browser credentials from [HOST-1]." },
      t.db,
    );
    expect(context.technique).toEqual({
      attackId: "T1059.001",
      name: "PowerShell",
      parentName: null, // the fixture catalog holds no T1059; e2e/known-examples.spec.ts sees the real parent
    });
    expect(context.actor).toEqual({ attackId: "G0016", name: "APT29" });
    expect([context.count, context.techniqueCount]).toEqual([3, 5]);
    // The closest wording is APT28's, whoever the contributor picked: ATT&CK may already say it for another actor.
    expect(context.nearest).toHaveLength(3);
    expect(context.nearest[0].actor).toEqual({ attackId: "G0007", name: "APT28" });
    expect(context.nearest[0].description).toContain("steal browser credentials");
    const scores = context.nearest.map((n) => n.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(scores[1]);
  });

  it("without text lists the picked actor's own examples first; without an actor counts the technique", async () => {
    const byActor = await getSubmitContext(alice, { ...PAIR, actor: "G0007" }, t.db);
    expect(byActor.count).toBe(2);
    expect(byActor.nearest.map((n) => [n.actor.attackId, n.score])).toEqual([
      ["G0007", 0],
      ["G0007", 0],
      ["G0016", 0],
    ]);
    const technique = await getSubmitContext(alice, { technique: "t1003.001" }, t.db);
    expect(technique.actor).toBeUndefined();
    expect([technique.count, technique.techniqueCount]).toEqual([1, 1]);
    expect(technique.nearest[0]).toMatchObject({ actor: { attackId: "S0002", name: "Mimikatz" } });
    expect(technique.nearest[0].description).toContain("(Citation: Adsecurity Mimikatz Guide)");
  });

  it("refuses unknown techniques and actors and oversize text on their fields", async () => {
    for (const [input, path] of [
      [{ technique: "T9999" }, "technique"],
      [{ technique: "T1059.001", actor: "G9999" }, "actor"],
      [{ technique: "T1059.001", text: "x".repeat(PROCEDURE_MAX + 1) }, "text"],
      [{ technique: "T1059.001", stored: true }, "(body)"],
    ] as const) {
      const error = await appErrorOf(getSubmitContext(alice, input, t.db));
      expect(error.code).toBe("VALIDATION");
      expect(error.issues?.map((i) => i.path)).toContain(path);
    }
  });

  it("stores and returns nothing of the typed text", async () => {
    const marker = "zq-secret-marker-4711";
    const before = await dumpAllTables(t.db, t.url);
    const context = await getSubmitContext(alice, { ...PAIR, text: `PowerShell on ${marker}.corp.local` }, t.db);
    expect(JSON.stringify(context)).not.toContain(marker);
    const after = await dumpAllTables(t.db, t.url);
    expect(after).not.toContain(marker);
    expect(after).toBe(before);
  });
});

describe("getSubmitContext: similar pending submissions", () => {
  it("gives a contributor only the count of others' work, and their own ids", async () => {
    const aliceClear = await submit(alice);
    const aliceAmber = await submit(alice, { tlp: "AMBER" });
    const bobOwn = await submit(bob);
    await submit(bob, { draft: true }); // a draft is nobody's pending work
    const decided = await submit(bob);
    await t.db.observation.update({ where: { publicId: decided }, data: { status: "ACCEPTED" } });
    await t.db.observation.update({ where: { publicId: aliceClear }, data: { status: "IN_REVIEW" } });
    await submit(alice, { actor: { id: "G0007" } }); // another actor: not the same pair

    const seenByBob = await getSubmitContext(bob, PAIR, t.db);
    expect(seenByBob.pending).toEqual({ count: 3, mine: [bobOwn] });
    const leaked = JSON.stringify(seenByBob);
    for (const id of [aliceClear, aliceAmber]) expect(leaked).not.toContain(id);

    const seenByAlice = await getSubmitContext(alice, PAIR, t.db);
    expect(seenByAlice.pending).toEqual({ count: 3, mine: [aliceAmber, aliceClear] });

    // Without an actor the technique's pending work counts, whoever it is attributed to.
    expect((await getSubmitContext(bob, { technique: "T1059.001" }, t.db)).pending.count).toBe(4);
  });

  it("gives a reviewer the ids too, newest first", async () => {
    const first = await submit(alice, { tlp: "AMBER" });
    const second = await submit(bob);
    const context = await getSubmitContext(reviewer, PAIR, t.db);
    expect(context.pending).toEqual({ count: 2, mine: [], ids: [second, first] });
  });

  it("counts nothing when no submission is pending", async () => {
    const fresh = await makeActor(t.db, "CONTRIBUTOR");
    expect((await getSubmitContext(fresh, PAIR, t.db)).pending).toEqual({ count: 0, mine: [] });
  });
});
