// The maintained Observation.needsRemapping flag (lib/review/remap-flag.ts) against the real case: observations
// taken against Enterprise ATT&CK v6.3, then v7.0 imported (it revokes T1086 "PowerShell" for T1059.001). The
// flag must always equal what the catalog says (the detail page's status), and the queue's filter reads it.
// Both bundles are read from ../shared/attack at test time.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { importCatalog } from "../attack/import";
import type { Actor } from "../auth/permissions";
import { createTestDb, type TestDb } from "../db/testing";
import { isFlagged } from "../observations/catalog-status";
import { remapObservation } from "../observations/remap";
import { createObservation, editObservation, getObservation } from "../observations/service";
import { parseQueueParams } from "./queue-params";
import { queryQueue } from "./queue-query";
import { refreshRemapFlags } from "./remap-flag";
import { transitionObservation } from "./workflow";

const bundle = (name: string) => path.resolve(process.cwd(), "../shared/attack", name);

describe("needsRemapping, kept across a catalog import, an edit and a remap", () => {
  let t: TestDb;
  let contributor: Actor;
  let reviewer: Actor;
  const ids = { revoked: "", edited: "", live: "", decided: "" };

  const flags = async () =>
    Object.fromEntries(
      (await t.db.observation.findMany({ select: { publicId: true, needsRemapping: true } })).map((o) => [
        o.publicId,
        o.needsRemapping,
      ]),
    );
  /** The flag of every observation equals what its catalog status says. */
  async function expectFlagsMatchCatalog() {
    const stored = await flags();
    for (const id of Object.values(ids)) {
      const { catalog } = await getObservation(reviewer, id, t.db);
      expect(stored[id], id).toBe(isFlagged(catalog));
    }
  }
  const remapQueue = async (query = "") =>
    (await queryQueue(reviewer, parseQueueParams(new URLSearchParams(`needsRemapping=1&${query}`)), t.db)).items
      .map((i) => i.id)
      .sort();

  beforeAll(async () => {
    t = await createTestDb();
    await importCatalog(t.db, { path: bundle("enterprise-attack-6.3.json") });
    contributor = await makeActor(t.db, "CONTRIBUTOR");
    reviewer = await makeActor(t.db, "REVIEWER");
    for (const key of ["revoked", "edited", "decided"] as const) {
      ids[key] = (await createObservation(contributor, observationInput({ technique: "T1086" }), t.db)).observation.id;
    }
    // T1105 stays a live technique in 7.0.
    ids.live = (await createObservation(contributor, observationInput({ technique: "T1105" }), t.db)).observation.id;
    await transitionObservation(reviewer, ids.decided, { action: "claim", version: 1 }, t.db);
    await transitionObservation(reviewer, ids.decided, { action: "accept", version: 2 }, t.db);
  }, 60_000);
  afterAll(() => t.drop());

  it("is clear while everything names live objects", async () => {
    expect(Object.values(await flags())).toEqual([false, false, false, false]);
    await expectFlagsMatchCatalog();
    expect(await remapQueue()).toEqual([]);
  });

  it("is set by the import that revokes the technique, in every state, and the queue's filter finds them", async () => {
    await importCatalog(t.db, { path: bundle("enterprise-attack-7.0.json") });
    expect(await flags()).toEqual({ [ids.revoked]: true, [ids.edited]: true, [ids.decided]: true, [ids.live]: false });
    await expectFlagsMatchCatalog();
    const result = await queryQueue(reviewer, parseQueueParams(new URLSearchParams("needsRemapping=1")), t.db);
    expect(result.items.map((i) => i.id).sort()).toEqual([ids.revoked, ids.edited].sort());
    expect(result.total).toBe(2);
    expect(result.counts.ACCEPTED).toBe(1);
    expect(await remapQueue("view=decided")).toEqual([ids.decided]);
  }, 60_000);

  it("an older release imported again leaves the current rows, and so the flags, alone", async () => {
    await importCatalog(t.db, { path: bundle("enterprise-attack-6.3.json") });
    expect((await flags())[ids.revoked]).toBe(true);
    await expectFlagsMatchCatalog();
  }, 60_000);

  it("is cleared by a remap and by an edit that names a live technique, and only for that observation", async () => {
    const before = await getObservation(reviewer, ids.revoked, t.db);
    await remapObservation(reviewer, ids.revoked, { technique: "T1059.001", version: before.version }, t.db);
    await transitionObservation(reviewer, ids.edited, { action: "claim", version: 1 }, t.db);
    await editObservation(reviewer, ids.edited, { version: 2, technique: "T1059.001", reason: "revoked in 7.0" }, t.db);
    expect(await flags()).toEqual({
      [ids.revoked]: false,
      [ids.edited]: false,
      [ids.decided]: true,
      [ids.live]: false,
    });
    await expectFlagsMatchCatalog();
    expect(await remapQueue()).toEqual([]);
  });

  it("follows the catalog when recomputed for a domain (what an import runs), set and cleared", async () => {
    const where = { domain: "enterprise-attack", attackId: "T1105" };
    await t.db.attackObject.updateMany({ where, data: { deprecated: true } });
    expect(await refreshRemapFlags(t.db, "enterprise-attack")).toBe(1);
    expect((await flags())[ids.live]).toBe(true);
    await expectFlagsMatchCatalog();
    expect(await remapQueue()).toEqual([ids.live]);
    await t.db.attackObject.updateMany({ where, data: { deprecated: false } });
    expect(await refreshRemapFlags(t.db)).toBe(1);
    expect((await flags())[ids.live]).toBe(false);
    await expectFlagsMatchCatalog();
  });
});
