// The reviewers' digest against a real database: what it lists (the queue's visibility rule), who gets one and when,
// and that two runs at once mail each digest once.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import type { Actor } from "../auth/permissions";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { providerOf } from "../db/adapter";
import { createDb } from "../db/client";
import { drainMail, flushMail, listOutbox, settleMail } from "../mail";
import { createObservation } from "../observations/service";
import { buildDigest, sendDueDigests } from "./digest";
import { setDigestPreference } from "./digest-preference";
import { queueWhere } from "./queue";
import { replyToQuestion } from "./reply";
import { transitionObservation } from "./workflow";

const run = promisify(execFile);
const w = useWorkDb();
// Users outlive a test (clearWork keeps them): earlier tests' choices must not add recipients to this one.
beforeEach(() => w.db.user.updateMany({ data: { digest: "OFF", digestSentAt: null } }));
const NOW = new Date("2030-01-15T09:00:00Z");
const DAY = 24 * 3600_000;
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY);

async function submit(overrides: Parameters<typeof observationInput>[0] = {}, by: Actor = w.contributor) {
  const { observation } = await createObservation(by, observationInput(overrides), w.db);
  return observation.id;
}

/** Back-dates an observation, as if it had been submitted (and created) that long ago. */
async function age(publicId: string, days: number) {
  await w.db.observation.update({
    where: { publicId },
    data: { createdAt: daysAgo(days), submittedAt: daysAgo(days) },
  });
}

async function optIn(actor: Actor, digest: "DAILY" | "WEEKLY", sentAt: Date | null = null) {
  await w.db.user.update({ where: { id: actor.id }, data: { digest, digestSentAt: sentAt } });
}

async function mailsTo(email: string) {
  await flushMail(w.db); // digests are queued with their claim: let the worker deliver them
  return (await listOutbox(500)).filter((m) => m.to === email && /review digest/.test(m.subject));
}

const userRow = (actor: Actor) => w.db.user.findUniqueOrThrow({ where: { id: actor.id } });

describe("buildDigest", () => {
  it("counts the queue, lists the reviewer's own items answered first, and the longest-waiting", async () => {
    const oldest = await submit({ technique: "T1566.001" });
    await age(oldest, 12);
    const mine = await submit();
    await transitionObservation(w.reviewer, mine, { action: "claim", version: 1 }, w.db);
    await age(mine, 5);
    const answered = await submit();
    await transitionObservation(w.reviewer, answered, { action: "claim", version: 1 }, w.db);
    await transitionObservation(w.reviewer, answered, { action: "ask", version: 2, comment: "Which host?" }, w.db);
    await replyToQuestion(w.contributor, answered, { body: "A workstation.", version: 3 }, w.db);
    await age(answered, 3);
    const accepted = await submit();
    await transitionObservation(w.reviewer, accepted, { action: "claim", version: 1 }, w.db);
    await transitionObservation(w.reviewer, accepted, { action: "accept", version: 2 }, w.db);
    await w.db.observation.update({ where: { publicId: accepted }, data: { decidedAt: daysAgo(0.5) } });
    const oldDecision = await submit();
    await transitionObservation(w.reviewer, oldDecision, { action: "claim", version: 1 }, w.db);
    await transitionObservation(w.reviewer, oldDecision, { action: "reject", version: 2, comment: "No." }, w.db);
    await w.db.observation.update({ where: { publicId: oldDecision }, data: { decidedAt: daysAgo(3) } });
    await w.db.observation.updateMany({
      where: { publicId: { in: [accepted, oldDecision] } },
      data: { createdAt: daysAgo(9), submittedAt: daysAgo(9) },
    });
    const fresh = await submit(); // the only new submission of the day
    await age(fresh, 0.2);
    await optIn(w.reviewer, "DAILY", daysAgo(1));

    const d = await buildDigest(await userRow(w.reviewer), w.db, NOW);
    expect(d.period).toBe("DAILY");
    expect(d.since).toEqual(daysAgo(1));
    expect(d.counts).toEqual({
      open: { SUBMITTED: 3, IN_REVIEW: 1, NEEDS_INFO: 0 },
      newSubmitted: 1,
      decided: { ACCEPTED: 1, REJECTED: 0, DUPLICATE: 0 },
      assigned: 2,
    });
    // The answered one first, though the other has waited longer.
    expect(d.assigned.map((i) => [i.id, i.answered, i.age])).toEqual([
      [answered, true, "3 days"],
      [mine, false, "5 days"],
    ]);
    expect(d.oldest.map((i) => i.id)).toEqual([oldest, mine, answered, fresh]);
    expect(d.oldest[0]).toMatchObject({
      techniqueLabel: expect.stringContaining("T1566.001"),
      actorName: "APT28",
      status: "SUBMITTED",
      age: "12 days",
      url: expect.stringMatching(new RegExp(`/queue/${oldest}$`)),
    });
    // An item carries what identifies it, nothing of its text or its contributor.
    expect(Object.keys(d.oldest[0]).sort()).toEqual(
      ["actorName", "age", "answered", "id", "status", "techniqueLabel", "url"].sort(),
    );
  });

  it("lists only what the queue shows this reviewer: never a draft; AMBER because reviewers may receive it", async () => {
    const draft = await submit({ draft: true });
    const amber = await submit({ tlp: "AMBER" });
    const clear = await submit({ tlp: "CLEAR" });
    await optIn(w.reviewer, "DAILY");
    const d = await buildDigest(await userRow(w.reviewer), w.db, new Date());
    const ids = d.oldest.map((i) => i.id);
    expect(ids).not.toContain(draft);
    expect(ids).toEqual([amber, clear]);
    const visible = await w.db.observation.count({ where: queueWhere(w.reviewer) });
    expect(d.counts.open.SUBMITTED + d.counts.open.IN_REVIEW + d.counts.open.NEEDS_INFO).toBe(visible);
    expect(visible).toBe(2);
  });

  it("refuses a contributor and a user who has not chosen a digest", async () => {
    await w.db.user.update({ where: { id: w.contributor.id }, data: { digest: "DAILY" } });
    expect((await appErrorOf(buildDigest(await userRow(w.contributor), w.db, NOW))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(buildDigest(await userRow(w.reviewer), w.db, NOW))).code).toBe("INVALID_STATE");
  });
});

