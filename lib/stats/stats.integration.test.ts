// The charts' numbers against a real database and the real Enterprise 18.1 catalog: buckets, tactic names
// and order, and the scoping (queue statuses and roles; releases for admins only).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENTERPRISE_18_1 } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { createObservation } from "../observations/service";
import { observationInput } from "../../prisma/factories";
import { NO_TACTIC_LABEL } from "./by-tactic";
import { ageRanges, queueAgeBars, queueTacticBars } from "./queue";
import { releaseTacticBars } from "./releases";
import { TACTIC_ORDER } from "./tactic-order";

const w = useWorkDb();
const NOW = new Date("2026-11-28T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

/** One SUBMITTED observation of a technique; then the status, TLP and times the test needs, set directly. */
async function observation(technique: string, data: Record<string, unknown> = {}) {
  const { observation } = await createObservation(w.contributor, observationInput({ technique }), w.db);
  await w.db.observation.update({ where: { publicId: observation.id }, data });
  return observation.id;
}
const pairs = (bars: { label: string; value: number }[]) => bars.map((b) => [b.label, b.value]);

describe("queueAgeBars", () => {
  it("counts what the queue holds by time waited since submission, every instant in one bucket", async () => {
    const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
    await observation("T1059.001", { submittedAt: ago(0.1) });
    await observation("T1059.001", { submittedAt: ago(1) }); // exactly a day: the second bucket
    await observation("T1059.001", { submittedAt: ago(6.9), status: "IN_REVIEW" });
    await observation("T1059.001", { submittedAt: ago(7), status: "NEEDS_INFO", tlp: "AMBER" });
    await observation("T1059.001", { submittedAt: ago(29) });
    await observation("T1059.001", { submittedAt: ago(30.5) });
    await observation("T1059.001", { submittedAt: null, createdAt: ago(45) });
    // Not in the queue: a draft, a decided one.
    await observation("T1059.001", { submittedAt: ago(2), status: "DRAFT" });
    await observation("T1059.001", { submittedAt: ago(2), status: "ACCEPTED" });
    expect(pairs(await queueAgeBars(w.reviewer, w.db, NOW))).toEqual([
      ["< 1 day", 1],
      ["1–7 days", 2],
      ["7–30 days", 2],
      ["> 30 days", 2],
    ]);
    expect((await appErrorOf(queueAgeBars(w.contributor, w.db, NOW))).code).toBe("FORBIDDEN");
  });

  it("bounds the buckets back to back", () => {
    const r = ageRanges(NOW);
    expect(r[0].until).toEqual(NOW);
    for (let i = 1; i < r.length; i++) expect(r[i].until).toEqual(r[i - 1].since);
    expect(r.at(-1)?.since).toBeNull();
  });
});

describe("queueTacticBars", () => {
  it("counts each observation under every tactic of its technique, in ATT&CK's order", async () => {
    await observation("T1059.001"); // PowerShell: execution
    await observation("T1059.001");
    await observation("T1003.001"); // LSASS Memory: credential-access
    await observation("T1053.005"); // Scheduled Task: execution, persistence, privilege-escalation
    await observation("T1003.001", { status: "REJECTED" });
    expect(pairs(await queueTacticBars(w.admin, w.db))).toEqual([
      ["Execution", 3],
      ["Persistence", 1],
      ["Privilege Escalation", 1],
      ["Credential Access", 1],
    ]);
    expect(await queueTacticBars(w.reviewer, w.db)).toHaveLength(4);
    expect((await appErrorOf(queueTacticBars(w.contributor, w.db))).code).toBe("FORBIDDEN");
  });

  it("counts a technique the catalog no longer holds apart, and never a level no TLP rule knows", async () => {
    await observation("T1059.001");
    await observation("T1059.001", { techniqueStixId: "attack-pattern--00000000-0000-4000-8000-000000000000" });
    // Stored by something older or broken: fails closed, in both charts, as the queue list does.
    await observation("T1003.001", { tlp: "RED" });
    expect(pairs(await queueTacticBars(w.reviewer, w.db))).toEqual([
      ["Execution", 1],
      [NO_TACTIC_LABEL, 1],
    ]);
    expect((await queueAgeBars(w.reviewer, w.db)).reduce((sum, b) => sum + b.value, 0)).toBe(2);
  });

  it("is empty for an empty queue", async () => {
    expect(await queueTacticBars(w.reviewer, w.db)).toEqual([]);
  });
});

describe("releaseTacticBars", () => {
  it("counts each release's observations per tactic, for admins only", async () => {
    const release = (name: string) =>
      w.db.release.create({
        data: { name, domain: "enterprise-attack", attackVersion: "18.1", createdById: w.admin.id },
      });
    const [a, b, empty] = [await release("A"), await release("B"), await release("C")];
    await observation("T1059.001", { status: "ACCEPTED", releaseId: a.id });
    await observation("T1566.001", { status: "ACCEPTED", releaseId: a.id, tlp: "GREEN" }); // initial-access
    await observation("T1003.001", { status: "PUBLISHED", releaseId: b.id });
    await observation("T1003.001", { status: "ACCEPTED" }); // in no release
    const bars = await releaseTacticBars(w.admin, w.db, [a.id, b.id, empty.id]);
    expect(pairs(bars.get(a.id)!)).toEqual([
      ["Initial Access", 1],
      ["Execution", 1],
    ]);
    expect(pairs(bars.get(b.id)!)).toEqual([["Credential Access", 1]]);
    expect(bars.get(empty.id)).toEqual([]);
    expect((await appErrorOf(releaseTacticBars(w.reviewer, w.db, [a.id]))).code).toBe("FORBIDDEN");
  });
});

describe("TACTIC_ORDER", () => {
  it("is the Enterprise matrix's column order, and names every tactic the catalog holds", async () => {
    const bundle = JSON.parse(readFileSync(ENTERPRISE_18_1, "utf8")) as { objects: Record<string, unknown>[] };
    const byId = new Map(bundle.objects.map((o) => [o.id, o]));
    const matrix = bundle.objects.find((o) => o.type === "x-mitre-matrix")!;
    const columns = (matrix.tactic_refs as string[]).map((ref) => byId.get(ref)?.x_mitre_shortname);
    expect(TACTIC_ORDER["enterprise-attack"]).toEqual(columns);
    const stored = await w.db.attackObject.findMany({ where: { kind: "tactic" }, select: { tactics: true } });
    expect(stored.map((t) => (t.tactics as string[])[0]).sort()).toEqual([...columns].sort());
  });
});
