// Observation.duplicateCandidates and the queue's duplicates=1 filter: recounted for the whole pair after each
// submit, transition and technique edit (SQLite, or TEST_DB=postgres).
import { describe, expect, it } from "vitest";
import { observationInput } from "../../prisma/factories";
import { useWorkDb } from "../../prisma/test-helpers";
import { providerOf } from "../db/adapter";
import { urlOf } from "../db/client";
import { createObservation, editObservation } from "../observations/service";
import { DUPLICATE_COUNT_CAP, refreshDuplicateCounts, seedDuplicateCountsSql } from "./duplicates-count";
import { parseQueueParams } from "./queue-params";
import { queryQueue } from "./queue-query";
import { transitionObservation } from "./workflow";

const w = useWorkDb();

const countsOf = async (...ids: string[]) => {
  const rows = await w.db.observation.findMany({
    where: { publicId: { in: ids } },
    select: { publicId: true, duplicateCandidates: true },
  });
  return ids.map((id) => rows.find((r) => r.publicId === id)?.duplicateCandidates);
};

const listed = async (query: string) =>
  (await queryQueue(w.reviewer, parseQueueParams(new URLSearchParams(query)), w.db)).items.map((i) => i.id);

describe("duplicate candidates count", () => {
  it("counts the other observations of the same technique and actor, and follows submits, decisions and edits", async () => {
    // T1059.001 by G0007 twice; the same technique by another actor, and an unattributed one: no pair.
    const { observation: a } = await createObservation(w.contributor, observationInput(), w.db);
    expect(await countsOf(a.id)).toEqual([0]);
    const updatedAt = async (id: string) =>
      (await w.db.observation.findUniqueOrThrow({ where: { publicId: id } })).updatedAt.getTime();
    const aUpdatedAt = await updatedAt(a.id);
    const { observation: b } = await createObservation(w.contributor, observationInput(), w.db);
    // b's arrival recounts a, but a recount is no edit of a.
    expect(await countsOf(a.id)).toEqual([1]);
    expect(await updatedAt(a.id)).toBe(aUpdatedAt);
    const { observation: other } = await createObservation(
      w.contributor,
      observationInput({ actor: { id: "G0016" } }),
      w.db,
    );
    const { observation: none } = await createObservation(
      w.contributor,
      observationInput({ actor: { unattributed: true } }),
      w.db,
    );
    // A draft is nobody's candidate, but is told about the pair's.
    const { observation: draft } = await createObservation(w.contributor, observationInput({ draft: true }), w.db);
    expect(await countsOf(a.id, b.id, other.id, none.id, draft.id)).toEqual([1, 1, 0, 0, 2]);
    expect(await listed("duplicates=1")).toEqual([a.id, b.id]);
    expect((await queryQueue(w.reviewer, parseQueueParams(new URLSearchParams("duplicates=1")), w.db)).total).toBe(2);

    // Rejecting b leaves a alone in its pair; reopening it brings the pair back.
    await transitionObservation(w.reviewer, b.id, { action: "claim", version: 1 }, w.db);
    await transitionObservation(
      w.reviewer,
      b.id,
      { action: "reject", version: 2, comment: "Not enough detail." },
      w.db,
    );
    expect(await countsOf(a.id, b.id, draft.id)).toEqual([0, 1, 1]);
    expect(await listed("duplicates=1")).toEqual([]);

    // An edit that moves `other` onto a's technique and actor is not possible (actor edits are remaps), but one
    // that moves a away from T1059.001 recounts both pairs: a has no partner left, the draft none either.
    await transitionObservation(w.reviewer, a.id, { action: "claim", version: 1 }, w.db);
    await editObservation(
      w.reviewer,
      a.id,
      { version: 2, technique: "T1059.003", reason: "cmd, not PowerShell" },
      w.db,
    );
    expect(await countsOf(a.id, b.id, draft.id)).toEqual([0, 0, 0]);
  });

  it("counts up to DUPLICATE_COUNT_CAP, so a pair past it rewrites only the rows that change side", async () => {
    const pairSize = DUPLICATE_COUNT_CAP + 2;
    const ids: string[] = [];
    for (let i = 0; i < pairSize; i++)
      ids.push((await createObservation(w.contributor, observationInput(), w.db)).observation.id);
    // Each sees pairSize - 1 = cap + 1 others: stored as the cap.
    expect(await countsOf(...ids)).toEqual(ids.map(() => DUPLICATE_COUNT_CAP));
    const pair = await w.db.observation.findUniqueOrThrow({ where: { publicId: ids[0] } });

    // A row whose count is off (as a new one is) is the only one a recount writes: exact counts rewrote them all.
    await w.db.observation.update({ where: { publicId: ids[3] }, data: { duplicateCandidates: 0 } });
    expect(await refreshDuplicateCounts(w.db, [pair])).toBe(1);
    expect(await refreshDuplicateCounts(w.db, [pair])).toBe(0);

    // Rejecting one leaves cap others to each candidate and cap + 1 to the rejected one: all still at the cap.
    await transitionObservation(w.reviewer, ids[0], { action: "claim", version: 1 }, w.db);
    await transitionObservation(w.reviewer, ids[0], { action: "reject", version: 2, comment: "Thin." }, w.db);
    expect(await countsOf(...ids)).toEqual(ids.map(() => DUPLICATE_COUNT_CAP));
    // One more rejected: each candidate now has cap - 1 others, the rejected ones still see cap.
    await transitionObservation(w.reviewer, ids[1], { action: "claim", version: 1 }, w.db);
    await transitionObservation(w.reviewer, ids[1], { action: "reject", version: 2, comment: "Thin." }, w.db);
    const after = ids.map((_, i) => (i < 2 ? DUPLICATE_COUNT_CAP : DUPLICATE_COUNT_CAP - 1));
    expect(await countsOf(...ids)).toEqual(after);

    // The seed's whole-table statement gives the same capped counts.
    await w.db.observation.updateMany({ data: { duplicateCandidates: 0 } });
    await w.db.$executeRawUnsafe(seedDuplicateCountsSql(providerOf(urlOf(w.db))));
    expect(await countsOf(...ids)).toEqual(after);
  });
});
