// Issue 6 §4: the observation remembers the public indicators its contributor kept, an edit that omits `keep` never
// re-redacts them, an edit that drops one un-keeps it everywhere in the current text (lib/observations/kept.ts), and
// comments take keep/redact too.
import { describe, expect, it } from "vitest";
import { observationInput } from "../../prisma/factories";
import { useWorkDb } from "../../prisma/test-helpers";
import { replyToQuestion } from "../review/reply";
import { transitionObservation } from "../review/workflow";
import { purgeValue } from "./purge";
import { createObservation, editObservation, getObservation } from "./service";

const w = useWorkDb();
const C2 = "45.33.32.156";
const CDN = "update-cdn.net";

/** Kept C2 and CDN, a private address the never-public rule refuses to keep, and a keep value that is absent. */
async function createKept() {
  const { observation } = await createObservation(
    w.contributor,
    observationInput({
      procedure: `The loader beaconed to ${C2} and pulled stage two from ${CDN}, pivoting via 10.1.2.3.`,
      references: [{ sourceName: "Internal IR notes", description: `IR ticket: C2 ${C2} seen again`, public: false }],
      keep: [C2, CDN, "10.1.2.3", "never-there.example.org"],
    }),
    w.db,
  );
  return observation;
}

async function claimed() {
  const o = await createKept();
  await transitionObservation(w.reviewer, o.id, { action: "claim", version: 1 }, w.db);
  return o;
}

describe("kept indicators", () => {
  it("are stored on create: only values that were kept and occur, never a private or absent one", async () => {
    const o = await createKept();
    expect(o.keptIndicators).toEqual([C2, CDN]);
    expect(o.procedure).toBe(`The loader beaconed to ${C2} and pulled stage two from ${CDN}, pivoting via [IP-1].`);
    const read = await getObservation(w.reviewer, o.id, w.db);
    expect(read.keptIndicators).toEqual([C2, CDN]);
    const revision = await w.db.revision.findFirstOrThrow({ where: { version: 1 } });
    expect((revision.snapshot as { keptIndicators: string[] }).keptIndicators).toEqual([C2, CDN]);
    expect(JSON.stringify(await w.db.observation.findMany())).not.toContain("never-there");
  });

  it("survive a reviewer's edit that omits keep (the edit does not re-redact them)", async () => {
    const o = await claimed();
    const edited = await editObservation(
      w.reviewer,
      o.id,
      { version: 2, procedure: `Beaconed to ${C2}, then fetched from ${CDN} and from 203.0.113.80.`, reason: "tidy" },
      w.db,
    );
    expect(edited.procedure).toBe(`Beaconed to ${C2}, then fetched from ${CDN} and from [IP-1].`);
    expect(edited.keptIndicators).toEqual([C2, CDN]);
  });

  it("are un-kept by an edit whose keep drops one: replaced in the edited text and in every stored field", async () => {
    const o = await claimed();
    const edited = await editObservation(
      w.reviewer,
      o.id,
      { version: 2, procedure: `Beaconed to ${C2} and fetched from ${CDN} once more.`, keep: [CDN], reason: "un-keep" },
      w.db,
    );
    expect(edited.procedure).toBe(`Beaconed to [IP-1] and fetched from ${CDN} once more.`);
    // The citation was not in the edit, but it carried the un-kept value: it joined the edit, same placeholder.
    expect(edited.references[0].description).toBe("IR ticket: C2 [IP-1] seen again");
    expect(edited.keptIndicators).toEqual([CDN]);
    const latest = await w.db.revision.findFirstOrThrow({ where: { version: 3 } });
    expect((latest.snapshot as { keptIndicators: string[] }).keptIndicators).toEqual([CDN]);

    // Kept again by a later edit: the value returns only where the edit writes it.
    const again = await editObservation(
      w.reviewer,
      o.id,
      {
        version: 3,
        procedure: `Beaconed to ${C2} and fetched from ${CDN} once more.`,
        keep: [CDN, C2],
        reason: "keep again",
      },
      w.db,
    );
    expect(again.procedure).toBe(`Beaconed to ${C2} and fetched from ${CDN} once more.`);
    expect(again.keptIndicators).toEqual([C2, CDN]);
  });

  it("un-keep a value in stored text alone: an edit with only keep rewrites the fields that hold it", async () => {
    const o = await claimed();
    const edited = await editObservation(w.reviewer, o.id, { version: 2, keep: [C2], reason: "keep only" }, w.db);
    expect(edited.procedure).toBe(
      `The loader beaconed to ${C2} and pulled stage two from [HOST-1], pivoting via [IP-1].`,
    );
    expect(edited.references[0].description).toBe(`IR ticket: C2 ${C2} seen again`);
    expect(edited.keptIndicators).toEqual([C2]);
  });

  it("leave the kept list when purged", async () => {
    const o = await createKept();
    const purged = await purgeValue(w.contributor, o.id, { value: CDN, version: 1 }, w.db);
    const read = await getObservation(w.contributor, o.id, w.db);
    expect(read.keptIndicators).toEqual([C2]);
    expect(read.version).toBe(purged.version);
    expect(JSON.stringify(await w.db.observation.findMany())).not.toContain(CDN);
  });
});

describe("comments with keep and redact", () => {
  it("keep a public indicator and replace an extra term, in a reviewer's question and the contributor's answer", async () => {
    const o = await claimed();
    await transitionObservation(
      w.reviewer,
      o.id,
      {
        action: "ask",
        version: 2,
        comment: `Did Contoso see ${C2} before 10.1.2.3?`,
        keep: [C2, "10.1.2.3"],
        redact: ["Contoso"],
      },
      w.db,
    );
    await replyToQuestion(
      w.contributor,
      o.id,
      { body: `Yes, ${CDN} resolved to ${C2} at Contoso.`, version: 3, keep: [CDN], redact: ["Contoso"] },
      w.db,
    );
    const bodies = (await w.db.comment.findMany({ orderBy: { createdAt: "asc" } })).map((c) => c.body);
    expect(bodies).toEqual([`Did [TERM-1] see ${C2} before [IP-1]?`, `Yes, ${CDN} resolved to [IP-1] at [TERM-1].`]);
  });
});
