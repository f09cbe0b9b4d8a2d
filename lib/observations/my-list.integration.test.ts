import { describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { transitionObservation } from "../review/workflow";
import { encodeCursor, listMyObservations } from "./my-list";
import { createObservation } from "./service";

const w = useWorkDb();

async function create(procedure: string, overrides = {}) {
  return (await createObservation(w.contributor, observationInput({ procedure, ...overrides }), w.db)).observation;
}

describe("listMyObservations", () => {
  it("filters by status, counts per status, and lists only the actor's own rows", async () => {
    const draft = await create("Staged a loader via PowerShell.", { draft: true });
    const a = await create("Dumped LSASS memory with a signed tool.", { technique: "T1003.001" });
    const b = await create("Ran an encoded PowerShell command.");
    await transitionObservation(w.contributor, b.id, { action: "withdraw", version: 1 }, w.db);
    await createObservation(await makeActor(w.db, "CONTRIBUTOR"), observationInput(), w.db);

    const all = await listMyObservations(w.contributor, {}, w.db);
    expect(all.items.map((o) => o.id)).toEqual([b.id, a.id, draft.id]);
    expect(all.total).toBe(3);
    expect(all.counts).toMatchObject({ DRAFT: 1, SUBMITTED: 1, WITHDRAWN: 1, ACCEPTED: 0 });
    // A sub-technique is named with its parent, as ATT&CK does (lib/attack/label).
    expect(all.items[1]).toMatchObject({
      techniqueName: "OS Credential Dumping: LSASS Memory",
      techniqueLabel: "T1003.001 OS Credential Dumping: LSASS Memory",
    });

    const submitted = await listMyObservations(w.contributor, { status: "submitted" }, w.db);
    expect(submitted.items.map((o) => o.id)).toEqual([a.id]);
    expect(submitted.counts.WITHDRAWN).toBe(1); // the counts ignore the status filter: they label its choices

    expect((await appErrorOf(listMyObservations(w.contributor, { status: "LOST" }, w.db))).code).toBe("VALIDATION");
    for (const limit of ["0", "-1", "2.5", "101", "1e2"])
      expect((await appErrorOf(listMyObservations(w.contributor, { limit }, w.db))).issues?.[0].path).toBe("limit");
  });

  it("searches the scrubbed procedure, the technique id and the technique name, case-insensitively", async () => {
    const lsass = await create("Dumped LSASS memory on fin-ws-12.corp.local.", { technique: "T1003.001" });
    const ps = await create("Ran an encoded POWERSHELL command.");
    const ids = async (q: string) => (await listMyObservations(w.contributor, { q }, w.db)).items.map((o) => o.id);
    expect(await ids("lsass")).toEqual([lsass.id]);
    expect(await ids("encoded powershell")).toEqual([ps.id]);
    expect(await ids("t1003")).toEqual([lsass.id]);
    expect(await ids("LSASS Memory")).toEqual([lsass.id]);
    expect(await ids("credential dumping: lsass")).toEqual([lsass.id]); // the parent's name is part of the label
    expect(await ids("PowerShell")).toEqual([ps.id]); // also the name of T1059.001
    // Only the scrubbed text is searched: the raw host name was never stored.
    expect(await ids("fin-ws-12")).toEqual([]);
    const search = await listMyObservations(w.contributor, { q: "lsass" }, w.db);
    expect(search.total).toBe(1);
    expect(search.counts.SUBMITTED).toBe(1);
  });

  it("pages with a keyset cursor that stays stable while rows are added", async () => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await create(`Procedure number ${i} via PowerShell.`));
    const newestFirst = made.map((o) => o.id).reverse();

    const first = await listMyObservations(w.contributor, { limit: 2 }, w.db);
    expect(first.items.map((o) => o.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.nextCursor).toEqual(expect.any(String));

    // New work arrives between page loads: it must neither repeat nor shift the next pages.
    await create("A newer procedure via PowerShell.");
    await create("Another newer procedure via PowerShell.");

    const second = await listMyObservations(w.contributor, { limit: 2, cursor: first.nextCursor }, w.db);
    expect(second.items.map((o) => o.id)).toEqual(newestFirst.slice(2, 4));
    const third = await listMyObservations(w.contributor, { limit: 2, cursor: second.nextCursor }, w.db);
    expect(third.items.map((o) => o.id)).toEqual(newestFirst.slice(4));
    expect(third.nextCursor).toBeNull();
  });

  it("keeps the filter across pages", async () => {
    for (let i = 0; i < 3; i++) await create(`Submitted procedure number ${i}.`);
    await create("A draft procedure kept for later.", { draft: true });
    const first = await listMyObservations(w.contributor, { status: "SUBMITTED", limit: 2 }, w.db);
    const second = await listMyObservations(
      w.contributor,
      { status: "SUBMITTED", limit: 2, cursor: first.nextCursor },
      w.db,
    );
    expect([...first.items, ...second.items].map((o) => o.status)).toEqual(Array(3).fill("SUBMITTED"));
    expect(second.nextCursor).toBeNull();
  });

  it("refuses a forged cursor with a VALIDATION error (400), not a 500", async () => {
    await create("One procedure to have a row.");
    for (const cursor of [
      "not a cursor",
      "eyJ2IjoxfQ", // {"v":1}
      Buffer.from(JSON.stringify({ v: 1, id: -5 })).toString("base64url"),
      Buffer.from(JSON.stringify({ v: 1, id: "1 OR 1=1" })).toString("base64url"),
      Buffer.from(JSON.stringify({ v: 2, id: 3 })).toString("base64url"),
      "x".repeat(500),
    ]) {
      const error = await appErrorOf(listMyObservations(w.contributor, { cursor }, w.db));
      expect(error.code).toBe("VALIDATION");
      expect(error.issues?.[0].path).toBe("cursor");
    }
    // A well-formed cursor only ever narrows the actor's own rows.
    const other = await makeActor(w.db, "CONTRIBUTOR");
    expect((await listMyObservations(other, { cursor: encodeCursor(1_000_000) }, w.db)).items).toEqual([]);
  });
});
