// The layer's scoping against a real database and the real Enterprise 18.1 catalog: reviewers and admins
// count every observation their TLP audience allows, contributors only their own; statuses filter; bad
// query values are a 400 naming the field.
import { describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import type { Actor } from "../auth/permissions";
import { createObservation } from "../observations/service";
import { coverageLayer } from "./layer-service";

const w = useWorkDb();

/** One observation by `who`, then the status and TLP the test needs, set directly. */
async function observation(who: Actor, technique: string, status: string, tlp = "CLEAR") {
  const { observation } = await createObservation(who, observationInput({ technique }), w.db);
  await w.db.observation.update({ where: { publicId: observation.id }, data: { status: status as never, tlp } });
}
const query = (qs = "") => new URLSearchParams(qs);
const scores = async (actor: Actor, qs = "") =>
  (await coverageLayer(actor, query(qs), w.db)).techniques.map((t) => [t.techniqueID, t.score]);

describe("coverageLayer", () => {
  it("counts accepted and published observations at every TLP level for reviewers and admins", async () => {
    const other = await makeActor(w.db, "CONTRIBUTOR");
    await observation(w.contributor, "T1059.001", "ACCEPTED", "AMBER");
    await observation(other, "T1059.001", "PUBLISHED", "GREEN");
    await observation(other, "T1003.001", "ACCEPTED");
    await observation(other, "T1003.001", "SUBMITTED"); // not counted by default
    await observation(other, "T1003.001", "REJECTED");
    const expected = [
      ["T1003.001", 1],
      ["T1059.001", 2],
    ];
    expect(await scores(w.reviewer)).toEqual(expected);
    expect(await scores(w.admin)).toEqual(expected);
    const layer = await coverageLayer(w.admin, query(), w.db);
    expect(layer.versions).toEqual({ attack: "18.1", navigator: "5.2.0", layer: "4.5" });
    expect(layer.techniques[1].comment).toBe("2 observations: 1 accepted, 1 published");
    expect(layer.description).toContain("the community's observations");
  });

  it("gives a contributor only their own observations, whatever their level", async () => {
    const other = await makeActor(w.db, "CONTRIBUTOR");
    await observation(w.contributor, "T1059.001", "ACCEPTED", "AMBER");
    await observation(other, "T1059.001", "ACCEPTED"); // CLEAR, but not theirs
    await observation(other, "T1003.001", "PUBLISHED");
    expect(await scores(w.contributor)).toEqual([["T1059.001", 1]]);
    expect((await coverageLayer(w.contributor, query(), w.db)).description).toContain("your observations");
    expect(await scores(other)).toEqual([
      ["T1003.001", 1],
      ["T1059.001", 1],
    ]);
  });

  it("counts the statuses asked for, and only the domain asked for", async () => {
    await observation(w.contributor, "T1059.001", "SUBMITTED");
    await observation(w.contributor, "T1059.001", "IN_REVIEW");
    await observation(w.contributor, "T1059.001", "ACCEPTED");
    expect(await scores(w.reviewer, "status=submitted,IN_REVIEW")).toEqual([["T1059.001", 2]]);
    expect(await scores(w.reviewer, "domain=mobile-attack")).toEqual([]);
    const mobile = await coverageLayer(w.reviewer, query("domain=mobile-attack"), w.db);
    expect(mobile.domain).toBe("mobile-attack");
  });

  it("refuses the signed-out and bad query values with what to send instead", async () => {
    expect((await appErrorOf(coverageLayer(null, query(), w.db))).code).toBe("UNAUTHENTICATED");
    // Who asks comes first: signed out with a bad query is still a 401.
    expect((await appErrorOf(coverageLayer(null, query("domain=pre-attack"), w.db))).code).toBe("UNAUTHENTICATED");
    const badDomain = await appErrorOf(coverageLayer(w.reviewer, query("domain=pre-attack"), w.db));
    expect(badDomain.code).toBe("VALIDATION");
    expect(badDomain.issues?.[0].path).toBe("domain");
    const badStatus = await appErrorOf(coverageLayer(w.contributor, query("status=ACCEPTED,DONE"), w.db));
    expect(badStatus.message).toContain('Unknown status "DONE"');
    expect(badStatus.issues?.[0].path).toBe("status");
  });
});
