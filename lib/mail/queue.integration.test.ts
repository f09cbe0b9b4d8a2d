// The mail queue against a real database and a real SMTP server: mail is queued with the event that causes it,
// survives the mail server being down, and arrives exactly once when it is back.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startMailSink, type MailSink } from "../../e2e/mail";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { providerOf } from "../db/adapter";
import { createDb } from "../db/client";
import { createObservation } from "../observations/service";
import { addComment } from "../review/comments";
import { bulkAction } from "../review/bulk";
import { transitionObservation } from "../review/workflow";
import { drainMail, enqueueMail, flushMail, mailQueueState, retryFailedMail } from ".";
import { backoffMs } from "./queue-rules";

const w = useWorkDb();
const HOUR = 3600_000;
const later = (ms: number) => new Date(Date.now() + ms);
const MAGIC = "http://localhost:3000/api/auth/callback/email?token=secret-token-123&email=a%40example.com";

let sink: MailSink | undefined;
beforeEach(async () => {
  sink = await startMailSink();
  vi.stubEnv("SMTP_URL", sink.url);
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(async () => {
  await flushMail(w.db); // nothing of this test's left running against the next one
  await sink?.close();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function submitted(by = w.contributor) {
  return (await createObservation(by, observationInput(), w.db)).observation;
}
const jobs = (status?: "PENDING") => w.db.mailJob.findMany({ where: { status }, orderBy: { createdAt: "asc" } });
const received = () => sink!.messages.map((m) => `${m.to.join(",")} ${m.subject}`).sort();

describe("the mail queue", () => {
  it("keeps every mail while the SMTP server is down and delivers each exactly once when it is back", async () => {
    const other = await makeActor(w.db, "CONTRIBUTOR");
    const a = await submitted();
    const b = await submitted(other);
    const c = await submitted();
    await flushMail(w.db);
    expect(sink!.messages).toHaveLength(3); // the receipts, while the server is up
    sink!.messages.length = 0;

    const port = sink!.port;
    await sink!.close(); // the mail server goes down
    await transitionObservation(w.reviewer, a.id, { action: "claim", version: 1 }, w.db);
    await transitionObservation(w.reviewer, a.id, { action: "accept", version: 2, comment: "Well sourced." }, w.db);
    await transitionObservation(w.reviewer, b.id, { action: "claim", version: 1 }, w.db);
    await transitionObservation(w.reviewer, b.id, { action: "ask", version: 2, comment: "Which host?" }, w.db);
    await bulkAction(
      w.reviewer,
      { action: "reject", items: [{ id: c.id, version: 1 }], reason: "Not a procedure." },
      w.db,
    );
    await addComment(w.contributor, a.id, { body: "Thanks!" }, w.db);
    await flushMail(w.db);

    const waiting = await jobs("PENDING");
    expect(waiting.map((j) => `${j.template} ${j.about} ${j.status} ${j.attempts}`).sort()).toEqual(
      [
        `decision ${a.id} PENDING 1`,
        `needs-info ${b.id} PENDING 1`,
        `decision ${c.id} PENDING 1`,
        `comment ${a.id} PENDING 1`, // to the reviewer who holds it
      ].sort(),
    );
    for (const job of waiting) {
      expect(job.lastError).toMatch(/Could not reach the SMTP server 127\.0\.0\.1:\d+ .*check SMTP_URL/);
      expect(job.lastError).not.toContain(job.to);
      expect(job.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + backoffMs(1) - 10_000);
    }
    expect(await mailQueueState(w.db)).toMatchObject({ pending: 4, failed: 0 });
    // Not due yet: a second pass leaves them alone.
    await flushMail(w.db);
    expect((await jobs("PENDING")).map((j) => j.attempts)).toEqual([1, 1, 1, 1]);

    sink = await startMailSink({ port }); // back up
    vi.stubEnv("SMTP_URL", sink.url);
    expect(await drainMail(w.db, later(HOUR))).toEqual({ sent: 4, retrying: 0, failed: 0, taken: 0 });
    expect(await drainMail(w.db, later(2 * HOUR))).toEqual({ sent: 0, retrying: 0, failed: 0, taken: 0 });
    expect(received()).toEqual(
      [
        `${w.contributor.email} ${a.id} accepted`,
        `${other.email} ${b.id}: the reviewer has a question`,
        `${w.contributor.email} ${c.id} not accepted`,
        `${w.reviewer.email} ${a.id}: the contributor commented`,
      ].sort(),
    );
    const mailA = sink.messages.find((m) => m.subject.startsWith(a.id))!;
    expect(mailA.text).toContain("Well sourced.");
    // Sent: the bodies are gone from the database.
    for (const job of await jobs())
      expect([job.status, job.text, job.html, job.lastError]).toEqual(["SENT", "", "", null]);
    expect(await mailQueueState(w.db)).toMatchObject({ pending: 0, failed: 0, sentToday: 7 }); // 3 receipts, 4 after the outage
  });

  it("queues nothing for a change that is refused or rolled back", async () => {
    const a = await submitted();
    await flushMail(w.db);
    const before = await w.db.mailJob.count();
    await appErrorOf(transitionObservation(w.reviewer, a.id, { action: "accept", version: 7 }, w.db));
    await appErrorOf(
      bulkAction(
        w.reviewer,
        {
          action: "reject",
          items: [
            { id: a.id, version: 1 },
            { id: "OBS-999999", version: 1 },
          ],
          reason: "No.",
        },
        w.db,
      ),
    );
    expect(await w.db.mailJob.count()).toBe(before);
  });

  it("sends each mail once when two workers drain the queue at the same moment", async () => {
    for (let i = 0; i < 6; i++)
      await enqueueMail(w.db, "invite", `u${i}@example.test`, {
        role: "REVIEWER",
        signInUrl: "http://localhost:3000/sign-in",
        host: "localhost:3000",
      });
    // PostgreSQL: two clients, as two servers would be. SQLite: one client (two in one process block each other).
    const other = providerOf(w.t.url) === "postgres" ? createDb(w.t.url) : w.db;
    try {
      const runs = await Promise.all([drainMail(w.db), drainMail(other)]);
      expect(runs[0].sent + runs[1].sent).toBe(6);
    } finally {
      if (other !== w.db) await other.$disconnect();
    }
    expect(sink!.messages).toHaveLength(6);
    expect(new Set(sink!.messages.map((m) => m.to[0])).size).toBe(6);
  });

  it("never logs a sign-in link, and keeps it only until it is sent or expires", async () => {
    const info = vi.mocked(console.info);
    const error = vi.mocked(console.error);
    await enqueueMail(
      w.db,
      "sign-in",
      "jane@example.com",
      { url: MAGIC, host: "localhost:3000" },
      {
        expiresAt: later(10 * 60_000),
      },
    );
    expect((await jobs())[0].text).toContain("secret-token-123"); // until sent
    await flushMail(w.db);
    expect(sink!.messages[0].text).toContain("secret-token-123");
    const [sent] = await jobs();
    expect([sent.status, sent.text, sent.html]).toEqual(["SENT", "", ""]);

    // Down past the link's lifetime: never sent, and the link is blanked.
    await enqueueMail(
      w.db,
      "sign-in",
      "late@example.com",
      { url: MAGIC, host: "localhost:3000" },
      {
        expiresAt: later(10 * 60_000),
      },
    );
    vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:1");
    await flushMail(w.db);
    expect(await drainMail(w.db, later(HOUR))).toMatchObject({ sent: 0, failed: 1 });
    const late = (await jobs()).find((j) => j.to === "late@example.com")!;
    expect([late.status, late.text, late.html, late.lastError]).toEqual([
      "FAILED",
      "",
      "",
      "Expired before it could be sent.",
    ]);

    const logged = [...info.mock.calls, ...error.mock.calls].flat().join("\n");
    expect(logged).toMatch(/\[mail\] sign-in to j\S*@e\S* via smtp/);
    expect(logged).not.toContain("secret-token");
    expect(logged).not.toContain("jane@example.com");
    expect(logged).not.toContain("late@example.com");
  });

  it("never sends an expired mail, also on the loop's passes that do not tidy, and drains past a full batch", async () => {
    await enqueueMail(
      w.db,
      "sign-in",
      "stale@example.com",
      { url: MAGIC, host: "localhost:3000" },
      { expiresAt: later(10 * 60_000) },
    );
    for (let i = 0; i < 25; i++) {
      await enqueueMail(w.db, "invite", `person${i}@example.test`, {
        role: "REVIEWER",
        signInUrl: "http://localhost:3000/sign-in",
        host: "localhost:3000",
      });
    }
    // An hour later, a pass between two tidy-ups: all 25 invites go (more than one batch), the stale link does not.
    expect(await drainMail(w.db, later(HOUR), { housekeeping: false })).toMatchObject({ sent: 25, failed: 0 });
    expect(sink!.messages).toHaveLength(25);
    expect(sink!.messages.map((m) => m.to[0])).not.toContain("stale@example.com");
    const [stale] = await jobs("PENDING");
    expect([stale.to, stale.status]).toEqual(["stale@example.com", "PENDING"]);
    // The next tidy-up gives it up and blanks the link.
    expect(await drainMail(w.db, later(HOUR))).toMatchObject({ sent: 0, failed: 1 });
    expect(await jobs("PENDING")).toEqual([]);
    const gone = (await jobs()).find((j) => j.to === "stale@example.com")!;
    expect([gone.status, gone.text, gone.html]).toEqual(["FAILED", "", ""]);
  });

  it("gives up after MAIL_MAX_ATTEMPTS with backoff in between, and an admin can put it back", async () => {
    vi.stubEnv("MAIL_MAX_ATTEMPTS", "3");
    vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:1");
    await enqueueMail(w.db, "invite", "x@example.test", {
      role: "ADMIN",
      signInUrl: "http://localhost:3000/sign-in",
      host: "localhost:3000",
    });
    expect(await drainMail(w.db)).toMatchObject({ retrying: 1 });
    const first = (await jobs())[0].nextAttemptAt.getTime();
    expect(await drainMail(w.db, new Date(first + 1))).toMatchObject({ retrying: 1 });
    const second = (await jobs())[0].nextAttemptAt.getTime();
    expect(second - first).toBeGreaterThanOrEqual(backoffMs(2)); // the wait doubles
    expect(await drainMail(w.db, new Date(second + 1))).toMatchObject({ failed: 1 });
    expect(await mailQueueState(w.db)).toMatchObject({ pending: 0, failed: 1 });
    expect((await mailQueueState(w.db)).lastError).toMatch(/Could not reach the SMTP server 127\.0\.0\.1:1/);

    vi.stubEnv("SMTP_URL", sink!.url);
    expect(await retryFailedMail(w.db)).toBe(1);
    await flushMail(w.db);
    expect(received()).toEqual(["x@example.test You are invited to Procedure Exchange (localhost:3000)"]);
    expect(await mailQueueState(w.db)).toMatchObject({ pending: 0, failed: 0 });
  });
});
