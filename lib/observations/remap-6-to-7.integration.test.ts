// Issue 8, "Done when": the real remapping case. Observations submitted against Enterprise ATT&CK v6.3 are flagged
// once v7.0 (the sub-technique release) is imported; the revoked-by replacement is offered first and applied.
// Both bundles are read from ../shared/attack at test time.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { importCatalog } from "../attack/import";
import type { Actor } from "../auth/permissions";
import { createTestDb, type TestDb } from "../db/testing";
import { listNeedsRemapping } from "../review/remap-queue";
import { transitionObservation } from "../review/workflow";
import { remapObservation } from "./remap";
import { createObservation, getObservation } from "./service";

const bundle = (name: string) => path.resolve(process.cwd(), "../shared/attack", name);

describe("Enterprise v6.3 → v7.0: remapping what ATT&CK revoked", () => {
  let t: TestDb;
  let contributor: Actor;
  let reviewer: Actor;
  const ids: { submitted: string; accepted: string } = { submitted: "", accepted: "" };

  beforeAll(async () => {
    t = await createTestDb();
    await importCatalog(t.db, { path: bundle("enterprise-attack-6.3.json") });
    contributor = await makeActor(t.db, "CONTRIBUTOR");
    reviewer = await makeActor(t.db, "REVIEWER");
    // T1086 "PowerShell" is a live technique in v6.3: both observations are taken against it.
    for (const key of ["submitted", "accepted"] as const) {
      const { observation } = await createObservation(contributor, observationInput({ technique: "T1086" }), t.db);
      ids[key] = observation.id;
    }
    await transitionObservation(reviewer, ids.accepted, { action: "claim", version: 1 }, t.db);
    await transitionObservation(reviewer, ids.accepted, { action: "accept", version: 2 }, t.db);
    await importCatalog(t.db, { path: bundle("enterprise-attack-7.0.json") });
  }, 60_000);
  afterAll(() => t.drop());

  it("flags both, accepted work included, with the revoked-by replacement first", async () => {
    for (const id of [ids.submitted, ids.accepted]) {
      const { catalog } = await getObservation(reviewer, id, t.db);
      expect(catalog).toMatchObject({ status: "REVOKED", version: "7.0", technique: { id: "T1086" } });
      expect(catalog.replacements[0]).toMatchObject({ technique: "T1059.001", source: "revoked-by" });
    }
    const list = await listNeedsRemapping(reviewer, t.db);
    expect(list.items.map((i) => i.id).sort()).toEqual([ids.submitted, ids.accepted].sort());
    expect(list.counts.revoked).toBe(2);
  });

  it("applies the replacement in one step, kept in the history with its reason, and the flag clears", async () => {
    for (const id of [ids.submitted, ids.accepted]) {
      const before = await getObservation(reviewer, id, t.db);
      const replacement = before.catalog.replacements[0].technique!;
      const after = await remapObservation(reviewer, id, { technique: replacement, version: before.version }, t.db);
      expect(after.technique.id).toBe("T1059.001");
      expect(after.catalog.status).toBe("CURRENT");
      const revision = await t.db.revision.findFirstOrThrow({
        where: { observation: { publicId: id } },
        orderBy: { version: "desc" },
      });
      expect(revision.reason).toMatch(/^Remapped T1086 → T1059\.001: revoked in ATT&CK 7\.0/);
    }
    expect((await listNeedsRemapping(reviewer, t.db)).total).toBe(0);
  });
});
