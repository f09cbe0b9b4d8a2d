// The per-release page's data (issue 10), against a real database: contents by technique and by actor, who reviewed
// what, the techniques per tactic, ATT&CK's share, and who may see it.
import { describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import type { TObservationInput } from "../observations/schema";
import { createObservation, editObservation } from "../observations/service";
import { transitionObservation } from "../review/workflow";
import { getReleasePage } from "./release-page";
import { createRelease, exportRelease } from "./service";

const w = useWorkDb();

async function accepted(overrides: Partial<TObservationInput>, edit?: string) {
  const { observation } = await createObservation(w.contributor, observationInput(overrides), w.db);
  await transitionObservation(w.reviewer, observation.id, { action: "claim", version: 1 }, w.db);
  let version = 2;
  if (edit) {
    await editObservation(w.reviewer, observation.id, { version, procedure: edit, reason: "clearer" }, w.db);
    version++;
  }
  await transitionObservation(w.reviewer, observation.id, { action: "accept", version }, w.db);
  return observation.id;
}

const release = { name: "Page test release", domain: "enterprise-attack", attackVersion: "18.1" };

describe("getReleasePage", () => {
  it("groups the contents by technique and by actor, lists reviewers, and counts techniques per tactic", async () => {
    const created = await createRelease(w.admin, release, w.db);
    const a = await accepted({}, "used PowerShell to fetch a second-stage loader from a scheduled task.");
    const b = await accepted({ actor: { id: "G0016" } });
    const c = await accepted({ technique: "T1003.001" });
    const amber = await accepted({ tlp: "AMBER" });

    const page = await getReleasePage(w.admin, created.id, w.db);
    expect(page.release).toMatchObject({ name: release.name, status: "OPEN", exportedAt: null });
    expect(page.observations).toBe(4);
    expect(page.hiddenByTlp).toBe(0);
    expect(page.byTechnique.map((g) => [g.key, g.observations.map((o) => o.publicId)])).toEqual([
      ["T1003.001", [c]],
      ["T1059.001", [a, b, amber].sort()],
    ]);
    expect(page.byTechnique[1].label).toBe("T1059.001 Command and Scripting Interpreter: PowerShell");
    expect(page.byActor.map((g) => [g.label, g.observations.length])).toEqual([
      ["G0007 APT28", 3],
      ["G0016 APT29", 1],
    ]);
    expect(page.reviewers).toEqual([{ reviewer: w.reviewer.email, accepted: [a, b, c, amber].sort(), edited: [a] }]);
    // T1059.001 serves Execution, T1003.001 Credential Access: each technique once, however many observations.
    expect(page.techniques).toBe(2);
    expect(page.techniquesPerTactic.map((b) => [b.label, b.value])).toEqual([
      ["Execution", 1],
      ["Credential Access", 1],
    ]);
    expect(page.upstream).toMatchObject({ taken: 0, exported: 0 });

    await exportRelease(w.admin, created.id, w.db);
    await w.db.observation.update({
      where: { publicId: a },
      data: { upstreamVersion: "18.2", upstreamRelationshipId: "relationship--x", upstreamAt: new Date() },
    });
    const exported = await getReleasePage(w.admin, created.id, w.db);
    expect(exported.release.status).toBe("EXPORTED");
    // The AMBER one stays ACCEPTED, outside the bundle: 1 of the 3 exported.
    expect(exported.upstream).toEqual({ taken: 1, exported: 3, percent: 33, versions: ["18.2"] });
  });

  it("is for those who manage releases only, and names nothing that does not exist", async () => {
    const created = await createRelease(w.admin, release, w.db);
    for (const actor of [w.contributor, w.reviewer]) {
      expect((await appErrorOf(getReleasePage(actor, created.id, w.db))).code).toBe("FORBIDDEN");
    }
    expect((await appErrorOf(getReleasePage(w.admin, "nope", w.db))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(getReleasePage(w.admin, "../x", w.db))).code).toBe("NOT_FOUND");
    const other = await makeActor(w.db, "ADMIN");
    expect((await getReleasePage(other, created.id, w.db)).release.id).toBe(created.id);
  });
});
