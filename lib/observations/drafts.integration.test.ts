import { describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, dumpAllTables, useWorkDb } from "../../prisma/test-helpers";
import { discardDraft, getDraft, saveDraft } from "./drafts";
import { createObservation } from "./service";

const w = useWorkDb();

// What a contributor types mid-way: an e-mail, a host name, a customer name given under "also replace".
const RAW = {
  technique: "T1059.001",
  actor: { id: "G0007" },
  procedure: "ran a loader on fin-ws-12.corp.local and mailed it to jane.doe@victim-bank.com for Globex",
  references: [
    { sourceName: "Globex incident notes", description: "Internal notes from jdoe@globex-corp.com", public: false },
  ],
  keep: ["evil-c2.example", "10.20.30.40"],
  redact: ["Globex"],
  tlp: "GREEN" as const,
};
const RAW_VALUES = ["fin-ws-12", "corp.local", "jane.doe", "victim-bank", "Globex", "jdoe@", "globex-corp"];

describe("drafts", () => {
  it("stores the draft anonymized, and the redact terms nowhere", async () => {
    const saved = await saveDraft(w.contributor, RAW, w.db);
    expect(saved.replaced).toBeGreaterThanOrEqual(4);
    expect(saved.data.procedure).toMatch(/^ran a loader on \[HOST-1\] and mailed it to \[EMAIL-1\] for \[[A-Z-]+-1\]$/);
    expect(saved.data.technique).toBe("T1059.001");
    expect(saved.data.tlp).toBe("GREEN");
    expect(saved.data).not.toHaveProperty("redact");
    // The kept indicator is public by definition; a private address can never be, so it is not kept (nor stored).
    expect(saved.data.keep).toEqual(["evil-c2.example"]);
    const stored = await dumpAllTables(w.db, w.t.url);
    expect(stored).toContain("[HOST-1]");
    for (const raw of [...RAW_VALUES, "10.20.30.40"]) expect(stored).not.toContain(raw);
    // Drafts are private working state: no audit row.
    expect(await w.db.auditEvent.count()).toBe(0);
  });

  it("gives the owner their draft back, and nobody else", async () => {
    await saveDraft(w.contributor, RAW, w.db);
    const draft = await getDraft(w.contributor, w.db);
    expect(draft?.data.references?.[0].description).toBe("Internal notes from [EMAIL-2]");
    expect(draft?.updatedAt).toBeInstanceOf(Date);
    const other = await makeActor(w.db, "CONTRIBUTOR");
    expect(await getDraft(other, w.db)).toBeNull();
    expect(await getDraft(w.admin, w.db)).toBeNull();
    expect(await discardDraft(other, w.db)).toBe(false);
    expect(await getDraft(w.contributor, w.db)).not.toBeNull();
  });

  it("keeps one draft per user: a second save replaces the first", async () => {
    await saveDraft(w.contributor, { procedure: "first" }, w.db);
    await saveDraft(w.contributor, { procedure: "second" }, w.db);
    expect(await w.db.draft.count()).toBe(1);
    expect((await getDraft(w.contributor, w.db))?.data.procedure).toBe("second");
  });

  it("accepts an incomplete form, and saves all but a field that is not valid yet, naming it", async () => {
    await expect(saveDraft(w.contributor, { procedure: "x", references: [{}] }, w.db)).resolves.toBeTruthy();
    await discardDraft(w.contributor, w.db);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ procedure: "a".repeat(5_001) }, "procedure", "aaaa"],
      [
        { references: [{ sourceName: "notes", url: "https://intranet.example.org/x" }] },
        "references.0.url",
        "intranet",
      ],
      [{ technique: "jdoe@victim-bank.com" }, "technique", "victim-bank"],
      [{ actor: { id: "G0007", extra: 1 } }, "actor", "G0007"],
      [{ sector: "5x" }, "sector", "5x"],
      [{ observedTo: "2999-01" }, "observedTo", "2999"],
      [{ procedure: "bad \ud800 half" }, "procedure", "bad"],
    ];
    for (const [input, path, raw] of cases) {
      const saved = await saveDraft(w.contributor, { ...input, tlp: "AMBER" }, w.db);
      expect(
        saved.skipped.map((s) => s.path),
        JSON.stringify(input),
      ).toEqual([path]);
      expect(saved.skipped[0].message.length).toBeGreaterThan(5);
      const stored = await w.db.draft.findUniqueOrThrow({ where: { userId: w.contributor.id } });
      // The rest of the form is kept; the field that is not valid is not stored at all.
      expect(stored.data).toMatchObject({ tlp: "AMBER" });
      expect(JSON.stringify(stored.data), JSON.stringify(input)).not.toContain(raw);
    }
    // A body that is not a draft at all is refused whole, and stores nothing.
    await discardDraft(w.contributor, w.db);
    for (const input of [{ unknownField: "x" }, "not an object"]) {
      const error = await appErrorOf(saveDraft(w.contributor, input, w.db));
      expect(error.code, JSON.stringify(input)).toBe("VALIDATION");
      expect(
        error.issues?.map((i) => i.path),
        JSON.stringify(input),
      ).toContain("(body)");
    }
    expect(await w.db.draft.count()).toBe(0);
  });

  it("is deleted by the form's successful submission, kept by a failed one or another door's", async () => {
    await saveDraft(w.contributor, RAW, w.db);
    await appErrorOf(
      createObservation(w.contributor, { ...observationInput(), procedure: "short" }, w.db, { discardDraft: true }),
    );
    expect(await getDraft(w.contributor, w.db)).not.toBeNull();
    await createObservation(w.contributor, observationInput(), w.db);
    expect(await getDraft(w.contributor, w.db)).not.toBeNull();
    await createObservation(w.contributor, observationInput(), w.db, { discardDraft: true });
    expect(await getDraft(w.contributor, w.db)).toBeNull();
  });

  it("is rate limited per user", async () => {
    const saved = process.env.RATE_LIMITS;
    process.env.RATE_LIMITS = "draft-user=2";
    try {
      await saveDraft(w.contributor, { procedure: "one" }, w.db);
      await saveDraft(w.contributor, { procedure: "two" }, w.db);
      const error = await appErrorOf(saveDraft(w.contributor, { procedure: "three" }, w.db));
      expect(error.code).toBe("RATE_LIMITED");
      expect(error.message).toMatch(/saved too often.*Try again in/);
      expect((await getDraft(w.contributor, w.db))?.data.procedure).toBe("two");
    } finally {
      if (saved === undefined) delete process.env.RATE_LIMITS;
      else process.env.RATE_LIMITS = saved;
    }
  });
});
