import { describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { flushMail, listOutbox } from "../mail";
import { createObservation } from "../observations/service";
import { bulkAction } from "./bulk";
import type { BulkRefusal } from "./bulk";
import { BULK_MAX } from "./bulk-schema";
import { transitionObservation } from "./workflow";

const w = useWorkDb();

async function submitted(actor = w.contributor, tlp?: "AMBER") {
  return (await createObservation(actor, observationInput(tlp ? { tlp } : {}), w.db)).observation;
}
const rows = () => w.db.observation.findMany({ orderBy: { id: "asc" } });
const refusedOf = (error: { details?: Record<string, unknown> }) => error.details?.refused as BulkRefusal[];

describe("bulkAction", () => {
  it("rejects submitted and claimed items at once: claims on the way, one reason, one mail per decision", async () => {
    const second = await makeActor(w.db, "CONTRIBUTOR");
    const a = await submitted();
    const b = await submitted(second);
    await transitionObservation(w.reviewer, b.id, { action: "claim", version: 1 }, w.db);
    const result = await bulkAction(
      w.reviewer,
      {
        action: "reject",
        items: [
          { id: a.id, version: 1 },
          { id: b.id.toLowerCase(), version: 2 },
        ],
        reason: "Spam from jane.doe@victim-bank.com",
      },
      w.db,
    );
    expect(result).toEqual({
      action: "reject",
      items: [
        { id: a.id, status: "REJECTED", version: 3 },
        { id: b.id, status: "REJECTED", version: 3 },
      ],
    });
    const [ra, rb] = await rows();
    expect(ra).toMatchObject({ status: "REJECTED", assigneeId: w.reviewer.id });
    expect(rb).toMatchObject({ status: "REJECTED", assigneeId: w.reviewer.id });
    // The claim on the way is recorded like a reviewer's own claim.
    const history = await w.db.revision.findMany({ where: { observationId: ra.id }, orderBy: { version: "asc" } });
    expect(history.map((r) => r.reason)).toEqual(["created", "claim", "reject"]);
    const audit = await w.db.auditEvent.findMany({ where: { subjectId: a.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["observation.submit", "observation.claim", "observation.reject"]);
    // The reason is scrubbed like every comment, and shared with each contributor.
    const comments = await w.db.comment.findMany();
    expect(comments).toHaveLength(2);
    for (const c of comments) {
      expect(c.visibility).toBe("SHARED");
      expect(c.body).not.toContain("jane.doe@victim-bank.com");
    }
    await flushMail(w.db); // mail is queued with the change: let the worker deliver it
    const mails = (await listOutbox(20)).filter((m) => /not accepted/i.test(m.subject));
    expect(mails.map((m) => m.to).sort()).toEqual([w.contributor.email, second.email].sort());
    expect(mails.find((m) => m.to === second.email)?.text).toContain(b.id);
  });

  it("writes nothing when any item is refused, and names every refused item and why", async () => {
    const other = await makeActor(w.db, "REVIEWER");
    const fine = await submitted();
    const stale = await submitted();
    const taken = await submitted();
    const decided = await submitted();
    const own = await submitted(w.reviewer);
    await transitionObservation(other, stale.id, { action: "claim", version: 1 }, w.db);
    await transitionObservation(other, stale.id, { action: "unclaim", version: 2 }, w.db);
    await transitionObservation(other, taken.id, { action: "claim", version: 1 }, w.db);
    await transitionObservation(w.reviewer, decided.id, { action: "claim", version: 1 }, w.db);
    await transitionObservation(w.reviewer, decided.id, { action: "accept", version: 2 }, w.db);
    await flushMail(w.db); // mail is queued with the change: let the worker deliver it
    const before = {
      revisions: await w.db.revision.count(),
      audit: await w.db.auditEvent.count(),
      mails: (await listOutbox(500)).length,
    };

    const error = await appErrorOf(
      bulkAction(
        w.reviewer,
        {
          action: "reject",
          items: [
            { id: fine.id, version: 1 },
            { id: stale.id, version: 1 },
            { id: taken.id, version: 2 },
            { id: decided.id, version: 3 },
            { id: own.id, version: 1 },
            { id: "OBS-999999", version: 1 },
          ],
          reason: "Out of scope.",
        },
        w.db,
      ),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/^Nothing was changed: 5 of 6 selected observations cannot be changed\./);
    const refused = refusedOf(error);
    expect(refused.map((r) => [r.id, r.code])).toEqual([
      [stale.id, "CONFLICT"],
      [taken.id, "FORBIDDEN"],
      [decided.id, "INVALID_STATE"],
      [own.id, "FORBIDDEN"],
      ["OBS-999999", "NOT_FOUND"],
    ]);
    expect(refused[0].message).toMatch(/you saw version 1, it is now version 3/);
    expect(refused[1].message).toMatch(/claimed by another reviewer/);
    expect(error.issues?.map((i) => i.path)).toEqual(refused.map((r) => r.id));
    // All or nothing: the acceptable item was not rejected either, and nothing was recorded.
    expect((await w.db.observation.findUniqueOrThrow({ where: { publicId: fine.id } })).status).toBe("SUBMITTED");
    expect(await w.db.revision.count()).toBe(before.revisions);
    expect(await w.db.auditEvent.count()).toBe(before.audit);
    expect(await w.db.comment.count()).toBe(0);
    await flushMail(w.db); // mail is queued with the change: let the worker deliver it
    expect((await listOutbox(500)).length).toBe(before.mails);
  });

  it("treats what the reviewer may not see as not found, with the same code when all refusals agree", async () => {
    const draft = await createObservation(w.contributor, observationInput({ draft: true }), w.db);
    const ids = [draft.observation.id];
    const error = await appErrorOf(
      bulkAction(w.reviewer, { action: "reject", items: ids.map((id) => ({ id, version: 1 })), reason: "x" }, w.db),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(refusedOf(error)[0].message).toMatch(/No observation .* that you can see/);
  });

  it("refuses bad input before touching anything: empty, too many, repeated, no reason, wrong role", async () => {
    const a = await submitted();
    const cases: [unknown, RegExp][] = [
      [{ action: "reject", items: [], reason: "x" }, /Select at least one observation/],
      [
        {
          action: "reject",
          items: Array.from({ length: BULK_MAX + 1 }, (_, i) => ({
            id: `OBS-${String(i + 1).padStart(6, "0")}`,
            version: 1,
          })),
          reason: "x",
        },
        new RegExp(`At most ${BULK_MAX} observations`),
      ],
      [
        {
          action: "reject",
          items: [
            { id: a.id, version: 1 },
            { id: a.id.toLowerCase(), version: 1 },
          ],
          reason: "x",
        },
        new RegExp(`${a.id} appear more than once`),
      ],
      [{ action: "reject", items: [{ id: a.id, version: 1 }] }, /reason.*required/],
      [{ action: "reject", items: [{ id: a.id, version: 1 }], reason: "   " }, /reason.*required/],
      [{ action: "accept", items: [{ id: a.id, version: 1 }], reason: "x" }, /Choose an action/],
      [
        { action: "duplicate", items: [{ id: a.id, version: 1 }], reason: "x", duplicateOf: a.id },
        /both selected and the original/,
      ],
      [{ action: "reject", items: [{ id: a.id, version: 1, extra: 1 }], reason: "x" }, /not valid/],
    ];
    for (const [input, message] of cases) {
      const error = await appErrorOf(bulkAction(w.reviewer, input, w.db));
      expect(error.code).toBe("VALIDATION");
      expect(error.message).toMatch(message);
    }
    expect((await appErrorOf(bulkAction(w.contributor, cases[0][0], w.db))).code).toBe("FORBIDDEN");
    expect(await w.db.revision.count()).toBe(1);
  });

  it("assigns a batch to one reviewer with one mail, and refuses an assignee who may not review", async () => {
    const other = await makeActor(w.db, "REVIEWER");
    const a = await submitted();
    const b = await submitted();
    const items = [
      { id: a.id, version: 1 },
      { id: b.id, version: 1 },
    ];
    const bad = await appErrorOf(
      bulkAction(
        w.reviewer,
        { action: "assign", items, reason: "Balance the load.", assignee: w.contributor.email },
        w.db,
      ),
    );
    expect(bad.code).toBe("VALIDATION");
    expect(refusedOf(bad)).toHaveLength(2);
    expect(refusedOf(bad)[0].message).toMatch(/not an active reviewer/);
    await bulkAction(w.reviewer, { action: "assign", items, reason: "Balance the load.", assignee: other.email }, w.db);
    expect((await rows()).map((r) => [r.status, r.assigneeId])).toEqual([
      ["IN_REVIEW", other.id],
      ["IN_REVIEW", other.id],
    ]);
    await flushMail(w.db); // mail is queued with the change: let the worker deliver it
    const mails = (await listOutbox(20)).filter((m) => m.to === other.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("2 observations assigned to you for review");
    expect(mails[0].text).toContain(a.id);
    expect(mails[0].text).toContain(b.id);
    expect(mails[0].text).toContain("Balance the load.");
    expect((await w.db.comment.findMany()).map((c) => c.visibility)).toEqual(["INTERNAL", "INTERNAL"]);
  });

  it("marks a batch as duplicates of one original", async () => {
    const original = await submitted();
    const a = await submitted();
    const b = await submitted();
    const result = await bulkAction(
      w.reviewer,
      {
        action: "duplicate",
        items: [
          { id: a.id, version: 1 },
          { id: b.id, version: 1 },
        ],
        reason: "Same report as the original.",
        duplicateOf: original.id,
      },
      w.db,
    );
    expect(result.items.map((i) => i.status)).toEqual(["DUPLICATE", "DUPLICATE"]);
    const marked = await w.db.observation.findMany({ where: { duplicateOfId: { not: null } } });
    expect(marked.map((m) => m.publicId).sort()).toEqual([a.id, b.id].sort());
    const missing = await appErrorOf(
      bulkAction(w.reviewer, { action: "duplicate", items: [{ id: original.id, version: 1 }], reason: "x" }, w.db),
    );
    expect(refusedOf(missing)[0].message).toMatch(/Name the observation this duplicates/);
  });
});
