// Credit end to end: the profile supplies the names, submit refuses a credit the profile cannot
// back, and the export carries both a named and an organization credit on the actor's copy.
import { describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { updateProfile } from "../auth/profile";
import type { Actor } from "../auth/permissions";
import { createObservation } from "../observations/service";
import { transitionObservation } from "../review/workflow";
import { createRelease, exportRelease, getReleaseBundle } from "./service";

const w = useWorkDb();

async function accepted(contributor: Actor, credit: "named" | "organization") {
  const { observation } = await createObservation(contributor, observationInput({ credit }), w.db);
  await transitionObservation(w.reviewer, observation.id, { action: "claim", version: 1 }, w.db);
  await transitionObservation(w.reviewer, observation.id, { action: "accept", version: 2 }, w.db);
}

describe("credit", () => {
  it("exports a named and an organization credit in x_mitre_contributors of the credited actor", async () => {
    await updateProfile(w.contributor, { creditName: "Jane Roe", creditOrg: "" }, w.db);
    const colleague = await makeActor(w.db, "CONTRIBUTOR");
    await updateProfile(colleague, { creditName: "Sam Poe", creditOrg: "Example CERT" }, w.db);
    const release = await createRelease(
      w.admin,
      { name: "Credit check", domain: "enterprise-attack", attackVersion: "18.1" },
      w.db,
    );
    await accepted(w.contributor, "named");
    await accepted(colleague, "organization");
    await exportRelease(w.admin, release.id, w.db);
    const bundle = JSON.parse((await getReleaseBundle(w.admin, release.id, w.db)).text);
    const apt28 = await w.db.attackObject.findFirstOrThrow({ where: { attackId: "G0007" } });
    const copy = bundle.objects.find((o: { id: string }) => o.id === apt28.stixId);
    expect(copy?.x_mitre_contributors).toEqual(expect.arrayContaining(["Jane Roe", "Example CERT"]));
    // The colleague chose their organization only: their name is not published.
    expect(JSON.stringify(bundle)).not.toContain("Sam Poe");
  });

  it("refuses named or organization credit until the profile has that value, on the credit field", async () => {
    for (const [credit, hint] of [
      ["named", "Set your display name on your profile first"],
      ["organization", "Set your organization on your profile first"],
    ] as const) {
      const error = await appErrorOf(createObservation(w.contributor, observationInput({ credit }), w.db));
      expect(error.code).toBe("VALIDATION");
      expect(error.issues).toEqual([{ path: "credit", message: hint }]);
      expect(error.message).toContain("/profile");
    }
    expect(await w.db.observation.count()).toBe(0);
    await updateProfile(w.contributor, { creditName: "Jane Roe", creditOrg: "Example CERT" }, w.db);
    await createObservation(w.contributor, observationInput({ credit: "named" }), w.db);
    await createObservation(w.contributor, observationInput({ credit: "organization" }), w.db);
  });

  it("keeps profile names as written, refuses e-mail addresses and URLs in them, and audits the change", async () => {
    const saved = await updateProfile(
      w.contributor,
      { creditName: "  Jane Roe  ", creditOrg: "Contoso Bank AG" },
      w.db,
    );
    expect(saved).toMatchObject({ creditName: "Jane Roe", creditOrg: "Contoso Bank AG" });
    for (const bad of [
      { creditName: "jane@example.org", creditOrg: "" },
      { creditName: "Jane", creditOrg: "https://example.org" },
      { creditName: "x".repeat(101), creditOrg: "" },
    ]) {
      const error = await appErrorOf(updateProfile(w.contributor, bad, w.db));
      expect(error.code).toBe("VALIDATION");
      expect(error.message).toMatch(/e-mail address|web address|At most/);
    }
    const audit = await w.db.auditEvent.findMany({ where: { action: "profile.update" } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain("Jane Roe");
    // Clearing a value is allowed (the next named credit is then refused).
    expect(await updateProfile(w.contributor, { creditName: "", creditOrg: "" }, w.db)).toMatchObject({
      creditName: null,
      creditOrg: null,
    });
  });
});
