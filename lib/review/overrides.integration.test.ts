// Issue 5 item 7 (workflow overrides) and the scrubbing of transition comments.
import { describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import type { Actor } from "../auth/permissions";
import { flushMail, listOutbox } from "../mail";
import { DESCRIPTION_MAX } from "../observations/schema";
import { createObservation, editObservation, getObservation, getPublicRecord } from "../observations/service";
import { getReviewDetail, listQueue } from "./queue";
import { transitionObservation } from "./workflow";

const w = useWorkDb();

async function submitted(input = observationInput()) {
  return (await createObservation(w.contributor, input, w.db)).observation.id;
}

async function inReview(reviewer: Actor = w.reviewer) {
  const id = await submitted();
  await transitionObservation(reviewer, id, { action: "claim", version: 1 }, w.db);
  return id;
}

async function rejected() {
  const id = await inReview();
  await transitionObservation(w.reviewer, id, { action: "reject", version: 2, comment: "Not a procedure." }, w.db);
  return id;
}

/** Version, status, assignee and history of an observation: a refusal must leave all of them as they were. */
async function stateOf(id: string) {
  const row = await w.db.observation.findUniqueOrThrow({ where: { publicId: id } });
  return {
    version: row.version,
    status: row.status,
    assigneeId: row.assigneeId,
    procedure: row.procedure,
    revisions: await w.db.revision.count({ where: { observationId: row.id } }),
    comments: await w.db.comment.count({ where: { observationId: row.id } }),
  };
}

describe("workflow overrides are refused", () => {
  it("nobody reopens a WITHDRAWN observation: withdrawing is the contributor's decision", async () => {
    const id = await submitted();
    await transitionObservation(w.contributor, id, { action: "withdraw", version: 1 }, w.db);
    const before = await stateOf(id);
    const reopen = { action: "reopen", version: 2, comment: "Looks useful after all." } as const;
    expect((await appErrorOf(transitionObservation(w.reviewer, id, reopen, w.db))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(transitionObservation(w.admin, id, reopen, w.db))).code).toBe("INVALID_STATE");
    expect((await appErrorOf(transitionObservation(w.reviewer, id, { action: "accept", version: 2 }, w.db))).code).toBe(
      "INVALID_STATE",
    );
    expect(await stateOf(id)).toEqual(before);
    expect((await appErrorOf(getPublicRecord(id, w.db))).code).toBe("NOT_FOUND");
  });

  it("a second reviewer cannot reopen (and so re-decide) what the first rejected", async () => {
    const id = await rejected();
    const second = await makeActor(w.db, "REVIEWER");
    const before = await stateOf(id);
    const refused = await appErrorOf(
      transitionObservation(second, id, { action: "reopen", version: 3, comment: "I disagree." }, w.db),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/admin/);
    // Not even the reviewer who decided: reopening overrides a decision, so it is an admin's.
    expect(
      (
        await appErrorOf(
          transitionObservation(w.reviewer, id, { action: "reopen", version: 3, comment: "Oops." }, w.db),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(await stateOf(id)).toEqual(before);
  });

  it("drafts are private to their contributor: no reviewer or admin reads, lists or moves them", async () => {
    const draft = (await createObservation(w.contributor, observationInput({ draft: true }), w.db)).observation.id;
    const open = await submitted();
    const before = await stateOf(draft);
    for (const actor of [w.reviewer, w.admin]) {
      expect((await appErrorOf(getObservation(actor, draft, w.db))).code).toBe("NOT_FOUND");
      expect((await appErrorOf(getReviewDetail(actor, draft, w.db))).code).toBe("NOT_FOUND");
      expect((await appErrorOf(transitionObservation(actor, draft, { action: "claim", version: 1 }, w.db))).code).toBe(
        "NOT_FOUND",
      );
      expect(
        (await appErrorOf(editObservation(actor, draft, { version: 1, procedure: "x".repeat(30) }, w.db))).code,
      ).toBe("NOT_FOUND");
      expect((await listQueue(actor, w.db)).map((q) => q.id)).toEqual([open]);
    }
    expect(await stateOf(draft)).toEqual(before);
    expect((await getObservation(w.contributor, draft, w.db)).status).toBe("DRAFT");
  });

  it("a reviewer edits only what they have claimed; an admin may step in", async () => {
    const edit = (version: number) => ({
      version,
      procedure: `${"used PowerShell to run a loader. ".repeat(2)}`,
      reason: "tightened the wording",
    });
    const waiting = await submitted();
    const before = await stateOf(waiting);
    const unclaimed = await appErrorOf(editObservation(w.reviewer, waiting, edit(1), w.db));
    expect(unclaimed.code).toBe("INVALID_STATE");
    expect(unclaimed.message).toMatch(/Claim it first/);
    expect(await stateOf(waiting)).toEqual(before);

    const claimed = await inReview();
    const other = await makeActor(w.db, "REVIEWER");
    const beforeClaimed = await stateOf(claimed);
    const refused = await appErrorOf(editObservation(other, claimed, edit(2), w.db));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/claimed by another reviewer/);
    expect(await stateOf(claimed)).toEqual(beforeClaimed);

    expect((await editObservation(w.reviewer, claimed, edit(2), w.db)).version).toBe(3);
    expect((await editObservation(w.admin, claimed, edit(3), w.db)).version).toBe(4);
    const detail = await getReviewDetail(other, claimed, w.db);
    expect(detail.canEdit).toBe(false);
    expect((await getReviewDetail(w.reviewer, claimed, w.db)).canEdit).toBe(true);
  });
});

describe("admin reopen", () => {
  it("requires a reason, and records it as the revision reason, an INTERNAL comment and an audit event", async () => {
    const id = await rejected();
    const before = await stateOf(id);
    const missing = await appErrorOf(transitionObservation(w.admin, id, { action: "reopen", version: 3 }, w.db));
    expect(missing.code).toBe("VALIDATION");
    expect(missing.issues).toEqual([{ path: "comment", message: "Required" }]);
    expect(await stateOf(id)).toEqual(before);

    const reason = "Rejected in error: the report names the loader.";
    expect(await transitionObservation(w.admin, id, { action: "reopen", version: 3, comment: reason }, w.db)).toEqual({
      id,
      status: "IN_REVIEW",
      version: 4,
    });
    const row = await w.db.observation.findUniqueOrThrow({ where: { publicId: id } });
    expect(row).toMatchObject({ assigneeId: w.admin.id, decidedAt: null });
    const revision = await w.db.revision.findFirstOrThrow({ where: { observationId: row.id, version: 4 } });
    expect(revision).toMatchObject({ reason: `reopen: ${reason}`, editorId: w.admin.id });
    const comment = await w.db.comment.findFirstOrThrow({ where: { observationId: row.id, body: reason } });
    expect(comment).toMatchObject({ visibility: "INTERNAL", authorId: w.admin.id });
    const audit = await w.db.auditEvent.findFirstOrThrow({ where: { action: "observation.reopen" } });
    expect(audit).toMatchObject({ actorId: w.admin.id, subjectId: id });
    expect(audit.data).toMatchObject({ from: "REJECTED", to: "IN_REVIEW", reason });
    // The contributor's view of their own observation does not carry the internal comment.
    const mine = await getReviewDetail(w.contributor, id, w.db);
    expect(mine.comments.map((c) => c.body)).not.toContain(reason);
  });
});

describe("transition comments", () => {
  it("are scrubbed before they are stored and before the e-mail is built", async () => {
    const id = await inReview();
    const comment = "Rejected: jdoe@victim-corp.com says the loader came from 10.1.2.3, not the actor.";
    await transitionObservation(w.reviewer, id, { action: "reject", version: 2, comment }, w.db);
    const stored = (await w.db.comment.findMany()).map((c) => c.body);
    expect(stored).toEqual(["Rejected: [EMAIL-1] says the loader came from [IP-1], not the actor."]);
    await flushMail(w.db); // mail is queued with the change: let the worker deliver it
    const mail = (await listOutbox(10)).find((m) => m.to === w.contributor.email && m.subject.startsWith(id));
    expect(mail?.text).toContain("[EMAIL-1]");
    const sent = JSON.stringify(mail);
    for (const secret of ["jdoe@victim-corp.com", "victim-corp", "10.1.2.3"]) expect(sent).not.toContain(secret);
  });

  it("refuses, never truncates, a comment that scrubbing pushes past the limit", async () => {
    const id = await inReview();
    const before = await stateOf(id);
    const comment = Array.from({ length: 250 }, (_, i) => `h${i}.io`).join(" ");
    expect(comment.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    const error = await appErrorOf(
      transitionObservation(w.reviewer, id, { action: "reject", version: 2, comment }, w.db),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toMatch(/comment/);
    expect(error.issues?.map((i) => i.path)).toEqual(["comment"]);
    expect(await stateOf(id)).toEqual(before);
  });
});
