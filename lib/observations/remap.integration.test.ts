import { afterEach, describe, expect, it } from "vitest";
import { observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { createRelease, exportRelease } from "../releases/service";
import { refreshRemapFlags } from "../review/remap-flag";
import { listNeedsRemapping } from "../review/remap-queue";
import { transitionObservation } from "../review/workflow";
import { remapObservation } from "./remap";
import { createObservation, getObservation } from "./service";

const w = useWorkDb();
const domain = "enterprise-attack";

// A newer catalog, simulated on the imported 18.1 rows: the observation's technique is revoked (pointing at
// another live technique) or deprecated, as a later ATT&CK release would leave it. Undone after each test.
async function techniqueRow(attackId: string) {
  return w.db.attackObject.findFirstOrThrow({ where: { domain, attackId, kind: "technique" } });
}
// Each stands for an import that revokes or deprecates: like one, it keeps Observation.needsRemapping in step.
async function revoke(attackId: string, byAttackId: string) {
  const by = await techniqueRow(byAttackId);
  await w.db.attackObject.updateMany({ where: { domain, attackId }, data: { revoked: true, revokedBy: by.stixId } });
  await refreshRemapFlags(w.db, domain);
}
async function deprecate(attackId: string) {
  await w.db.attackObject.updateMany({ where: { domain, attackId }, data: { deprecated: true } });
  await refreshRemapFlags(w.db, domain);
}
afterEach(async () => {
  for (const attackId of ["T1059.001", "T1105", "G0007"]) {
    await w.db.attackObject.updateMany({
      where: { domain, attackId },
      data: { revoked: false, revokedBy: null, deprecated: false },
    });
  }
  await refreshRemapFlags(w.db, domain);
});

async function submitted(overrides = {}) {
  const { observation } = await createObservation(w.contributor, observationInput(overrides), w.db);
  return observation.id;
}
async function accepted(overrides = {}) {
  const id = await submitted(overrides);
  await transitionObservation(w.reviewer, id, { action: "claim", version: 1 }, w.db);
  await transitionObservation(w.reviewer, id, { action: "accept", version: 2 }, w.db);
  return id;
}

describe("catalog status", () => {
  it("is CURRENT for a live technique, REVOKED with the revoked-by target first, DEPRECATED without one", async () => {
    const live = await submitted();
    const other = await submitted({ technique: "T1105" });
    expect((await getObservation(w.contributor, live, w.db)).catalog).toMatchObject({
      status: "CURRENT",
      version: "18.1",
      replacements: [],
      actor: null,
    });

    await revoke("T1059.001", "T1059.003");
    await deprecate("T1105");
    const revoked = (await getObservation(w.contributor, live, w.db)).catalog;
    expect(revoked.status).toBe("REVOKED");
    expect(revoked.replacements[0]).toMatchObject({
      technique: "T1059.003",
      name: "Command and Scripting Interpreter: Windows Command Shell",
      source: "revoked-by",
    });
    expect((await getObservation(w.reviewer, other, w.db)).catalog).toMatchObject({
      status: "DEPRECATED",
      replacements: [],
    });

    const list = await listNeedsRemapping(w.reviewer, w.db);
    expect(list.counts).toEqual({ revoked: 1, deprecated: 1, actor: 0 });
    expect(list.items.map((i) => i.id).sort()).toEqual([live, other].sort());
    expect((await appErrorOf(listNeedsRemapping(w.contributor, w.db))).code).toBe("FORBIDDEN");
  });
});

describe("remapObservation", () => {
  it("changes only the technique of an accepted observation in an OPEN release, with a revision and an audit event", async () => {
    await createRelease(w.admin, { name: "Community additions", domain, attackVersion: "18.1" }, w.db);
    const id = await accepted();
    await revoke("T1059.001", "T1059.003");
    const before = await w.db.observation.findUniqueOrThrow({ where: { publicId: id } });

    const result = await remapObservation(
      w.reviewer,
      id,
      { technique: "T1059.003", version: 3, reason: "Checked on fin-ws-12.corp.local" },
      w.db,
    );
    expect(result).toMatchObject({ status: "ACCEPTED", version: 4, technique: { id: "T1059.003" } });
    expect(result.catalog.status).toBe("CURRENT");
    const after = await w.db.observation.findUniqueOrThrow({ where: { publicId: id } });
    // The remap clears the flag the revocation set; nothing else changes.
    expect([before.needsRemapping, after.needsRemapping]).toEqual([true, false]);
    const unchanged = { techniqueStixId: "", techniqueAttackId: "", version: 0, updatedAt: null, needsRemapping: null };
    expect({ ...after, ...unchanged }).toEqual({ ...before, ...unchanged });
    const revision = await w.db.revision.findFirstOrThrow({ where: { observationId: after.id, version: 4 } });
    expect(revision.reason).toMatch(
      /^Remapped T1059\.001 → T1059\.003: revoked in ATT&CK 18\.1\. Checked on \[HOST-1\]$/,
    );
    const audit = await w.db.auditEvent.findFirstOrThrow({ where: { action: "observation.remap", subjectId: id } });
    expect(audit.data).toMatchObject({ from: "T1059.001", to: "T1059.003", was: "REVOKED" });

    // A stale version is a 409; a remap to a dead or the same technique is a 400 on `technique`.
    expect(
      (await appErrorOf(remapObservation(w.reviewer, id, { technique: "T1059.004", version: 3 }, w.db))).code,
    ).toBe("CONFLICT");
    const dead = await appErrorOf(remapObservation(w.reviewer, id, { technique: "T1059.001", version: 4 }, w.db));
    expect(dead.code).toBe("VALIDATION");
    expect(dead.message).toContain("T1059.003");
    expect(
      (await appErrorOf(remapObservation(w.reviewer, id, { technique: "T1059.003", version: 4 }, w.db))).code,
    ).toBe("VALIDATION");
  });

  it("is refused to contributors and on closed work", async () => {
    const id = await submitted();
    const open = await submitted();
    await revoke("T1059.001", "T1059.003");
    const input = { technique: "T1059.003", version: 1 };
    expect((await appErrorOf(remapObservation(w.contributor, id, input, w.db))).code).toBe("FORBIDDEN");
    await transitionObservation(w.contributor, id, { action: "withdraw", version: 1 }, w.db);
    expect((await appErrorOf(remapObservation(w.admin, id, { ...input, version: 2 }, w.db))).code).toBe(
      "INVALID_STATE",
    );
    // Submitted work may be remapped by any reviewer, unclaimed included.
    expect((await remapObservation(w.reviewer, open, input, w.db)).technique.id).toBe("T1059.003");
  });
});

describe("actor remap", () => {
  // G0007 (APT28, the factories' actor) revoked by G0016 (APT29), as ATT&CK merges groups.
  async function revokeGroup() {
    const by = await w.db.attackObject.findFirstOrThrow({ where: { domain, attackId: "G0016" } });
    await w.db.attackObject.updateMany({
      where: { domain, attackId: "G0007" },
      data: { revoked: true, revokedBy: by.stixId },
    });
    await refreshRemapFlags(w.db, domain);
  }

  it("flags a revoked actor, offers its replacement, and applies it with a revision", async () => {
    const id = await accepted();
    await revokeGroup();
    const flagged = (await getObservation(w.reviewer, id, w.db)).catalog;
    expect(flagged.status).toBe("CURRENT");
    expect(flagged.actor).toMatchObject({
      status: "REVOKED",
      id: "G0007",
      replacements: [{ technique: "G0016", name: "APT29", source: "revoked-by" }],
    });
    expect((await listNeedsRemapping(w.reviewer, w.db)).counts).toMatchObject({ actor: 1 });

    const result = await remapObservation(w.reviewer, id, { actor: "G0016", version: 3 }, w.db);
    expect(result.catalog.actor).toBeNull();
    expect(result.technique.id).toBe("T1059.001");
    const row = await w.db.observation.findUniqueOrThrow({ where: { publicId: id } });
    const apt29 = await w.db.attackObject.findFirstOrThrow({ where: { domain, attackId: "G0016" } });
    expect(row).toMatchObject({ actorStixId: apt29.stixId, techniqueAttackId: "T1059.001", version: 4 });
    const revision = await w.db.revision.findFirstOrThrow({ where: { observationId: row.id, version: 4 } });
    expect(revision.reason).toBe("Remapped G0007 → G0016: revoked in ATT&CK 18.1");
    const audit = await w.db.auditEvent.findFirstOrThrow({ where: { action: "observation.remap", subjectId: id } });
    expect(audit.data).toMatchObject({ fromActor: "G0007", toActor: "G0016", actorWas: "REVOKED" });
    expect(audit.data).not.toHaveProperty("to");
    expect((await listNeedsRemapping(w.reviewer, w.db)).counts).toMatchObject({ actor: 0 });
  });

  it("refuses a revoked actor on submit naming its replacement, and a remap naming nothing", async () => {
    await revokeGroup();
    const refused = await appErrorOf(createObservation(w.contributor, observationInput(), w.db));
    expect(refused).toMatchObject({
      code: "VALIDATION",
      issues: [{ path: "actor.id", message: "Revoked actor: use G0016" }],
    });
    expect(refused.message).toBe("G0007 (APT28) was revoked in ATT&CK: use G0016 (APT29) instead.");

    const id = await submitted({ actor: { id: "G0016" } });
    const nothing = await appErrorOf(remapObservation(w.reviewer, id, { version: 1 }, w.db));
    expect(nothing).toMatchObject({ code: "VALIDATION" });
    expect(nothing.message).toMatch(/Name the new technique, the new actor/);
    const dead = await appErrorOf(remapObservation(w.reviewer, id, { actor: "G0007", version: 1 }, w.db));
    expect(dead.issues).toEqual([{ path: "actor", message: "Revoked actor: use G0016" }]);
    const unknown = await appErrorOf(remapObservation(w.reviewer, id, { actor: "G9999", version: 1 }, w.db));
    expect(unknown.message).toMatch(/Unknown group, software or campaign "G9999"/);
  });
});

describe("export", () => {
  it("is refused while the release holds a revoked or deprecated technique, naming the observations", async () => {
    const release = await createRelease(w.admin, { name: "Community additions", domain, attackVersion: "18.1" }, w.db);
    const id = await accepted();
    await deprecate("T1059.001");
    const refused = await appErrorOf(exportRelease(w.admin, release.id, w.db));
    expect(refused.code).toBe("INVALID_STATE");
    expect(refused.message).toContain(id);
    expect(refused.message).toContain("/queue/remap");
    expect((await w.db.release.findUniqueOrThrow({ where: { id: release.id } })).status).toBe("OPEN");

    await remapObservation(w.reviewer, id, { technique: "T1059.003", version: 3 }, w.db);
    expect((await exportRelease(w.admin, release.id, w.db)).status).toBe("EXPORTED");
    // Published work keeps the technique it was exported with.
    expect((await appErrorOf(remapObservation(w.admin, id, { technique: "T1059.001", version: 5 }, w.db))).code).toBe(
      "INVALID_STATE",
    );
  });
});
