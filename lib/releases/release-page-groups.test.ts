import { describe, expect, it } from "vitest";
import {
  groupByActor,
  groupByTechnique,
  reviewersOf,
  upstreamShare,
  type TPageObservation,
} from "./release-page-groups";

const obs = (publicId: string, over: Partial<TPageObservation> = {}): TPageObservation => ({
  publicId,
  status: "PUBLISHED",
  tlp: "CLEAR",
  techniqueAttackId: "T1059.001",
  techniqueLabel: "T1059.001 Command and Scripting Interpreter: PowerShell",
  actorAttackId: "G0007",
  actorLabel: "G0007 APT28",
  upstream: null,
  ...over,
});

describe("release page groups", () => {
  it("groups by technique in ATT&CK id order, each group's observations by id", () => {
    const groups = groupByTechnique([
      obs("OBS-000003"),
      obs("OBS-000002", { techniqueAttackId: "T1003.001", techniqueLabel: "T1003.001 LSASS Memory" }),
      obs("OBS-000001"),
    ]);
    expect(groups.map((g) => [g.key, g.observations.map((o) => o.publicId)])).toEqual([
      ["T1003.001", ["OBS-000002"]],
      ["T1059.001", ["OBS-000001", "OBS-000003"]],
    ]);
  });

  it("groups by actor: catalog actors by id first, then proposed ones by name", () => {
    const groups = groupByActor([
      obs("OBS-000001", { actorAttackId: null, actorLabel: "Night Owl (proposed)" }),
      obs("OBS-000002", { actorAttackId: "G0016", actorLabel: "G0016 APT29" }),
      obs("OBS-000003"),
    ]);
    expect(groups.map((g) => g.label)).toEqual(["G0007 APT28", "G0016 APT29", "Night Owl (proposed)"]);
  });

  it("lists each reviewer once with what they accepted and edited, the busiest first", () => {
    expect(
      reviewersOf([
        { reviewer: "b@x", action: "accept", publicId: "OBS-000002" },
        { reviewer: "a@x", action: "edit", publicId: "OBS-000001" },
        { reviewer: "a@x", action: "edit", publicId: "OBS-000001" },
        { reviewer: "b@x", action: "remap", publicId: "OBS-000003" },
        { reviewer: "b@x", action: "accept", publicId: "OBS-000001" },
      ]),
    ).toEqual([
      { reviewer: "b@x", accepted: ["OBS-000001", "OBS-000002"], edited: ["OBS-000003"] },
      { reviewer: "a@x", accepted: [], edited: ["OBS-000001"] },
    ]);
  });

  it("counts ATT&CK's share among exported observations only", () => {
    const taken = { version: "18.2", relationshipId: "relationship--1" };
    expect(
      upstreamShare([
        obs("OBS-000001", { upstream: taken }),
        obs("OBS-000002"),
        obs("OBS-000003", { upstream: { ...taken, version: "19.0" } }),
        obs("OBS-000004", { status: "ACCEPTED", tlp: "AMBER" }),
      ]),
    ).toEqual({ taken: 2, exported: 3, percent: 67, versions: ["18.2", "19.0"] });
    expect(upstreamShare([])).toEqual({ taken: 0, exported: 0, percent: 0, versions: [] });
  });
});