describe("sendDueDigests", () => {
  afterEach(() => {
    delete process.env.SMTP_URL;
  });

  it("mails opted-in reviewers and admins whose period has elapsed, and no one else", async () => {
    const o = await submit({ tlp: "AMBER" });
    const weeklyNotDue = await makeActor(w.db, "REVIEWER");
    const dailyNotDue = await makeActor(w.db, "REVIEWER");
    const weeklyDue = await makeActor(w.db, "REVIEWER");
    const off = await makeActor(w.db, "REVIEWER");
    const gone = await makeActor(w.db, "REVIEWER");
    const demoted = await makeActor(w.db, "CONTRIBUTOR");
    await optIn(w.reviewer, "DAILY"); // never sent: due
    await optIn(w.admin, "DAILY", daysAgo(1));
    await optIn(dailyNotDue, "DAILY", new Date(NOW.getTime() - 20 * 3600_000));
    await optIn(weeklyNotDue, "WEEKLY", daysAgo(3));
    await optIn(weeklyDue, "WEEKLY", daysAgo(7));
    await optIn(gone, "DAILY");
    await w.db.user.update({ where: { id: gone.id }, data: { deactivatedAt: daysAgo(2) } });
    await optIn(demoted, "DAILY"); // chose it as a reviewer, then made a contributor

    expect(await sendDueDigests(w.db, NOW)).toEqual({ sent: 3, skipped: 0, taken: 0, failed: 0 });
    for (const who of [w.reviewer, w.admin, weeklyDue]) {
      const [mail, ...more] = await mailsTo(who.email);
      expect(more).toHaveLength(0);
      expect(mail.text).toContain(o);
      expect(mail.text).not.toContain(w.contributor.email);
      expect(mail.text).not.toContain("fin-ws-12"); // nothing of the procedure text
      expect((await userRow(who)).digestSentAt).toEqual(NOW);
    }
    expect((await mailsTo(weeklyDue.email))[0].subject).toMatch(/weekly/);
    for (const who of [dailyNotDue, weeklyNotDue, off, gone, demoted]) expect(await mailsTo(who.email)).toEqual([]);

    const audit = await w.db.auditEvent.findMany({ where: { action: "digest.sent" } });
    expect(audit.map((a) => a.subjectId).sort()).toEqual([w.reviewer.id, w.admin.id, weeklyDue.id].sort());
    expect(JSON.stringify(audit)).not.toContain("@");

    // The same hour again, and the next morning but before a full day: nothing more.
    expect(await sendDueDigests(w.db, NOW)).toEqual({ sent: 0, skipped: 0, taken: 0, failed: 0 });
    expect((await sendDueDigests(w.db, new Date(NOW.getTime() + 20 * 3600_000))).sent).toBe(1); // dailyNotDue
    expect((await sendDueDigests(w.db, new Date(NOW.getTime() + DAY))).sent).toBe(2); // reviewer, admin
  });

  it("sends each digest once when two runs go at the same moment", async () => {
    await submit();
    const second = await makeActor(w.db, "REVIEWER");
    await optIn(w.reviewer, "DAILY");
    await optIn(second, "WEEKLY");
    // PostgreSQL: two clients, as two servers would be. SQLite: one client (two in one process would block each
    // other's event loop on the file lock; two processes are the CLI test below).
    const other = providerOf(w.t.url) === "postgres" ? createDb(w.t.url) : w.db;
    try {
      const runs = await Promise.all([sendDueDigests(w.db, NOW), sendDueDigests(other, NOW)]);
      expect(runs[0].sent + runs[1].sent).toBe(2);
      expect(runs[0].taken + runs[1].taken).toBe(2);
    } finally {
      // The run kicked the other client's mail worker: let it end before its client goes (it logged a failed run).
      if (other !== w.db) {
        await settleMail(other);
        await other.$disconnect();
      }
    }
    expect(await mailsTo(w.reviewer.email)).toHaveLength(1);
    expect(await mailsTo(second.email)).toHaveLength(1);
    expect(await w.db.auditEvent.count({ where: { action: "digest.sent" } })).toBe(2);
  });

  it("sends each digest once when `npm run cli -- digest:send` runs twice at once", async () => {
    await submit();
    await optIn(w.reviewer, "DAILY");
    const cli = () =>
      run(process.execPath, ["--import", "tsx", "lib/cli/index.ts", "digest:send", "--now", NOW.toISOString()], {
        env: { ...process.env, DATABASE_URL: w.t.url, SMTP_URL: "" },
      });
    const outputs = await Promise.all([cli(), cli()]);
    const said = outputs.map((o) => o.stdout).join("\n");
    expect(said).toMatch(/1 sent/);
    expect(said).toMatch(/0 sent/);
    expect(await mailsTo(w.reviewer.email)).toHaveLength(1);
  });

  it("does not mail an empty digest, but counts its period as done", async () => {
    await optIn(w.reviewer, "DAILY");
    expect(await sendDueDigests(w.db, NOW)).toEqual({ sent: 0, skipped: 1, taken: 0, failed: 0 });
    expect(await mailsTo(w.reviewer.email)).toEqual([]);
    expect((await userRow(w.reviewer)).digestSentAt).toEqual(NOW);
    expect(await w.db.auditEvent.count({ where: { action: "digest.skipped", subjectId: w.reviewer.id } })).toBe(1);
  });

  it("queues the digest with its claim: while the mail server is down it waits, then arrives once", async () => {
    await submit();
    await optIn(w.reviewer, "DAILY", daysAgo(2));
    process.env.SMTP_URL = "smtp://127.0.0.1:1"; // nothing listens there
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await sendDueDigests(w.db, NOW)).toEqual({ sent: 1, skipped: 0, taken: 0, failed: 0 });
    await flushMail(w.db); // the attempt fails: the mail stays queued for a retry
    expect((await userRow(w.reviewer)).digestSentAt).toEqual(NOW);
    expect(await w.db.mailJob.count({ where: { template: "digest", status: "PENDING" } })).toBe(1);
    expect(errors.mock.calls.flat().join("\n")).not.toContain(w.reviewer.email);
    // The period is done: the next run does not queue it again.
    expect(await sendDueDigests(w.db, NOW)).toEqual({ sent: 0, skipped: 0, taken: 0, failed: 0 });
    delete process.env.SMTP_URL;
    await drainMail(w.db, new Date(Date.now() + 3600_000)); // past the retry's backoff
    expect(await mailsTo(w.reviewer.email)).toHaveLength(1);
    errors.mockRestore();
  });
});

