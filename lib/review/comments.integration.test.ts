import { describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import type { Actor } from "../auth/permissions";
import { flushMail, listOutbox } from "../mail";
import { DESCRIPTION_MAX } from "../observations/schema";
import { createObservation } from "../observations/service";
import { addComment, listComments } from "./comments";
import { getReviewDetail, listQueue } from "./queue";
import { transitionObservation } from "./workflow";

const w = useWorkDb();

async function submitted(overrides = {}) {
  return (await createObservation(w.contributor, observationInput(overrides), w.db)).observation.id;
}

/** Submitted and claimed by the file's reviewer: IN_REVIEW at version 2. */
async function claimed() {
  const id = await submitted();
  await transitionObservation(w.reviewer, id, { action: "claim", version: 1 }, w.db);
  return id;
}

const mailsTo = async (who: Actor) => {
  await flushMail(w.db);
  return (await listOutbox(100)).filter((m) => m.to === who.email);
};
const comments = () => w.db.comment.findMany({ orderBy: { id: "asc" } });

describe("addComment by a reviewer", () => {
  it("keeps an INTERNAL note from the contributor: not listed, not on their page, not mailed", async () => {
    const id = await claimed();
    const result = await addComment(
      w.reviewer,
      id,
      { body: "Looks like a copy of G0016's.", visibility: "INTERNAL" },
      w.db,
    );
    expect(result).toMatchObject({
      id,
      status: "IN_REVIEW",
      version: 2, // a comment changes no field: nobody else's version goes stale
      comment: {
        author: w.reviewer.email,
        role: "reviewer",
        visibility: "INTERNAL",
        body: "Looks like a copy of G0016's.",
      },
    });
    expect((await listComments(w.reviewer, id, w.db)).map((c) => c.visibility)).toEqual(["INTERNAL"]);
    expect((await listComments(w.admin, id, w.db)).map((c) => c.visibility)).toEqual(["INTERNAL"]);
    expect(await listComments(w.contributor, id, w.db)).toEqual([]);
    expect((await getReviewDetail(w.contributor, id, w.db)).comments).toEqual([]);
    expect((await getReviewDetail(w.reviewer, id, w.db)).comments).toHaveLength(1);
    await flushMail(w.db); // mail is queued with the change: let the worker deliver it
    const mailed = JSON.stringify(await listOutbox(100));
    expect(mailed).not.toContain("G0016's");

    const audit = await w.db.auditEvent.findFirstOrThrow({ where: { action: "observation.comment" } });
    expect(audit).toMatchObject({ actorId: w.reviewer.id, subjectType: "Observation", subjectId: id });
    expect(audit.data).toEqual({ visibility: "INTERNAL", by: "reviewer" });
  });

  it("scrubs a SHARED comment and mails it to the contributor only, linking their page", async () => {
    const id = await claimed();
    const other = await makeActor(w.db, "REVIEWER");
    await addComment(w.reviewer, id, { body: "Was it jdoe@victim-bank.com on 10.1.2.3, or another account?" }, w.db);
    const [stored] = await comments();
    expect(stored).toMatchObject({ visibility: "SHARED", authorId: w.reviewer.id });
    expect(stored.body).toBe("Was it [EMAIL-1] on [IP-1], or another account?");

    const mails = await mailsTo(w.contributor);
    const mail = mails.find((m) => m.subject === `${id}: a reviewer commented`);
    expect(mail?.text).toContain(stored.body);
    expect(mail?.text).toContain(`/my/${id}`);
    expect(mail?.html).toContain(`/my/${id}`);
    expect(JSON.stringify(mail)).not.toMatch(/jdoe|victim-bank|10\.1\.2\.3/);
    expect(await mailsTo(w.reviewer)).toEqual([]);
    expect(await mailsTo(other)).toEqual([]);
    // The contributor reads it; the observation stays where it was.
    expect((await listComments(w.contributor, id, w.db)).map((c) => c.body)).toEqual([stored.body]);
    expect((await w.db.observation.findUniqueOrThrow({ where: { publicId: id } })).status).toBe("IN_REVIEW");
  });

  it("keeps what the writer chose to keep or also replace, like every preview", async () => {
    const id = await claimed();
    await addComment(
      w.reviewer,
      id,
      { body: "The C2 was evil-updates.net, run by Contoso.", keep: ["evil-updates.net"], redact: ["Contoso"] },
      w.db,
    );
    const [stored] = await comments();
    expect(stored.body).toContain("evil-updates.net");
    expect(stored.body).not.toContain("Contoso");
  });

  it("lists the conversation oldest first, each with its author's role", async () => {
    const id = await claimed();
    await addComment(w.reviewer, id, { body: "First.", visibility: "INTERNAL" }, w.db);
    await addComment(w.reviewer, id, { body: "Second." }, w.db);
    await addComment(w.contributor, id, { body: "Third." }, w.db);
    const seen = await listComments(w.reviewer, id, w.db);
    expect(seen.map((c) => [c.body, c.role])).toEqual([
      ["First.", "reviewer"],
      ["Second.", "reviewer"],
      ["Third.", "contributor"],
    ]);
    expect((await listComments(w.contributor, id, w.db)).map((c) => c.body)).toEqual(["Second.", "Third."]);
  });
});

describe("addComment by the contributor", () => {
  it("mails a SHARED comment to the reviewer who claimed it, linking the review page", async () => {
    const id = await claimed();
    const result = await addComment(w.contributor, id, { body: "One more detail: it ran at night." }, w.db);
    expect(result.comment).toMatchObject({ role: "contributor", visibility: "SHARED" });
    const mail = (await mailsTo(w.reviewer)).find((m) => m.subject === `${id}: the contributor commented`);
    expect(mail?.text).toContain("One more detail: it ran at night.");
    expect(mail?.text).toContain(`/queue/${id}`);
    expect((await mailsTo(w.contributor)).filter((m) => /commented/.test(m.subject))).toEqual([]);
    const audit = await w.db.auditEvent.findFirstOrThrow({ where: { action: "observation.comment" } });
    expect(audit.data).toEqual({ visibility: "SHARED", by: "contributor" });
  });

  it("mails nobody when no reviewer has claimed it yet", async () => {
    const id = await submitted();
    await addComment(w.contributor, id, { body: "Forgot: it was on a Friday." }, w.db);
    expect(await w.db.comment.count()).toBe(1);
    await flushMail(w.db); // mail is queued with the change: let the worker deliver it
    expect((await listOutbox(100)).filter((m) => m.subject.startsWith(`${id}:`))).toEqual([]);
  });

  it("refuses an INTERNAL note with a 403 and stores nothing", async () => {
    const id = await claimed();
    const error = await appErrorOf(addComment(w.contributor, id, { body: "Psst.", visibility: "INTERNAL" }, w.db));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toMatch(/reviewers only/i);
    expect(await w.db.comment.count()).toBe(0);
    expect(await w.db.auditEvent.count({ where: { action: "observation.comment" } })).toBe(0);
  });

  it("is a contributor on their own observation even with a reviewer's role", async () => {
    const { observation } = await createObservation(w.reviewer, observationInput(), w.db);
    const error = await appErrorOf(
      addComment(w.reviewer, observation.id, { body: "Note to self.", visibility: "INTERNAL" }, w.db),
    );
    expect(error.code).toBe("FORBIDDEN");
  });

  it("answers the open question in NEEDS_INFO: back to the queue, marked answered, the asker mailed", async () => {
    const id = await claimed();
    await transitionObservation(w.reviewer, id, { action: "ask", version: 2, comment: "Which host?" }, w.db);
    // The reply's old shape ({body, version}) and the new one (no version) both answer.
    const result = await addComment(w.contributor, id, { body: "It was ws-12.corp.local." }, w.db);
    expect(result).toMatchObject({ id, status: "SUBMITTED", version: 4, comment: { role: "contributor" } });
    expect(result.comment.body).not.toContain("ws-12");
    const queued = (await listQueue(w.reviewer, w.db)).find((item) => item.id === id);
    expect(queued).toMatchObject({ status: "SUBMITTED", answered: true });
    expect((await mailsTo(w.reviewer)).map((m) => m.subject)).toEqual([
      `${id}: the contributor answered your question`,
    ]);
    expect(await w.db.auditEvent.count({ where: { action: "observation.answer" } })).toBe(1);
    expect(await w.db.auditEvent.count({ where: { action: "observation.comment" } })).toBe(0);
  });

  it("answers with a stale version as a 409, storing nothing", async () => {
    const id = await claimed();
    await transitionObservation(w.reviewer, id, { action: "ask", version: 2, comment: "Which host?" }, w.db);
    const error = await appErrorOf(addComment(w.contributor, id, { body: "This one.", version: 2 }, w.db));
    expect(error.code).toBe("CONFLICT");
    expect(await w.db.comment.count({ where: { authorId: w.contributor.id } })).toBe(0);
  });

  it("cannot comment on a draft: no reviewer reads it", async () => {
    const id = (await createObservation(w.contributor, observationInput({ draft: true }), w.db)).observation.id;
    expect((await appErrorOf(addComment(w.contributor, id, { body: "Hi." }, w.db))).code).toBe("INVALID_STATE");
  });
});

describe("comments refused", () => {
  it("answers 404 to whoever may not see the observation, for writing and for reading", async () => {
    const amber = await submitted({ tlp: "AMBER" });
    const stranger = await makeActor(w.db, "CONTRIBUTOR");
    for (const attempt of [
      addComment(stranger, amber, { body: "Hello?" }, w.db),
      addComment(stranger, amber, { body: "Hello?", visibility: "INTERNAL" }, w.db),
      listComments(stranger, amber, w.db),
      addComment(w.reviewer, "OBS-999999", { body: "Hello?" }, w.db),
    ]) {
      const error = await appErrorOf(attempt);
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).not.toMatch(/AMBER/);
    }
    // A draft is its contributor's alone, reviewers included.
    const draft = (await createObservation(w.contributor, observationInput({ draft: true }), w.db)).observation.id;
    expect((await appErrorOf(addComment(w.reviewer, draft, { body: "Hi." }, w.db))).code).toBe("NOT_FOUND");
    expect(await w.db.comment.count()).toBe(0);
  });

  it("refuses an empty comment, an unknown visibility and one that scrubbing pushes past the limit", async () => {
    const id = await claimed();
    const empty = await appErrorOf(addComment(w.reviewer, id, { body: "   " }, w.db));
    expect(empty.code).toBe("VALIDATION");
    expect(empty.message).toMatch(/empty/);
    const unknown = await appErrorOf(addComment(w.reviewer, id, { body: "Hi.", visibility: "PUBLIC" }, w.db));
    expect(unknown.code).toBe("VALIDATION");
    expect(unknown.message).toMatch(/SHARED or INTERNAL/);
    // Short e-mail addresses grow when replaced by placeholders.
    const long = Array.from({ length: 400 }, (_, i) => `a${i}@x.io`)
      .join(" ")
      .slice(0, DESCRIPTION_MAX);
    const tooLong = await appErrorOf(addComment(w.reviewer, id, { body: long, visibility: "INTERNAL" }, w.db));
    expect(tooLong.code).toBe("VALIDATION");
    expect(tooLong.message).toMatch(/placeholders/);
    expect(await w.db.comment.count()).toBe(0);
    expect(await w.db.auditEvent.count({ where: { action: "observation.comment" } })).toBe(0);
  });
});

describe("the contributor's history", () => {
  it("does not carry a reopen's internal reason", async () => {
    const id = await claimed();
    await transitionObservation(w.reviewer, id, { action: "reject", version: 2, comment: "Not new." }, w.db);
    await transitionObservation(w.admin, id, { action: "reopen", version: 3, comment: "Reviewer was hasty." }, w.db);
    const mine = JSON.stringify(await getReviewDetail(w.contributor, id, w.db));
    expect(mine).not.toContain("hasty");
    const theirs = await getReviewDetail(w.reviewer, id, w.db);
    expect(theirs.revisions.at(-1)?.reason).toBe("reopen: Reviewer was hasty.");
  });
});
