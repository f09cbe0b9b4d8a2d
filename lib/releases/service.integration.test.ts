import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { createObservation } from "../observations/service";
import { transitionObservation } from "../review/workflow";
import { createRelease, exportRelease, freezeRelease, getReleaseBundle, listReleases, openReleaseFor } from "./service";
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
  it("adds to ATT&CK's relationship for a pair it holds, and gives proposals stable provisional ids", async () => {
    const first = await createRelease(w.admin, release, w.db);
    await accepted(); // APT28 → T1059.001: ATT&CK v18.1 has this pair
    const proposal = (name: string, aliases: string[] = []) => ({
      actor: { proposed: { type: "intrusion-set" as const, name, aliases, description: "A new group." } },
    });
    await accepted(proposal("Night Owl"));
    await accepted(proposal("NOWL", ["night  owl"])); // the same proposal: merged
    await exportRelease(w.admin, first.id, w.db);
    const bundle = JSON.parse((await getReleaseBundle(w.admin, first.id, w.db)).text);
    expect(validateBundle(bundle)).toEqual([]);

    const apt28 = await w.db.attackObject.findFirstOrThrow({ where: { attackId: "G0007" } });
    const powershell = await w.db.attackObject.findFirstOrThrow({ where: { attackId: "T1059.001" } });
    const known = await w.db.knownProcedure.findFirstOrThrow({
      where: { sourceRef: apt28.stixId, targetRef: powershell.stixId },
    });
    const updated = bundle.objects.filter(
      (o: { source_ref?: string; target_ref?: string }) =>
        o.source_ref === apt28.stixId && o.target_ref === powershell.stixId,
    );
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({ id: known.stixId, created: known.created });
    expect(updated[0].description.startsWith(known.description)).toBe(true);
    expect(updated[0].description.length).toBeGreaterThan(known.description.length);

    const groups = bundle.objects.filter((o: { type: string }) => o.type === "intrusion-set");
    expect(groups).toHaveLength(1);
    const idOf = (g: { external_references: { external_id: string }[] }) => g.external_references[0].external_id;
    expect(idOf(groups[0])).toBe("G9999");

    // A later release: the same proposal keeps its id, another gets the next free one, skipping any ID a catalog
    // holds (here a real object is given G9998 to prove it is skipped).
    await w.db.attackObject.update({ where: { id: apt28.id }, data: { attackId: "G9998" } });
    try {
      const second = await createRelease(w.admin, { ...release, name: "Community additions 2027-01" }, w.db);
      await accepted(proposal("night owl"));
      await accepted(proposal("Day Owl"));
      await exportRelease(w.admin, second.id, w.db);
      const next = JSON.parse((await getReleaseBundle(w.admin, second.id, w.db)).text);
      const ids = Object.fromEntries(
        next.objects
          .filter((o: { type: string }) => o.type === "intrusion-set")
          .map((g: { name: string; external_references: { external_id: string }[] }) => [g.name, idOf(g)]),
      );
      expect(ids).toEqual({ "night owl": "G9999", "Day Owl": "G9997" });
    } finally {
      await w.db.attackObject.update({ where: { id: apt28.id }, data: { attackId: "G0007" } });
    }
  });
  it("freezes an open release: nothing joins it afterwards, and only an admin freezes, once", async () => {
    const created = await createRelease(w.admin, release, w.db);
    const inside = await accepted();
    expect((await appErrorOf(freezeRelease(w.reviewer, created.id, w.db))).code).toBe("FORBIDDEN");
    const frozen = await freezeRelease(w.admin, created.id, w.db);
    expect(frozen).toMatchObject({ status: "FROZEN", frozenAt: expect.any(String) });
    expect((await appErrorOf(freezeRelease(w.admin, created.id, w.db))).code).toBe("INVALID_STATE");
    const after = await accepted();
    const rows = await w.db.observation.findMany({ select: { publicId: true, releaseId: true } });
    expect(Object.fromEntries(rows.map((r) => [r.publicId, r.releaseId]))).toEqual({
      [inside]: created.id,
      [after]: null,
    });
    // Export of a frozen release publishes what it held when frozen.
    expect((await exportRelease(w.admin, created.id, w.db)).status).toBe("EXPORTED");
  });

  it("never attaches an accept racing a freeze to the frozen release", async () => {
    const created = await createRelease(w.admin, release, w.db);
    const { observation } = await createObservation(w.contributor, observationInput(), w.db);
    await transitionObservation(w.reviewer, observation.id, { action: "claim", version: 1 }, w.db);
    // An accept's transaction, held open between reading the open release and attaching the observation, while
    // an admin freezes the release. The freeze must wait for it (or the accept must see the release frozen):
    // without the row lock, PostgreSQL's read committed let the freeze commit in between.
    let freezing: Promise<unknown> | undefined;
    await w.db.$transaction(
      async (tx) => {
        const open = await openReleaseFor(tx, "enterprise-attack");
        freezing = freezeRelease(w.admin, created.id, w.db);
        await new Promise((resolve) => setTimeout(resolve, 500)); // the freeze reaches its UPDATE meanwhile
        await tx.observation.update({
          where: { publicId: observation.id },
          data: { status: "ACCEPTED", releaseId: open?.id ?? null, version: { increment: 1 } },
        });
      },
      { timeout: 15_000 },
    );
    await freezing;
    const event = await w.db.auditEvent.findFirstOrThrow({ where: { action: "release.freeze" } });
    // What the release held when it froze is all it holds.
    expect(await w.db.observation.count({ where: { releaseId: created.id } })).toBe(
      (event.data as { observations: number }).observations,
    );
  });
  it("lets one of two concurrent exports win; the other is a 409 and writes nothing", async () => {
    const created = await createRelease(w.admin, release, w.db);
    await accepted();
    await accepted({ actor: { id: "S0154" }, technique: "T1105" });
    const [a, b] = await Promise.allSettled([
      exportRelease(w.admin, created.id, w.db),
      exportRelease(w.admin, created.id, w.db),
    ]);
    const won = [a, b].filter((r) => r.status === "fulfilled");
    const lost = [a, b].filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    // One export's writes only: each observation published once, one audit event.
    expect(await w.db.revision.count({ where: { reason: "export" } })).toBe(2);
    expect(await w.db.auditEvent.count({ where: { action: "release.export" } })).toBe(1);
  });

  // What the bundle was built from is what gets published: a change to the release's public observations between
  // reading them and storing the export refuses it (409) and writes nothing; one that merely left is not published.
  async function exportedNothing(id: string) {
    expect(await w.db.release.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "OPEN", bundle: null });
    expect(await w.db.revision.count({ where: { reason: "export" } })).toBe(0);
    expect(await w.db.auditEvent.count({ where: { action: "release.export" } })).toBe(0);
    expect(await w.db.observation.count({ where: { status: "PUBLISHED" } })).toBe(0);
  }

  it("refuses an export when one of its observations is edited after it was read, and writes nothing", async () => {
    const created = await createRelease(w.admin, release, w.db);
    await accepted();
    const edited = await accepted({ actor: { id: "S0154" }, technique: "T1105" });
    const error = await appErrorOf(
      exportRelease(w.admin, created.id, w.db, {
        onPhase: async (phase) => {
          if (phase !== "serialize") return;
          await w.db.observation.update({
            where: { publicId: edited },
            data: { procedure: "Edited after the export read it.", version: { increment: 1 } },
          });
        },
      }),
    );
    expect(error.code).toBe("CONFLICT");
    await exportedNothing(created.id);
    // Exported again, the bundle holds the edited text.
    await exportRelease(w.admin, created.id, w.db);
    expect((await getReleaseBundle(w.admin, created.id, w.db)).text).toContain("Edited after the export read it.");
  });

  it("refuses an export when a public observation joins after it was read, and writes nothing", async () => {
    const created = await createRelease(w.admin, release, w.db);
    await accepted();
    let late = "";
    const error = await appErrorOf(
      exportRelease(w.admin, created.id, w.db, {
        onPhase: async (phase) => {
          if (phase === "validate") late = await accepted({ actor: { id: "S0154" }, technique: "T1105" });
        },
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect((await w.db.observation.findUniqueOrThrow({ where: { publicId: late } })).releaseId).toBe(created.id);
    await exportedNothing(created.id);
  });

  it("publishes the rest when an exported observation leaves the release meanwhile", async () => {
    const created = await createRelease(w.admin, release, w.db);
    const stays = await accepted();
    const leaves = await accepted({ actor: { id: "S0154" }, technique: "T1105" });
    await exportRelease(w.admin, created.id, w.db, {
      onPhase: async (phase) => {
        if (phase !== "serialize") return;
        await w.db.observation.update({
          where: { publicId: leaves },
          data: { releaseId: null, version: { increment: 1 } },
        });
      },
    });
    const rows = await w.db.observation.findMany({ select: { publicId: true, status: true, version: true } });
    expect(Object.fromEntries(rows.map((r) => [r.publicId, r.status]))).toEqual({
      [stays]: "PUBLISHED",
      [leaves]: "ACCEPTED",
    });
    const revisions = await w.db.revision.findMany({ where: { reason: "export" }, include: { observation: true } });
    expect(
      revisions.map((r) => [r.observation.publicId, r.version, (r.snapshot as { status: string }).status]),
    ).toEqual([[stays, rows.find((r) => r.publicId === stays)!.version, "PUBLISHED"]]);
  });
});
