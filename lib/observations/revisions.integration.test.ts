// Comparing revisions and reverting to one (issue 9 item 3), and what a stale write says changed (item 6).
import { describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { transitionObservation } from "../review/workflow";
import { compareRevisions, parseCompareQuery, revertObservation } from "./revisions";
import { createObservation, editObservation } from "./service";

const w = useWorkDb();
const FIRST = "APT29 used PowerShell to download a loader from the file server.";
const SECOND = "APT29 used PowerShell to download a backdoor from the file server.";

/** Submitted (1), claimed (2), procedure edited (3), technique edited (4). */
async function editedTwice() {
  const { observation } = await createObservation(w.contributor, observationInput({ procedure: FIRST }), w.db);
  const id = observation.id;
  await transitionObservation(w.reviewer, id, { action: "claim", version: 1 }, w.db);
  await editObservation(w.reviewer, id, { version: 2, procedure: SECOND, reason: "clearer" }, w.db);
  await editObservation(w.reviewer, id, { version: 3, technique: "T1059.003", reason: "it was cmd" }, w.db);
  return id;
}

describe("compareRevisions", () => {
  it("shows the fields that differ between any two revisions, with the words that changed", async () => {
    const id = await editedTwice();
    const c = await compareRevisions(w.reviewer, id, { from: 1, to: 4 }, w.db);
    expect(c.changes.map((x) => x.field)).toEqual(["status", "technique", "procedure"]);
    const procedure = c.changes.find((x) => x.field === "procedure")!;
    expect(procedure.parts.filter((p) => p.change).map((p) => [p.change, p.value])).toEqual([
      ["removed", "loader"],
      ["added", "backdoor"],
    ]);
    expect(c.changes.find((x) => x.field === "technique")).toMatchObject({ before: "T1059.001", after: "T1059.003" });
    // Either order; the same revision twice differs in nothing.
    expect((await compareRevisions(w.reviewer, id, { from: 4, to: 1 }, w.db)).changes[1]).toMatchObject({
      before: "T1059.003",
      after: "T1059.001",
    });
    expect((await compareRevisions(w.reviewer, id, { from: 3, to: 3 }, w.db)).changes).toEqual([]);
    // The contributor reads their own history; a missing revision is a 404 naming it.
    expect((await compareRevisions(w.contributor, id, { from: 1, to: 2 }, w.db)).changes.map((x) => x.field)).toEqual([
      "status",
    ]);
    expect(await appErrorOf(compareRevisions(w.reviewer, id, { from: 1, to: 9 }, w.db))).toMatchObject({
      code: "NOT_FOUND",
      message: `${id} has no revision 9.`,
    });
    // Someone else's contributor sees nothing at all.
    const stranger = await makeActor(w.db, "CONTRIBUTOR");
    expect((await appErrorOf(compareRevisions(stranger, id, { from: 1, to: 2 }, w.db))).code).toBe("NOT_FOUND");
  });

  it("refuses a query without whole version numbers, naming the parameter", () => {
    expect(parseCompareQuery(new URLSearchParams("from=1&to=3"))).toEqual({ from: 1, to: 3 });
    expect(() => parseCompareQuery(new URLSearchParams("from=x&to=3"))).toThrow(/from must be a revision version/);
    expect(() => parseCompareQuery(new URLSearchParams("from=1"))).toThrow(/Give to/);
  });
});

describe("revertObservation", () => {
  it("puts an old revision's content back as a new revision, and can be reverted in turn", async () => {
    const id = await editedTwice();
    const reverted = await revertObservation(w.reviewer, id, { toVersion: 1, version: 4 }, w.db);
    expect(reverted).toMatchObject({
      version: 5,
      procedure: FIRST,
      technique: { id: "T1059.001" },
      status: "IN_REVIEW",
    });
    const row = await w.db.observation.findUniqueOrThrow({ where: { publicId: id } });
    const revision = await w.db.revision.findFirstOrThrow({ where: { observationId: row.id, version: 5 } });
    expect(revision.reason).toBe("Reverted to version 1");
    // Only the status differs from version 1 now.
    expect((await compareRevisions(w.reviewer, id, { from: 1, to: 5 }, w.db)).changes.map((c) => c.field)).toEqual([
      "status",
    ]);
    const again = await revertObservation(
      w.reviewer,
      id,
      { toVersion: 4, version: 5, reason: "the first was right" },
      w.db,
    );
    expect(again).toMatchObject({ version: 6, procedure: SECOND, technique: { id: "T1059.003" } });
  });

  it("refuses what would change nothing, stale versions, and people who may not edit", async () => {
    const id = await editedTwice();
    const nothing = await appErrorOf(revertObservation(w.reviewer, id, { toVersion: 4, version: 4 }, w.db));
    expect(nothing).toMatchObject({
      code: "VALIDATION",
      issues: [{ path: "toVersion", message: "Nothing to revert" }],
    });
    expect((await appErrorOf(revertObservation(w.reviewer, id, { toVersion: 1, version: 3 }, w.db))).code).toBe(
      "CONFLICT",
    );
    expect((await appErrorOf(revertObservation(w.contributor, id, { toVersion: 1, version: 4 }, w.db))).code).toMatch(
      /FORBIDDEN|INVALID_STATE/,
    );
    const other = await makeActor(w.db, "REVIEWER");
    expect((await appErrorOf(revertObservation(other, id, { toVersion: 1, version: 4 }, w.db))).code).toMatch(
      /FORBIDDEN|INVALID_STATE/,
    );
    expect((await appErrorOf(revertObservation(w.reviewer, id, { toVersion: "1", version: 4 }, w.db))).code).toBe(
      "VALIDATION",
    );
    // Nothing was written by the refusals.
    expect((await w.db.observation.findUniqueOrThrow({ where: { publicId: id } })).version).toBe(4);
  });
});

describe("a stale write", () => {
  it("is a 409 that says which fields changed since the version the writer saw", async () => {
    const id = await editedTwice();
    const stale = await appErrorOf(
      editObservation(w.reviewer, id, { version: 2, procedure: FIRST, reason: "back" }, w.db),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toContain("you saw version 2, it is now version 4");
    expect(stale.message).toContain("Changed since: technique, procedure.");
    const changed = (stale.details as { changed: { field: string }[] }).changed;
    expect(changed.map((c) => c.field)).toEqual(["technique", "procedure"]);
  });
});
