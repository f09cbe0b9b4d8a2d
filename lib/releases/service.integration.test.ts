import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { createObservation } from "../observations/service";
import { transitionObservation } from "../review/workflow";
import { createRelease, exportRelease, getReleaseBundle, listReleases } from "./service";
import { validateBundle } from "./validate";

const w = useWorkDb();

async function accepted(overrides = {}) {
  const { observation } = await createObservation(w.contributor, observationInput(overrides), w.db);
  await transitionObservation(w.reviewer, observation.id, { action: "claim", version: 1 }, w.db);
  await transitionObservation(w.reviewer, observation.id, { action: "accept", version: 2 }, w.db);
  return observation.id;
}

const release = { name: "Community additions 2026-12", domain: "enterprise-attack", attackVersion: "18.1" };

describe("releases", () => {
  it("gathers accepted observations, exports a validated bundle once, and publishes them", async () => {
    const before = await accepted(); // accepted while no release was open
    const created = await createRelease(w.admin, release, w.db);
    const after = await accepted({ actor: { id: "S0154" }, technique: "T1105" }); // joins the open release
    await accepted({ actor: { unattributed: true } }); // not a procedure example: stays out of the bundle
    expect((await listReleases(w.admin, w.db))[0]).toMatchObject({ id: created.id, status: "OPEN", observations: 3 });

    const result = await exportRelease(w.admin, created.id, w.db);
    expect(result.status).toBe("EXPORTED");
    const { text } = await getReleaseBundle(w.contributor, created.id, w.db);
    expect(createHash("sha256").update(text).digest("hex")).toBe(result.sha256);
    const bundle = JSON.parse(text);
    expect(validateBundle(bundle)).toEqual([]);
    const uses = bundle.objects.filter((o: { type: string }) => o.type === "relationship");
    expect(uses).toHaveLength(2);
    expect(uses.map((u: { description: string }) => u.description).join("\n")).toContain("[HOST-1]");
    expect(text).not.toContain("corp.local");

    // Exporting again is a no-op that returns the same bytes.
    expect(await exportRelease(w.admin, created.id, w.db)).toEqual(result);
    const statuses = await w.db.observation.findMany({ select: { publicId: true, status: true, actorKind: true } });
    for (const o of statuses) expect(o.status).toBe(o.actorKind === "UNATTRIBUTED" ? "ACCEPTED" : "PUBLISHED");
    expect(statuses.map((s) => s.publicId)).toEqual(expect.arrayContaining([before, after]));
    expect(await w.db.auditEvent.count({ where: { action: "release.export" } })).toBe(1);
  });

  it("is for admins only, one open release per domain, and refuses an empty export", async () => {
    expect((await appErrorOf(createRelease(w.reviewer, release, w.db))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(createRelease(w.admin, { ...release, attackVersion: "latest" }, w.db))).code).toBe(
      "VALIDATION",
    );
    const created = await createRelease(w.admin, release, w.db);
    expect((await appErrorOf(createRelease(w.admin, { ...release, name: "Another" }, w.db))).code).toBe("CONFLICT");
    expect((await appErrorOf(exportRelease(w.reviewer, created.id, w.db))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(exportRelease(w.admin, created.id, w.db))).code).toBe("INVALID_STATE");
    expect((await appErrorOf(exportRelease(w.admin, "no-such-release", w.db))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(getReleaseBundle(w.admin, created.id, w.db))).code).toBe("INVALID_STATE");
    // The failed export left the release open and untouched.
    expect(await w.db.release.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      status: "OPEN",
      bundle: null,
    });
  });
});
