import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeActor, observationInput, seedCatalog } from "../../prisma/factories";
import { appErrorOf, clearWork, useTempOutbox } from "../../prisma/test-helpers";
import type { Actor } from "../auth/permissions";
import { createTestDb, type TestDb } from "../db/testing";
import { createObservation } from "../observations/service";
import { transitionObservation } from "../review/workflow";
import { createRelease, exportRelease, getReleaseBundle, listReleases } from "./service";
import { validateBundle } from "./validate";

let t: TestDb;
let contributor: Actor;
let reviewer: Actor;
let admin: Actor;

useTempOutbox();
beforeAll(async () => {
  t = await createTestDb();
  await seedCatalog(t.db);
});
afterAll(async () => {
  await t.drop();
});
beforeEach(async () => {
  await clearWork(t.db);
  contributor = await makeActor(t.db, "CONTRIBUTOR");
  reviewer = await makeActor(t.db, "REVIEWER");
  admin = await makeActor(t.db, "ADMIN");
});

async function accepted(overrides = {}) {
  const { observation } = await createObservation(contributor, observationInput(overrides), t.db);
  await transitionObservation(reviewer, observation.id, { action: "claim", version: 1 }, t.db);
  await transitionObservation(reviewer, observation.id, { action: "accept", version: 2 }, t.db);
  return observation.id;
}

const release = { name: "Community additions 2026-12", domain: "enterprise-attack", attackVersion: "18.1" };

describe("releases", () => {
  it("gathers accepted observations, exports a validated bundle once, and publishes them", async () => {
    const before = await accepted(); // accepted while no release was open
    const created = await createRelease(admin, release, t.db);
    const after = await accepted({ actor: { id: "S0154" }, technique: "T1105" }); // joins the open release
    await accepted({ actor: { unattributed: true } }); // not a procedure example: stays out of the bundle
    expect((await listReleases(admin, t.db))[0]).toMatchObject({ id: created.id, status: "OPEN", observations: 3 });

    const result = await exportRelease(admin, created.id, t.db);
    expect(result.status).toBe("EXPORTED");
    const { text } = await getReleaseBundle(contributor, created.id, t.db);
    expect(createHash("sha256").update(text).digest("hex")).toBe(result.sha256);
    const bundle = JSON.parse(text);
    expect(validateBundle(bundle)).toEqual([]);
    const uses = bundle.objects.filter((o: { type: string }) => o.type === "relationship");
    expect(uses).toHaveLength(2);
    expect(uses.map((u: { description: string }) => u.description).join("\n")).toContain("[HOST-1]");
    expect(text).not.toContain("corp.local");

    // Exporting again is a no-op that returns the same bytes.
    expect(await exportRelease(admin, created.id, t.db)).toEqual(result);
    const statuses = await t.db.observation.findMany({ select: { publicId: true, status: true, actorKind: true } });
    for (const o of statuses) expect(o.status).toBe(o.actorKind === "UNATTRIBUTED" ? "ACCEPTED" : "PUBLISHED");
    expect(statuses.map((s) => s.publicId)).toEqual(expect.arrayContaining([before, after]));
    expect(await t.db.auditEvent.count({ where: { action: "release.export" } })).toBe(1);
  });

  it("is for admins only, one open release per domain, and refuses an empty export", async () => {
    expect((await appErrorOf(createRelease(reviewer, release, t.db))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(createRelease(admin, { ...release, attackVersion: "latest" }, t.db))).code).toBe(
      "VALIDATION",
    );
    const created = await createRelease(admin, release, t.db);
    expect((await appErrorOf(createRelease(admin, { ...release, name: "Another" }, t.db))).code).toBe("CONFLICT");
    expect((await appErrorOf(exportRelease(reviewer, created.id, t.db))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(exportRelease(admin, created.id, t.db))).code).toBe("INVALID_STATE");
    expect((await appErrorOf(exportRelease(admin, "no-such-release", t.db))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(getReleaseBundle(admin, created.id, t.db))).code).toBe("INVALID_STATE");
    // The failed export left the release open and untouched.
    expect(await t.db.release.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      status: "OPEN",
      bundle: null,
    });
  });
});
