import { afterEach, describe, expect, it, vi } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { flushMail, listOutbox } from "../mail";
import { DESCRIPTION_MAX } from "../observations/schema";
import { createObservation } from "../observations/service";
import { listQueue } from "./queue";
import { replyToQuestion } from "./reply";
import { transitionObservation } from "./workflow";

const w = useWorkDb();

/** An observation a reviewer claimed and asked about: NEEDS_INFO at version 3. */
async function asked() {
  const { observation: o } = await createObservation(w.contributor, observationInput(), w.db);
  await transitionObservation(w.reviewer, o.id, { action: "claim", version: 1 }, w.db);
  await transitionObservation(w.reviewer, o.id, { action: "ask", version: 2, comment: "Which host ran it?" }, w.db);
  return o;
}

describe("replyToQuestion", () => {
  it("stores the scrubbed answer as a SHARED comment, requeues the observation and mails only the assignee", async () => {
    const o = await asked();
    const otherReviewer = await makeActor(w.db, "REVIEWER");
    const result = await replyToQuestion(
      w.contributor,
      o.id,
      { body: "It ran on fin-ws-12.corp.local as jdoe@victim-bank.com.", version: 3 },
      w.db,
    );
    expect(result).toEqual({ id: o.id, status: "SUBMITTED", version: 4 });
    const row = await w.db.observation.findUniqueOrThrow({ where: { publicId: o.id } });
    expect(row.assigneeId).toBe(w.reviewer.id); // still theirs: the reviewer who asked picks it up

    const answer = await w.db.comment.findFirstOrThrow({ where: { authorId: w.contributor.id } });
    expect(answer.visibility).toBe("SHARED");
    expect(answer.body).not.toContain("fin-ws-12");
    expect(answer.body).not.toContain("jdoe@victim-bank.com");
    expect(answer.body).toMatch(/\[HOST-\d+\]|\[FQDN-\d+\]|\[DOMAIN-\d+\]/);

    await flushMail(w.db); // mail is queued with the change: let the worker deliver it
    const outbox = await listOutbox(50);
    const mails = outbox.filter((m) => /answered/i.test(m.subject));
    expect(mails.map((m) => m.to)).toEqual([w.reviewer.email]);
    expect(mails[0].text).toContain(answer.body);
    expect(mails[0].text).not.toContain("fin-ws-12");
    expect(outbox.some((m) => m.to === otherReviewer.email)).toBe(false);

    const queued = (await listQueue(w.reviewer, w.db)).find((item) => item.id === o.id);
    expect(queued).toMatchObject({ status: "SUBMITTED", answered: true });

    const audit = await w.db.auditEvent.findMany({ where: { action: "observation.answer" } });
    expect(audit).toHaveLength(1);
  });

  it("lets only the contributor reply, only in NEEDS_INFO, and only on the current version", async () => {
    const o = await asked();
    const reviewerReply = await appErrorOf(replyToQuestion(w.reviewer, o.id, { body: "Me too.", version: 3 }, w.db));
    expect(reviewerReply.code).toBe("FORBIDDEN");
    expect(reviewerReply.message).toMatch(/only the contributor/i);
    const stranger = await makeActor(w.db, "CONTRIBUTOR");
    expect((await appErrorOf(replyToQuestion(stranger, o.id, { body: "Hi.", version: 3 }, w.db))).code).toBe(
      "NOT_FOUND",
    );

    const stale = await appErrorOf(replyToQuestion(w.contributor, o.id, { body: "Answer.", version: 2 }, w.db));
    expect(stale.code).toBe("CONFLICT");

    await replyToQuestion(w.contributor, o.id, { body: "Answer.", version: 3 }, w.db);
    const again = await appErrorOf(replyToQuestion(w.contributor, o.id, { body: "More.", version: 4 }, w.db));
    expect(again.code).toBe("INVALID_STATE");
    expect(await w.db.comment.count({ where: { authorId: w.contributor.id } })).toBe(1);
  });

  it("refuses an empty answer and one that scrubbing pushes past the limit, storing nothing", async () => {
    const o = await asked();
    expect((await appErrorOf(replyToQuestion(w.contributor, o.id, { body: "   ", version: 3 }, w.db))).code).toBe(
      "VALIDATION",
    );
    // Short e-mail addresses grow when replaced by placeholders.
    const long = Array.from({ length: 400 }, (_, i) => `a${i}@x.io`)
      .join(" ")
      .slice(0, DESCRIPTION_MAX);
    const error = await appErrorOf(replyToQuestion(w.contributor, o.id, { body: long, version: 3 }, w.db));
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toMatch(/placeholders/);
    expect(await w.db.comment.count({ where: { authorId: w.contributor.id } })).toBe(0);
    expect((await w.db.observation.findUniqueOrThrow({ where: { publicId: o.id } })).status).toBe("NEEDS_INFO");
  });
});

describe("the submit receipt", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("mails the contributor a receipt with id, technique and TLP meaning, never the procedure", async () => {
    const { observation: o } = await createObservation(w.contributor, observationInput({ tlp: "GREEN" }), w.db);
    await flushMail(w.db); // mail is queued with the change: let the worker deliver it
    const receipt = (await listOutbox(10)).find((m) => m.to === w.contributor.email && /received/i.test(m.subject));
    expect(receipt?.subject).toContain(o.id);
    expect(receipt?.text).toContain("T1059.001 Command and Scripting Interpreter: PowerShell");
    expect(receipt?.text).toContain("TLP:GREEN");
    expect(receipt?.text).toMatch(/Members only/);
    expect(receipt?.text).toContain(`/my/${o.id}`);
    expect(receipt?.text).not.toContain("loader");
    expect(receipt?.html).not.toContain("loader");
  });

  it("mails no receipt for a draft, and one when the draft is submitted", async () => {
    const { observation: o } = await createObservation(w.contributor, observationInput({ draft: true }), w.db);
    const receipts = async () => {
      await flushMail(w.db);
      return (await listOutbox(50)).filter((m) => m.subject === `${o.id} received` && m.to === w.contributor.email);
    };
    expect(await receipts()).toHaveLength(0);
    await transitionObservation(w.contributor, o.id, { action: "submit", version: 1 }, w.db);
    expect(await receipts()).toHaveLength(1);
  });

  it("never fails the submit when the mail cannot be sent, and logs with the address masked", async () => {
    vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:1");
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { observation: o } = await createObservation(w.contributor, observationInput(), w.db);
    expect(o.status).toBe("SUBMITTED");
    await flushMail(w.db); // the worker's attempt fails and is logged; the receipt stays queued for a retry
    const logged = errors.mock.calls.flat().join("\n");
    expect(logged).toContain(`receipt for ${o.id}`);
    expect(logged).not.toContain(w.contributor.email);
  });
});
