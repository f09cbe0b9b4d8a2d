import { describe, expect, it } from "vitest";
import { observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { createObservation } from "../observations/service";
import type { TObservationInput } from "../observations/schema";
import { findDuplicateCandidates } from "./duplicates";
import { transitionObservation } from "./workflow";

const w = useWorkDb();

const TEXT =
  "Mimikatz was launched from an encoded PowerShell command to dump credentials from LSASS memory, then the output was compressed with 7-Zip.";
const NEAR =
  "An encoded PowerShell command launched Mimikatz, which dumped credentials from LSASS memory; the output was compressed with 7-Zip.";

async function observe(overrides: Partial<TObservationInput> = {}) {
  return (await createObservation(w.contributor, observationInput({ procedure: TEXT, ...overrides }), w.db))
    .observation;
}

async function stixIdOf(attackId: string) {
  return (
    await w.db.attackObject.findFirstOrThrow({
      where: { domain: "enterprise-attack", attackId },
      select: { stixId: true },
    })
  ).stixId;
}

async function claimed(id: string) {
  await transitionObservation(w.reviewer, id, { action: "claim", version: 1 }, w.db);
}

describe("findDuplicateCandidates", () => {
  it("finds the nearest visible observations of the technique's family, same technique and actor first", async () => {
    const first = await observe();
    const sibling = await observe({ technique: "T1059.003", actor: { id: "G0016" } });
    const otherActor = await observe({ actor: { id: "G0016" }, tlp: "AMBER" });
    const unrelatedTechnique = await observe({ technique: "T1105" });
    const draft = await observe({ draft: true });
    const withdrawn = await observe();
    await transitionObservation(w.contributor, withdrawn.id, { action: "withdraw", version: 1 }, w.db);
    const subject = await observe({ procedure: NEAR });

    const found = await findDuplicateCandidates(w.reviewer, subject.id, w.db);
    expect(found.observations.map((o) => o.id)).toEqual([first.id, otherActor.id, sibling.id]);
    expect(found.observations[0]).toMatchObject({ sameTechnique: true, sameActor: true, status: "SUBMITTED" });
    expect(found.observations[0].score).toBeGreaterThan(0.5);
    expect(found.observations[0].technique.techniqueLabel).toMatch(/^T1059\.001 .*PowerShell/);
    expect(found.observations[2]).toMatchObject({ sameTechnique: false, sameActor: false });
    const ids = found.observations.map((o) => o.id);
    for (const never of [subject.id, unrelatedTechnique.id, draft.id, withdrawn.id]) expect(ids).not.toContain(never);
    expect(found.marked).toBeNull();

    // ATT&CK's examples: APT28's own PowerShell examples (same pair) first, each with its relationship id.
    const [technique, apt28] = await Promise.all([stixIdOf("T1059.001"), stixIdOf("G0007")]);
    const pair = await w.db.knownProcedure.count({ where: { targetRef: technique, sourceRef: apt28 } });
    expect(pair).toBeGreaterThan(0);
    expect(found.attack.length).toBeGreaterThan(0);
    expect(found.attack.length).toBeLessThanOrEqual(5);
    expect(found.attack[0]).toMatchObject({ sameTechnique: true, sameActor: true, actor: { attackId: "G0007" } });
    expect(found.attack[0].stixId).toMatch(/^relationship--/);
    // Rendered as the page renders ATT&CK's text: markdown with its citations resolved.
    expect(found.attack[0].references.length).toBeGreaterThan(0);
  });

  it("is for reviewers and admins only, and only on what they may see", async () => {
    const own = await observe();
    expect((await appErrorOf(findDuplicateCandidates(w.contributor, own.id, w.db))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(findDuplicateCandidates(w.reviewer, "OBS-999999", w.db))).code).toBe("NOT_FOUND");
    const draft = await observe({ draft: true });
    expect((await appErrorOf(findDuplicateCandidates(w.admin, draft.id, w.db))).code).toBe("NOT_FOUND");
    // Every TLP level reaches reviewers (lib/observations/tlp.ts): an AMBER candidate is theirs to compare.
    const amber = await observe({ tlp: "AMBER" });
    const green = await observe({ tlp: "GREEN" });
    expect((await findDuplicateCandidates(w.admin, own.id, w.db)).observations.map((o) => o.id).sort()).toEqual(
      [amber.id, green.id].sort(),
    );
  });
});

describe("marking a duplicate", () => {
  it("of another observation: DUPLICATE, duplicateOf, revision and audit event", async () => {
    const first = await observe();
    const second = await observe({ procedure: NEAR });
    const draft = await observe({ draft: true });
    await claimed(second.id);
    const toDraft = await appErrorOf(
      transitionObservation(w.reviewer, second.id, { action: "duplicate", version: 2, duplicateOf: draft.id }, w.db),
    );
    expect(toDraft.code).toBe("VALIDATION");
    expect(toDraft.issues?.map((i) => i.path)).toEqual(["duplicateOf"]);
    await transitionObservation(
      w.reviewer,
      second.id,
      { action: "duplicate", version: 2, duplicateOf: first.id },
      w.db,
    );
    const row = await w.db.observation.findUniqueOrThrow({
      where: { publicId: second.id },
      include: { duplicateOf: true },
    });
    expect(row).toMatchObject({ status: "DUPLICATE", version: 3 });
    expect(row.duplicateOf?.publicId).toBe(first.id);
    const revision = await w.db.revision.findFirstOrThrow({ where: { observationId: row.id, version: 3 } });
    expect(revision.reason).toBe(`duplicate of ${first.id}`);
    const audit = await w.db.auditEvent.findFirstOrThrow({
      where: { subjectId: second.id, action: "observation.duplicate" },
    });
    expect(audit.data).toMatchObject({ from: "IN_REVIEW", to: "DUPLICATE", duplicateOf: first.id });
    expect((await findDuplicateCandidates(w.reviewer, second.id, w.db)).marked).toEqual({ duplicateOf: first.id });
  });

  it("as already in ATT&CK: the relationship id is checked in the observation's domain and recorded", async () => {
    const o = await observe();
    await claimed(o.id);
    const [technique, apt28] = await Promise.all([stixIdOf("T1059.001"), stixIdOf("G0007")]);
    const known = await w.db.knownProcedure.findFirstOrThrow({ where: { targetRef: technique, sourceRef: apt28 } });
    const refused = async (input: Record<string, unknown>, path: string) => {
      const error = await appErrorOf(
        transitionObservation(w.reviewer, o.id, { action: "duplicate", version: 2, ...input }, w.db),
      );
      expect(error.code).toBe("VALIDATION");
      expect(error.issues?.map((i) => i.path)).toEqual([path]);
    };
    await refused({ alreadyInAttack: "not-a-relationship" }, "alreadyInAttack");
    await refused({ alreadyInAttack: "relationship--00000000-0000-4000-8000-000000000000" }, "alreadyInAttack");
    await refused({ alreadyInAttack: known.stixId, duplicateOf: "OBS-000001" }, "alreadyInAttack");
    await refused({}, "duplicateOf");
    // Nothing half-written by the refusals.
    expect(await w.db.observation.findUniqueOrThrow({ where: { publicId: o.id } })).toMatchObject({
      status: "IN_REVIEW",
      version: 2,
    });

    expect(
      await transitionObservation(
        w.reviewer,
        o.id,
        {
          action: "duplicate",
          version: 2,
          alreadyInAttack: known.stixId.toUpperCase().replace("RELATIONSHIP", "relationship"),
        },
        w.db,
      ),
    ).toEqual({ id: o.id, status: "DUPLICATE", version: 3 });
    const row = await w.db.observation.findUniqueOrThrow({ where: { publicId: o.id } });
    expect(row.duplicateOfId).toBeNull();
    const revision = await w.db.revision.findFirstOrThrow({ where: { observationId: row.id, version: 3 } });
    expect(revision.reason).toBe(`duplicate: already in ATT&CK (${known.stixId})`);
    const audit = await w.db.auditEvent.findFirstOrThrow({
      where: { subjectId: o.id, action: "observation.duplicate" },
    });
    expect(audit.data).toMatchObject({ to: "DUPLICATE", alreadyInAttack: known.stixId });
    expect((await findDuplicateCandidates(w.reviewer, o.id, w.db)).marked).toEqual({ alreadyInAttack: known.stixId });
  });
});
