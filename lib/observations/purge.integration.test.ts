// Issue 6 item 5: a purge removes a leaked value from the current text, every revision, comment, audit datum and
// outbox copy in one go; the audit event records counts, never the value; refusals write nothing.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb, dumpAllTables } from "../../prisma/test-helpers";
import { flushMail, outboxDir } from "../mail";
import { addComment } from "../review/comments";
import { transitionObservation } from "../review/workflow";
import { purgeValue } from "./purge";
import { createObservation, editObservation } from "./service";

const w = useWorkDb();
// A customer's project code name: nothing the recognizers know, so it slipped through until someone spotted it.
const LEAK = "Kestrelwing";

const dumpEverything = () => dumpAllTables(w.db, w.t.url);

function outboxText(): string {
  const dir = outboxDir();
  return readdirSync(dir)
    .map((name) => readFileSync(path.join(dir, name), "utf8"))
    .join("\n");
}

/** An observation whose history carries the leak everywhere: fields, two edits, a question mailed, a reopen. */
async function leakyHistory() {
  const { observation } = await createObservation(
    w.contributor,
    observationInput({
      actor: {
        proposed: {
          type: "malware",
          name: `${LEAK} loader`,
          aliases: [`KESTRELWING-dropper`],
          description: `Loader seen only at ${LEAK}.`,
        },
      },
      procedure: `The loader beaconed for ${LEAK} every hour and staged archives before exfiltration.`,
      references: [
        { sourceName: `${LEAK} incident notes`, description: `Internal ticket about ${LEAK}.` },
        {
          sourceName: `Vendor blog on ${LEAK}`,
          url: "https://example.org/report",
          description: "Public.",
          public: true,
        },
      ],
      platforms: ["Windows"],
    }),
    w.db,
  );
  const id = observation.id;
  // Platforms are ATT&CK vocabulary now, but rows stored before that rule carry free text: purge reaches them.
  await w.db.observation.update({ where: { publicId: id }, data: { platforms: ["Windows", `${LEAK} VDI`] } });
  await transitionObservation(w.reviewer, id, { action: "claim", version: 1 }, w.db);
  await editObservation(
    w.reviewer,
    id,
    { version: 2, procedure: `${observation.procedure} The ${LEAK} team noticed late.`, reason: `${LEAK} wording` },
    w.db,
  );
  await editObservation(
    w.reviewer,
    id,
    { version: 3, procedure: `Rewritten for ${LEAK}: the loader beaconed hourly.`, reason: "rewrote it" },
    w.db,
  );
  await transitionObservation(w.reviewer, id, { action: "ask", version: 4, comment: `Is ${LEAK} the customer?` }, w.db);
  await transitionObservation(w.contributor, id, { action: "submit", version: 5 }, w.db);
  await transitionObservation(w.reviewer, id, { action: "claim", version: 6 }, w.db);
  await transitionObservation(
    w.reviewer,
    id,
    { action: "reject", version: 7, comment: `Too specific to ${LEAK}.` },
    w.db,
  );
  await transitionObservation(
    w.admin,
    id,
    { action: "reopen", version: 8, comment: `Reopened: ${LEAK} agreed.` },
    w.db,
  );
  return id;
}