describe("setDigestPreference", () => {
  it("lets a reviewer opt in and out, with an audit event each time", async () => {
    expect(await setDigestPreference(w.reviewer, { digest: "WEEKLY" }, w.db)).toEqual({
      digest: "WEEKLY",
      lastSentAt: null,
    });
    await setDigestPreference(w.reviewer, { digest: "OFF" }, w.db);
    expect((await userRow(w.reviewer)).digest).toBe("OFF");
    const audit = await w.db.auditEvent.findMany({
      where: { action: "profile.digest" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.data)).toEqual([
      { from: "OFF", to: "WEEKLY" },
      { from: "WEEKLY", to: "OFF" },
    ]);
  });

  it("refuses a contributor (403) and an unknown choice (400), changing nothing", async () => {
    const refused = await appErrorOf(setDigestPreference(w.contributor, { digest: "DAILY" }, w.db));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/only reviewers and admins/);
    const bad = await appErrorOf(setDigestPreference(w.reviewer, { digest: "HOURLY" }, w.db));
    expect(bad.code).toBe("VALIDATION");
    expect((await userRow(w.contributor)).digest).toBe("OFF");
    expect((await userRow(w.reviewer)).digest).toBe("OFF");
    expect(await w.db.auditEvent.count({ where: { action: "profile.digest" } })).toBe(0);
  });
});
