import { describe, expect, it } from "vitest";
import { seedRows, type SeedContext } from "./seed-rows";

const context: SeedContext = {
  techniques: [
    {
      domain: "enterprise-attack",
      stixId: "attack-pattern--1",
      attackId: "T1059.001",
      name: "PowerShell",
      platforms: ["Windows"],
    },
    {
      domain: "enterprise-attack",
      stixId: "attack-pattern--2",
      attackId: "T1003",
      name: "OS Credential Dumping",
      platforms: [],
    },
  ],
  actors: [{ domain: "enterprise-attack", stixId: "intrusion-set--1", name: "APT28" }],
  contributorIds: ["c1", "c2"],
  reviewerIds: ["r1"],
  firstId: 101,
  now: new Date("2026-11-28T00:00:00Z"),
};

describe("seedRows", () => {
  it("is deterministic, chunkable, and spreads states and ages like a queue", () => {
    const all = seedRows(context, 0, 2000);
    const again = [...seedRows(context, 0, 700).observations, ...seedRows(context, 700, 2000).observations];
    expect(again).toEqual(all.observations);
    const statuses = new Set(all.observations.map((o) => o.status));
    for (const s of ["SUBMITTED", "IN_REVIEW", "NEEDS_INFO", "ACCEPTED", "REJECTED", "DUPLICATE", "WITHDRAWN"]) {
      expect(statuses.has(s as never), s).toBe(true);
    }
    const ages = all.observations.map((o) => (context.now.getTime() - o.createdAt.getTime()) / 86_400_000);
    expect(Math.min(...ages)).toBeGreaterThan(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(366);
    expect(ages.filter((a) => a < 7).length).toBeGreaterThan(ages.filter((a) => a > 90).length);
    expect(all.observations[0]).toMatchObject({ id: 101, publicId: "OBS-000101", version: 1 });
  });

  it("keeps states consistent: claimed work has a reviewer, duplicates point back, each row has revision 1", () => {
    const { observations, revisions } = seedRows(context, 0, 1000);
    for (const o of observations) {
      if (["IN_REVIEW", "NEEDS_INFO", "ACCEPTED", "REJECTED", "DUPLICATE"].includes(o.status))
        expect(o.assigneeId).toBe("r1");
      if (o.status === "SUBMITTED" || o.status === "DRAFT") expect(o.assigneeId).toBeNull();
      if (o.status === "DUPLICATE") expect(o.duplicateOfId).toBeLessThan(o.id);
      if (o.status === "DRAFT") expect(o.submittedAt).toBeNull();
      expect(o.procedure.length).toBeGreaterThanOrEqual(20);
      // Placeholders only: nothing that looks like a real address or host name.
      expect(o.procedure).not.toMatch(/\b\d{1,3}(\.\d{1,3}){3}\b|@|\.(com|org|net)\b/);
    }
    expect(revisions.map((r) => [r.observationId, r.version])).toEqual(observations.map((o) => [o.id, 1]));
  });
});
