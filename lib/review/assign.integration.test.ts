import { describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { flushMail, listOutbox } from "../mail";
import { createObservation } from "../observations/service";
import { listAssignableReviewers } from "./assignees";
import { transitionObservation } from "./workflow";

const w = useWorkDb();

async function submitted() {
  return (await createObservation(w.contributor, observationInput(), w.db)).observation;
}
const rowOf = (id: string) => w.db.observation.findUniqueOrThrow({ where: { publicId: id } });

describe("unclaim", () => {
  it("hands a claimed observation back to the queue, by its assignee or an admin only", async () => {
    const o = await submitted();
    const other = await makeActor(w.db, "REVIEWER");
    await transitionObservation(w.reviewer, o.id, { action: "claim", version: 1 }, w.db);
    const refused = await appErrorOf(transitionObservation(other, o.id, { action: "unclaim", version: 2 }, w.db));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/claimed by another reviewer/);
    expect(await transitionObservation(w.reviewer, o.id, { action: "unclaim", version: 2 }, w.db)).toEqual({
      id: o.id,
      status: "SUBMITTED",
      version: 3,
    });
    expect((await rowOf(o.id)).assigneeId).toBeNull();
    expect(
      (await appErrorOf(transitionObservation(w.reviewer, o.id, { action: "unclaim", version: 3 }, w.db))).code,
    ).toBe("INVALID_STATE");
    // An admin steps in for an absent reviewer.
    await transitionObservation(other, o.id, { action: "claim", version: 3 }, w.db);
    await transitionObservation(w.admin, o.id, { action: "unclaim", version: 4 }, w.db);
    const audit = await w.db.auditEvent.findMany({
      where: { action: "observation.unclaim" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => [a.actorId, (a.data as { previousAssigneeId: string }).previousAssigneeId])).toEqual([
      [w.reviewer.id, w.reviewer.id],
      [w.admin.id, other.id],
    ]);
    expect((await w.db.revision.findMany({ orderBy: { version: "asc" } })).map((r) => r.reason)).toEqual([
      "created",
      "claim",
      "unclaim",
      "claim",
      "unclaim",
    ]);
  });
});

describe("assign", () => {
  it("puts unclaimed work in a chosen reviewer's hands, records it and mails them (only them)", async () => {
    const o = await submitted();
    const other = await makeActor(w.db, "REVIEWER");
    expect(
      await transitionObservation(
        w.reviewer,
        o.id,
        { action: "assign", version: 1, assignee: other.email.toUpperCase(), comment: "You know APT28 best." },
        w.db,
      ),
    ).toEqual({ id: o.id, status: "IN_REVIEW", version: 2 });
    expect((await rowOf(o.id)).assigneeId).toBe(other.id);
    const revision = await w.db.revision.findFirstOrThrow({ where: { version: 2 } });
    expect(revision.reason).toBe(`assigned to ${other.email}: You know APT28 best.`);
    const comment = await w.db.comment.findFirstOrThrow();
    expect(comment.visibility).toBe("INTERNAL");
    const audit = await w.db.auditEvent.findFirstOrThrow({ where: { action: "observation.assign" } });
    expect(audit.data).toMatchObject({ from: "SUBMITTED", to: "IN_REVIEW", assigneeId: other.id });
    await flushMail(w.db); // mail is queued with the change: let the worker deliver it
    const mails = await listOutbox(10);
    const mail = mails.find((m) => m.to === other.email);
    expect(mail?.subject).toBe(`${o.id} assigned to you for review`);
    expect(mail?.text).toContain(`/queue/${o.id}`);
    expect(mail?.text).toContain("You know APT28 best.");
    expect(mails.filter((m) => m.to === w.contributor.email && /assign/i.test(m.subject))).toEqual([]);
  });

  it("lets the assignee hand over, an admin reassign, and refuses another reviewer", async () => {
    const o = await submitted();
    const other = await makeActor(w.db, "REVIEWER");
    await transitionObservation(w.reviewer, o.id, { action: "claim", version: 1 }, w.db);
    const refused = await appErrorOf(
      transitionObservation(other, o.id, { action: "assign", version: 2, assignee: other.email }, w.db),
    );
    expect(refused.code).toBe("FORBIDDEN");
    await transitionObservation(w.reviewer, o.id, { action: "assign", version: 2, assignee: other.email }, w.db);
    expect((await rowOf(o.id)).assigneeId).toBe(other.id);
    await transitionObservation(w.admin, o.id, { action: "assign", version: 3, assignee: w.reviewer.email }, w.db);
    expect(await rowOf(o.id)).toMatchObject({ assigneeId: w.reviewer.id, status: "IN_REVIEW", version: 4 });
  });

  it("refuses an assignee who is missing, unknown, not a reviewer, deactivated, the contributor or already it", async () => {
    const o = await submitted();
    const gone = await makeActor(w.db, "REVIEWER");
    await w.db.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    const adminContributor = await makeActor(w.db, "ADMIN");
    const own = (await createObservation(adminContributor, observationInput(), w.db)).observation;
    const cases: [string, string | undefined, RegExp][] = [
      [o.id, undefined, /Name the reviewer/],
      [o.id, "nobody@example.test", /not an active reviewer/],
      [o.id, w.contributor.email, /not an active reviewer/],
      [o.id, gone.email, /not an active reviewer/],
      [own.id, adminContributor.email, /contributed/],
    ];
    for (const [id, assignee, message] of cases) {
      const error = await appErrorOf(
        transitionObservation(w.reviewer, id, { action: "assign", version: 1, assignee }, w.db),
      );
      expect(error.code).toBe("VALIDATION");
      expect(error.message).toMatch(message);
      expect(error.issues?.[0].path).toBe("assignee");
    }
    await transitionObservation(w.reviewer, o.id, { action: "claim", version: 1 }, w.db);
    const again = await appErrorOf(
      transitionObservation(w.reviewer, o.id, { action: "assign", version: 2, assignee: w.reviewer.email }, w.db),
    );
    expect(again.message).toMatch(/already assigned/);
    expect(await w.db.revision.count()).toBe(3); // two creations and the claim: nothing half-written
  });

  it("lists active reviewers and admins for the picker, to reviewers only", async () => {
    const gone = await makeActor(w.db, "REVIEWER");
    await w.db.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    const emails = (await listAssignableReviewers(w.reviewer, w.db)).map((r) => r.email);
    expect(emails).toContain(w.reviewer.email);
    expect(emails).toContain(w.admin.email);
    expect(emails).not.toContain(gone.email);
    expect(emails).not.toContain(w.contributor.email);
    expect((await appErrorOf(listAssignableReviewers(w.contributor, w.db))).code).toBe("FORBIDDEN");
  });
});
