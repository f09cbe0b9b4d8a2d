// Issue 9 item 6: many concurrent edits by two reviewers on one observation, each carrying the version it saw
// and retrying after a 409 from a fresh read. None may be lost: every successful write is a revision of its own.
import { describe, expect, it } from "vitest";
import { observationInput } from "../../prisma/factories";
import { useWorkDb } from "../../prisma/test-helpers";
import type { Actor } from "../auth/permissions";
import { isAppError } from "../errors";
import { createObservation, editObservation, getObservation } from "../observations/service";
import { transitionObservation } from "./workflow";

const w = useWorkDb();
const WRITERS_PER_REVIEWER = 4;
const EDITS_PER_WRITER = 3;

describe("concurrent edits", () => {
  it("loses none: revisions = successful writes, each write's change in the history, versions without gaps", async () => {
    const o = (await createObservation(w.contributor, observationInput(), w.db)).observation;
    await transitionObservation(w.reviewer, o.id, { action: "claim", version: 1 }, w.db);
    const succeeded: string[] = [];
    let conflicts = 0;

    // One writer: read, edit with the version read, on a 409 read again and retry (a person reloading the page).
    async function writer(actor: Actor, name: string) {
      for (let n = 0; n < EDITS_PER_WRITER; n++) {
        const marker = `${name}-${n}`;
        for (;;) {
          const { version } = await getObservation(actor, o.id, w.db);
          try {
            await editObservation(
              actor,
              o.id,
              { version, procedure: `used PowerShell to fetch a loader (edit ${marker}).`, reason: `edit ${marker}` },
              w.db,
            );
            succeeded.push(marker);
            break;
          } catch (error) {
            if (!isAppError(error) || error.code !== "CONFLICT") throw error;
            conflicts++;
          }
        }
      }
    }
    // The claiming reviewer and an admin stepping in (only they may edit claimed work), several tabs each.
    await Promise.all(
      [w.reviewer, w.admin].flatMap((actor, r) =>
        Array.from({ length: WRITERS_PER_REVIEWER }, (_, i) => writer(actor, `r${r}w${i}`)),
      ),
    );

    const total = 2 * WRITERS_PER_REVIEWER * EDITS_PER_WRITER;
    expect(succeeded).toHaveLength(total);
    expect(conflicts).toBeGreaterThan(0); // the writers did collide: the test exercised the version check
    const row = await w.db.observation.findUniqueOrThrow({ where: { publicId: o.id } });
    const revisions = await w.db.revision.findMany({ where: { observationId: row.id }, orderBy: { version: "asc" } });
    // created + claim + one per successful write, versions 1..n without gaps or repeats.
    expect(revisions).toHaveLength(2 + total);
    expect(revisions.map((r) => r.version)).toEqual(Array.from({ length: 2 + total }, (_, i) => i + 1));
    expect(row.version).toBe(2 + total);
    const edits = revisions.slice(2);
    expect(edits.map((r) => r.reason).sort()).toEqual(succeeded.map((m) => `edit ${m}`).sort());
    for (const r of edits) {
      const marker = (r.reason ?? "").replace("edit ", "");
      expect((r.snapshot as { procedure: string }).procedure).toContain(`(edit ${marker})`);
    }
    expect(await w.db.auditEvent.count({ where: { action: "observation.edit", subjectId: o.id } })).toBe(total);
  });
});