describe("purgeValue", () => {
  it("removes the value from every table and the outbox, with one placeholder and a counted audit event", async () => {
    const id = await leakyHistory();
    await flushMail(w.db); // the mails are queued with each change: let the worker deliver them
    expect((await dumpEverything()).toLowerCase()).toContain(LEAK.toLowerCase());
    expect(outboxText()).toContain(LEAK);
    const revisionsBefore = await w.db.revision.count();

    const result = await purgeValue(w.reviewer, id, { value: ` ${LEAK.toLowerCase()} `, version: 9 }, w.db);

    expect(result.id).toBe(id);
    expect(result.version).toBe(10);
    expect(JSON.stringify(result).toLowerCase()).not.toContain(LEAK.toLowerCase());
    expect(result.replaced.observation).toBeGreaterThanOrEqual(5);
    expect(result.replaced.revisions).toBe(revisionsBefore);
    expect(result.replaced.comments).toBe(3);
    expect(result.replaced.mails).toBeGreaterThanOrEqual(2);

    const everything = await dumpEverything();
    expect(everything.toLowerCase()).not.toContain(LEAK.toLowerCase());
    expect(outboxText().toLowerCase()).not.toContain(LEAK.toLowerCase());
    // One placeholder everywhere, in the mails too; the rest of the text reads as before.
    const row = await w.db.observation.findUniqueOrThrow({ where: { publicId: id } });
    expect(row.procedure).toBe("Rewritten for [TERM-1]: the loader beaconed hourly.");
    expect(row.platforms).toEqual(["Windows", "[TERM-1] VDI"]);
    expect((row.proposedActor as { aliases: string[] }).aliases).toEqual(["[TERM-1]-dropper"]);
    expect((row.references as { sourceName: string }[])[1].sourceName).toBe("Vendor blog on [TERM-1]");
    const first = await w.db.revision.findFirstOrThrow({ where: { observationId: row.id, version: 2 } });
    expect((first.snapshot as { procedure: string }).procedure).toContain("staged archives");
    expect(await w.db.comment.findMany({ select: { body: true } })).toContainEqual({
      body: "Is [TERM-1] the customer?",
    });
    expect(outboxText()).toContain("Is [TERM-1] the customer?");
    expect(everything).not.toMatch(/TERM-2/);

    const purgeRevision = await w.db.revision.findFirstOrThrow({ where: { observationId: row.id, version: 10 } });
    expect(purgeRevision.reason).toBe("purge");
    const event = await w.db.auditEvent.findFirstOrThrow({ where: { action: "observation.purge" } });
    expect(event.subjectId).toBe(id);
    expect(event.actorId).toBe(w.reviewer.id);
    expect(event.data).toEqual({
      version: 10,
      placeholder: "[TERM-1]",
      replaced: {
        observation: result.replaced.observation,
        revisions: revisionsBefore,
        comments: 3,
        auditEvents: 1,
      },
    });
  });

  it("also rewrites the mails still queued while the mail server is down", async () => {
    vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:1"); // nothing listens there: the mails wait in the queue
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const id = await leakyHistory();
      await flushMail(w.db);
      const queued = () => w.db.mailJob.findMany({ where: { status: "PENDING" } });
      expect(JSON.stringify(await queued())).toContain(LEAK);
      const result = await purgeValue(w.reviewer, id, { value: LEAK, version: 9 }, w.db);
      expect(result.replaced.mails).toBeGreaterThanOrEqual(2);
      const after = JSON.stringify(await queued());
      expect(after.toLowerCase()).not.toContain(LEAK.toLowerCase());
      expect(after).toContain("[TERM-1]");
      expect(errors.mock.calls.flat().join("\n")).not.toContain(LEAK);
    } finally {
      vi.unstubAllEnvs();
      errors.mockRestore();
    }
  });

  it("lets the contributor purge, scrubs the purge's own reason, and numbers after existing TERM placeholders", async () => {
    const { observation } = await createObservation(
      w.contributor,
      observationInput({
        procedure: `Seen at Wombat Trust and at ${LEAK} during the spring.`,
        redact: ["Wombat Trust"],
      }),
      w.db,
    );
    expect(observation.procedure).toContain("[TERM-1]");
    const result = await purgeValue(
      w.contributor,
      observation.id,
      { value: LEAK, version: 1, reason: `${LEAK} named by ops@wombat-trust.com` },
      w.db,
    );
    expect(result.replaced).toEqual({ observation: 1, revisions: 1, comments: 0, mails: 0 });
    const row = await w.db.observation.findUniqueOrThrow({ where: { publicId: observation.id } });
    expect(row.procedure).toBe("Seen at [TERM-1] and at [TERM-2] during the spring.");
    const revision = await w.db.revision.findFirstOrThrow({ where: { version: 2 } });
    expect(revision.reason).toBe("purge: [TERM-2] named by [EMAIL-1]");
  });

  it("refuses a stale version with the current state and changes nothing", async () => {
    const id = await leakyHistory();
    await flushMail(w.db); // the worker's deliveries of the history's mails are no change of the purge's
    const before = await dumpEverything();
    const error = await appErrorOf(purgeValue(w.reviewer, id, { value: LEAK, version: 8 }, w.db));
    expect(error.code).toBe("CONFLICT");
    expect((error.details?.current as { version: number }).version).toBe(9);
    expect(await dumpEverything()).toBe(before);
  });

  it("refuses another contributor's observation as not found, and a value that occurs nowhere", async () => {
    const id = await leakyHistory();
    const other = await makeActor(w.db, "CONTRIBUTOR");
    await flushMail(w.db);
    const before = await dumpEverything();
    const outbox = outboxText();
    expect((await appErrorOf(purgeValue(other, id, { value: LEAK, version: 9 }, w.db))).code).toBe("NOT_FOUND");
    const absent = await appErrorOf(purgeValue(w.reviewer, id, { value: "Bandicoot", version: 9 }, w.db));
    expect(absent.code).toBe("NOT_FOUND");
    expect(absent.issues?.[0].path).toBe("value");
    expect(absent.message).not.toContain("Bandicoot");
    // Part of a word is not a whole word: refused too.
    expect((await appErrorOf(purgeValue(w.reviewer, id, { value: "Kestrel", version: 9 }, w.db))).code).toBe(
      "NOT_FOUND",
    );
    const invalid = await appErrorOf(purgeValue(w.reviewer, id, { value: " x ", version: 9 }, w.db));
    expect(invalid.code).toBe("VALIDATION");
    expect(await dumpEverything()).toBe(before);
    expect(outboxText()).toBe(outbox);
  });
  it("tells the contributor nothing about reviewers' internal notes, yet purges the value there too", async () => {
    const { observation } = await createObservation(
      w.contributor,
      observationInput({ procedure: `Beacons to ${LEAK} hourly.` }),
      w.db,
    );
    const id = observation.id;
    await transitionObservation(w.reviewer, id, { action: "claim", version: 1 }, w.db);
    await addComment(
      w.reviewer,
      id,
      { body: `Internal: ${LEAK} and Quokkafen are the customer.`, visibility: "INTERNAL" },
      w.db,
    );
    // Only in an internal note: for the contributor the value occurs nowhere, and nothing changes.
    const before = await dumpEverything();
    const absent = await appErrorOf(purgeValue(w.contributor, id, { value: "Quokkafen", version: 2 }, w.db));
    expect(absent.code).toBe("NOT_FOUND");
    expect(await dumpEverything()).toBe(before);
    // In their text and in the internal note: gone from both, and the count names only what they can see.
    const result = await purgeValue(w.contributor, id, { value: LEAK, version: 2 }, w.db);
    expect(result.replaced.comments).toBe(0);
    expect(await dumpEverything()).not.toContain(LEAK);
    // A reviewer reads the internal note, so is told of it.
    const reviewers = await purgeValue(w.reviewer, id, { value: "Quokkafen", version: 3 }, w.db);
    expect(reviewers.replaced.comments).toBe(1);
  });
});
