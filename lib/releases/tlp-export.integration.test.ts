// Issue 5 item 2: only TLP:CLEAR content enters a public release bundle and the /o/ record it cites.
import { describe, expect, it } from "vitest";
import { observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import type { TObservationInput } from "../observations/schema";
import { createObservation, getPublicRecord } from "../observations/service";
import { transitionObservation } from "../review/workflow";
import { createRelease, exportRelease, getReleaseBundle } from "./service";

const w = useWorkDb();

// Each level's procedure carries a word found nowhere else, so the bundle shows which ones went in.
const TEXT = {
  CLEAR: "used PowerShell to start the kestrel loader from a scheduled task.",
  GREEN: "used PowerShell to start the heronbeak loader from a scheduled task.",
  AMBER: "used PowerShell to start the ospreywing loader from a scheduled task.",
} as const;

async function accepted(tlp: TObservationInput["tlp"] & keyof typeof TEXT) {
  const input = observationInput({ tlp, procedure: TEXT[tlp] });
  const { observation } = await createObservation(w.contributor, input, w.db);
  await transitionObservation(w.reviewer, observation.id, { action: "claim", version: 1 }, w.db);
  await transitionObservation(w.reviewer, observation.id, { action: "accept", version: 2 }, w.db);
  return observation.id;
}

const release = { name: "TLP test release", domain: "enterprise-attack", attackVersion: "18.1" };

describe("export and TLP", () => {
  it("puts only TLP:CLEAR observations in the bundle; GREEN and AMBER stay ACCEPTED and off /o/", async () => {
    const created = await createRelease(w.admin, release, w.db);
    const clear = await accepted("CLEAR");
    const green = await accepted("GREEN");
    const amber = await accepted("AMBER");

    const result = await exportRelease(w.admin, created.id, w.db);
    expect(result).toMatchObject({ status: "EXPORTED", heldBackByTlp: 2 });
    const { text } = await getReleaseBundle(w.contributor, created.id, w.db);
    expect(text).toContain("kestrel");
    expect(text).not.toContain("heronbeak");
    expect(text).not.toContain("ospreywing");

    const status = async (id: string) => (await w.db.observation.findUniqueOrThrow({ where: { publicId: id } })).status;
    expect(await status(clear)).toBe("PUBLISHED");
    expect(await status(green)).toBe("ACCEPTED");
    expect(await status(amber)).toBe("ACCEPTED");
    expect((await getPublicRecord(clear, w.db)).procedure).toContain("kestrel");
    for (const id of [green, amber]) expect((await appErrorOf(getPublicRecord(id, w.db))).code).toBe("NOT_FOUND");

    const audit = await w.db.auditEvent.findFirstOrThrow({ where: { action: "release.export" } });
    expect(audit.data).toMatchObject({ observations: 1, heldBackByTlp: 2 });
    // Exporting again answers the same, held-back count included.
    expect(await exportRelease(w.admin, created.id, w.db)).toEqual(result);
    // Nothing in an exported release is reopened, held back or not (not even by an admin).
    for (const [id, version] of [
      [clear, 4],
      [green, 3],
    ] as const) {
      const reopen = { action: "reopen", version, comment: "Reconsider." } as const;
      expect((await appErrorOf(transitionObservation(w.admin, id, reopen, w.db))).code).toBe("INVALID_STATE");
    }
  });

  it("refuses to export a release that holds only GREEN and AMBER work, changing nothing", async () => {
    const created = await createRelease(w.admin, release, w.db);
    const ids = [await accepted("GREEN"), await accepted("AMBER")];
    const error = await appErrorOf(exportRelease(w.admin, created.id, w.db));
    expect(error.code).toBe("INVALID_STATE");
    expect(error.message).toMatch(/no TLP:CLEAR observations/);
    expect(error.message).toMatch(/2 accepted/);
    expect(await w.db.release.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      status: "OPEN",
      bundle: null,
    });
    const rows = await w.db.observation.findMany({ where: { publicId: { in: ids } } });
    expect(rows.map((r) => [r.status, r.version])).toEqual([
      ["ACCEPTED", 3],
      ["ACCEPTED", 3],
    ]);
    expect(await w.db.auditEvent.count({ where: { action: "release.export" } })).toBe(0);
  });

  it("never shows an accepted GREEN or AMBER observation at /o/, even before export", async () => {
    for (const tlp of ["GREEN", "AMBER"] as const) {
      const id = await accepted(tlp);
      expect((await appErrorOf(getPublicRecord(id, w.db))).code).toBe("NOT_FOUND");
    }
  });
});
