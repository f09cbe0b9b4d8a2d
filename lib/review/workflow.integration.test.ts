import { describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import type { AppError } from "../errors";
import { flushMail, listOutbox } from "../mail";
import { createObservation, getPublicRecord } from "../observations/service";
import { listQueue } from "./queue";
import { availableActions, transitionObservation } from "./workflow";

const w = useWorkDb();

async function submitted() {
  return (await createObservation(w.contributor, observationInput(), w.db)).observation;
}

describe("transitionObservation", () => {
  it("claims, accepts, writes a revision and audit event per step, and e-mails the contributor", async () => {
    const o = await submitted();
    expect(await transitionObservation(w.reviewer, o.id, { action: "claim", version: 1 }, w.db)).toEqual({
      id: o.id,
      status: "IN_REVIEW",
      version: 2,
    });
    expect(
      await transitionObservation(w.reviewer, o.id, { action: "accept", version: 2, comment: "Well sourced." }, w.db),
    ).toEqual({
      id: o.id,
      status: "ACCEPTED",
      version: 3,
    });
    const row = await w.db.observation.findUniqueOrThrow({ where: { publicId: o.id } });
    expect(row.assigneeId).toBe(w.reviewer.id);
    expect(row.decidedAt).not.toBeNull();
    expect((await w.db.revision.findMany({ orderBy: { version: "asc" } })).map((r) => r.reason)).toEqual([
      "created",
      "claim",
      "accept",
    ]);
    expect((await w.db.auditEvent.findMany({ orderBy: { createdAt: "asc" } })).map((a) => a.action)).toEqual([
      "observation.submit",
      "observation.claim",
      "observation.accept",
    ]);
    await flushMail(w.db); // mail is queued with the change: let the worker deliver it
    const mail = (await listOutbox(10)).find((m) => m.to === w.contributor.email);
    expect(mail?.subject).toMatch(/accepted/i);
    expect(mail?.text).toContain(o.id);
    expect(mail?.text).toContain("Well sourced.");
  });

  it("asks the contributor for more information, who answers by resubmitting", async () => {
    const o = await submitted();
    await transitionObservation(w.reviewer, o.id, { action: "claim", version: 1 }, w.db);
    expect((await appErrorOf(transitionObservation(w.reviewer, o.id, { action: "ask", version: 2 }, w.db))).code).toBe(
      "VALIDATION",
    );
    await transitionObservation(
      w.reviewer,
      o.id,
      { action: "ask", version: 2, comment: "Which process launched PowerShell?" },
      w.db,
    );
    await flushMail(w.db); // mail is queued with the change: let the worker deliver it
    const mail = (await listOutbox(10)).find((m) => m.to === w.contributor.email && /question/i.test(m.subject));
    expect(mail?.text).toContain("Which process launched PowerShell?");
    expect(await transitionObservation(w.contributor, o.id, { action: "submit", version: 3 }, w.db)).toMatchObject({
      status: "SUBMITTED",
    });
    expect((await w.db.comment.findMany()).map((c) => c.body)).toEqual(["Which process launched PowerShell?"]);
  });

  it("enforces who may fire what, from which state, on which version", async () => {
    const o = await submitted();
    expect(
      (await appErrorOf(transitionObservation(w.contributor, o.id, { action: "claim", version: 1 }, w.db))).code,
    ).toBe("FORBIDDEN");
    expect(
      (await appErrorOf(transitionObservation(w.reviewer, o.id, { action: "accept", version: 1 }, w.db))).code,
    ).toBe("INVALID_STATE");
    expect(
      (await appErrorOf(transitionObservation(w.reviewer, o.id, { action: "withdraw", version: 1 }, w.db))).code,
    ).toBe("FORBIDDEN");
    const stale = await appErrorOf(transitionObservation(w.reviewer, o.id, { action: "claim", version: 7 }, w.db));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details?.current).toMatchObject({ id: o.id, version: 1, status: "SUBMITTED" });
    const own = (await createObservation(w.reviewer, observationInput(), w.db)).observation;
    expect(
      (await appErrorOf(transitionObservation(w.reviewer, own.id, { action: "claim", version: 1 }, w.db))).code,
    ).toBe("FORBIDDEN");
    // Nothing above changed the observation.
    expect(await w.db.observation.findUniqueOrThrow({ where: { publicId: o.id } })).toMatchObject({
      version: 1,
      status: "SUBMITTED",
    });
  });

  it("lets only the reviewer who claimed it (or an admin) decide", async () => {
    const o = await submitted();
    const other = await makeActor(w.db, "REVIEWER");
    await transitionObservation(w.reviewer, o.id, { action: "claim", version: 1 }, w.db);
    const row = await w.db.observation.findUniqueOrThrow({ where: { publicId: o.id } });
    expect(availableActions(other, row)).toEqual([]);
    expect(availableActions(w.reviewer, row)).toEqual(["unclaim", "assign", "ask", "accept", "reject", "duplicate"]);
    const refused = await appErrorOf(transitionObservation(other, o.id, { action: "accept", version: 2 }, w.db));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/claimed by another reviewer/);
    expect(await transitionObservation(w.admin, o.id, { action: "accept", version: 2 }, w.db)).toMatchObject({
      status: "ACCEPTED",
    });
  });

  it("lets only one of two reviewers racing on the same version win", async () => {
    const o = await submitted();
    const second = await makeActor(w.db, "REVIEWER");
    const results = await Promise.allSettled([
      transitionObservation(w.reviewer, o.id, { action: "claim", version: 1 }, w.db),
      transitionObservation(second, o.id, { action: "claim", version: 1 }, w.db),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((failure.reason as AppError).code).toBe("CONFLICT");
    expect(await w.db.revision.count()).toBe(2);
  });

  it("marks duplicates against an existing observation", async () => {
    const first = await submitted();
    const second = await submitted();
    await transitionObservation(w.reviewer, second.id, { action: "claim", version: 1 }, w.db);
    expect(
      (
        await appErrorOf(
          transitionObservation(
            w.reviewer,
            second.id,
            { action: "duplicate", version: 2, duplicateOf: "OBS-999999" },
            w.db,
          ),
        )
      ).code,
    ).toBe("VALIDATION");
    await transitionObservation(
      w.reviewer,
      second.id,
      { action: "duplicate", version: 2, duplicateOf: first.id },
      w.db,
    );
    const row = await w.db.observation.findUniqueOrThrow({
      where: { publicId: second.id },
      include: { duplicateOf: true },
    });
    expect(row.status).toBe("DUPLICATE");
    expect(row.duplicateOf?.publicId).toBe(first.id);
  });
});

describe("getPublicRecord", () => {
  it("shows accepted work only, without the contributor", async () => {
    const o = await submitted();
    expect((await appErrorOf(getPublicRecord(o.id, w.db))).code).toBe("NOT_FOUND");
    await transitionObservation(w.reviewer, o.id, { action: "claim", version: 1 }, w.db);
    await transitionObservation(w.reviewer, o.id, { action: "accept", version: 2 }, w.db);
    const record = await getPublicRecord(o.id, w.db);
    expect(record).toMatchObject({
      id: o.id,
      technique: "T1059.001 Command and Scripting Interpreter: PowerShell",
      actor: "G0007 APT28",
      status: "ACCEPTED",
    });
    expect(record.procedure).toContain("[HOST-1]");
    expect(JSON.stringify(record)).not.toContain(w.contributor.email);
  });
});

describe("listQueue", () => {
  it("lists open work oldest first with technique and actor names, for reviewers only", async () => {
    const a = await submitted();
    const b = await submitted();
    const queue = await listQueue(w.reviewer, w.db);
    expect(queue.map((q) => q.id)).toEqual([a.id, b.id]);
    expect(queue[0]).toMatchObject({
      techniqueName: "Command and Scripting Interpreter: PowerShell",
      techniqueLabel: "T1059.001 Command and Scripting Interpreter: PowerShell",
      actorName: "APT28",
    });
    expect((await appErrorOf(listQueue(w.contributor, w.db))).code).toBe("FORBIDDEN");
  });
});
