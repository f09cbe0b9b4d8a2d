// The five files beside the bundle (changelog.md/.json, layer.json, sightings.json/.csv), read through the lib
// functions the routes call, for a release exported by the real exporter: what each holds, what none may hold
// (TLP:GREEN and AMBER), 409 before the export, 404 for an unknown id, same bytes on every read.
import { describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import type { Actor } from "../auth/permissions";
import { updateProfile } from "../auth/profile";
import type { TObservationInput } from "../observations/schema";
import { createObservation } from "../observations/service";
import { transitionObservation } from "../review/workflow";
import { getReleaseChangelog } from "./changelog-service";
import { getReleaseLayer } from "./release-layer-service";
import { createRelease, exportRelease } from "./service";
import { getReleaseSightings } from "./sightings-service";

const w = useWorkDb();

async function accepted(contributor: Actor, overrides: Partial<TObservationInput>) {
  const { observation } = await createObservation(contributor, observationInput(overrides), w.db);
  await transitionObservation(w.reviewer, observation.id, { action: "claim", version: 1 }, w.db);
  await transitionObservation(w.reviewer, observation.id, { action: "accept", version: 2 }, w.db);
  return observation.id;
}

const unattributed = { unattributed: true } as const;
const artifacts = (actor: Actor, id: string) =>
  Promise.all([
    getReleaseChangelog(actor, id, "md", w.db),
    getReleaseChangelog(actor, id, "json", w.db),
    getReleaseLayer(actor, id, w.db),
    getReleaseSightings(actor, id, "json", w.db),
    getReleaseSightings(actor, id, "csv", w.db),
  ]);

describe("release artifacts", () => {
  it("describe the exported release from its bundle, and leak nothing GREEN or AMBER", async () => {
    await updateProfile(w.contributor, { creditName: "Jane Roe", creditOrg: "" }, w.db);
    const member = await makeActor(w.db, "CONTRIBUTOR");
    await updateProfile(member, { creditName: "Gale Green", creditOrg: "Hidden Bank" }, w.db);
    const release = await createRelease(
      w.admin,
      { name: "Artifacts 2026-12", domain: "enterprise-attack", attackVersion: "18.1" },
      w.db,
    );
    const apt28 = await accepted(w.contributor, { credit: "named" }); // APT28 → T1059.001: ATT&CK's pair
    const owl = await accepted(member, {
      technique: "T1105",
      actor: { proposed: { type: "intrusion-set", name: "Night Owl", aliases: [], description: "A new group." } },
    });
    const green = await accepted(member, { technique: "T1003.001", tlp: "GREEN", credit: "named" });
    const sighting = await accepted(member, {
      actor: unattributed,
      technique: "T1003.001",
      observedFrom: "2026-02",
      sector: "52",
      region: "RIPE NCC",
      detectionType: "host",
      detectionSource: "human-validated",
      privilegeLevel: "system",
      platforms: ["Windows"],
    });
    const amber = await accepted(member, { actor: unattributed, technique: "T1566.001", tlp: "AMBER" });
    const greenSighting = await accepted(member, { actor: unattributed, technique: "T1566.002", tlp: "GREEN" });

    // Before the export: 409 with what to do; an unknown or malformed id is a 404.
    for (const get of [
      () => getReleaseChangelog(w.contributor, release.id, "md", w.db),
      () => getReleaseLayer(w.contributor, release.id, w.db),
      () => getReleaseSightings(w.contributor, release.id, "csv", w.db),
    ]) {
      const error = await appErrorOf(get());
      expect(error.code).toBe("INVALID_STATE");
      expect(error.message).toMatch(/has not been exported yet.*export/);
    }
    expect((await appErrorOf(getReleaseChangelog(w.admin, "no-such-release", "json", w.db))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(getReleaseSightings(w.admin, "../etc/passwd", "json", w.db))).code).toBe("NOT_FOUND");

    await exportRelease(w.admin, release.id, w.db);
    const files = await artifacts(w.contributor, release.id);
    const [md, json, layer, sightingsJson, sightingsCsv] = files;
    expect(files.map((f) => [f.fileName, f.contentType])).toEqual([
      ["Artifacts-2026-12-changelog.md", "text/markdown; charset=utf-8"],
      ["Artifacts-2026-12-changelog.json", "application/json"],
      ["Artifacts-2026-12-layer.json", "application/json"],
      ["Artifacts-2026-12-sightings.json", "application/json"],
      ["Artifacts-2026-12-sightings.csv", "text/csv; charset=utf-8"],
    ]);
    // Same bytes on every read, for any signed-in reader.
    expect((await artifacts(w.admin, release.id)).map((f) => f.text)).toEqual(files.map((f) => f.text));

    const changelog = JSON.parse(json.text);
    expect(
      changelog.byTechnique.map(
        (t: { technique: { id: string }; examples: { observation: string; change: string }[] }) => [
          t.technique.id,
          t.examples.map((e) => [e.observation, e.change]),
        ],
      ),
    ).toEqual([
      ["T1059.001", [[apt28, "update"]]],
      ["T1105", [[owl, "new"]]],
    ]);
    expect(changelog.newObjects).toEqual([
      expect.objectContaining({ id: "G9999", name: "Night Owl", type: "intrusion-set", provisional: true }),
    ]);
    expect(changelog.updatedObjects.credited.map((o: { id: string }) => o.id)).toEqual(["G0007"]);
    // Jane chose her name; the member's only CLEAR attributed observation was anonymous.
    expect(changelog.contributors).toEqual({ named: ["Jane Roe"], anonymous: 1 });
    expect(md.text).toContain("### [T1059.001 Command and Scripting Interpreter: PowerShell]");
    expect(md.text).toContain("- G9999 Night Owl (intrusion-set; provisional ID, MITRE assigns the real one)");
    expect(md.text).toContain("## Contributors to this release\n\n- Jane Roe\n\nAnd 1 anonymous contributor.");

    expect(
      JSON.parse(layer.text).techniques.map((t: { techniqueID: string; score: number }) => [t.techniqueID, t.score]),
    ).toEqual([
      ["T1059.001", 1],
      ["T1105", 1],
    ]);

    const sightings = JSON.parse(sightingsJson.text);
    expect(sightings).toEqual([
      {
        version: "2.0",
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        start_time: "2026-02-01T00:00:00Z",
        detection_type: "human_validated",
        tid: ["T1003.001"],
        detection_source: "host_based",
        sector: "52",
        region: "RIPE NCC",
        platform: "windows",
        privilege_level: "system",
      },
    ]);
    expect(sightingsCsv.text.split("\r\n")[1]).toBe(
      `2.0,${sightings[0].id},2026-02-01T00:00:00Z,human_validated,T1003.001,host_based,52,,RIPE NCC,windows,system`,
    );

    // Nothing GREEN or AMBER, by id, technique or credit; and no sighting names the observation it came from.
    const all = files.map((f) => f.text).join("\n");
    for (const hidden of [green, amber, greenSighting, "T1566", "Gale Green", "Hidden Bank"]) {
      expect(all).not.toContain(hidden);
    }
    expect(sightingsJson.text + sightingsCsv.text).not.toContain(sighting);
  });
});
