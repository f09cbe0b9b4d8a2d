import { describe, expect, it } from "vitest";
import { mailQueueProblem } from "./queue-admin";
import { backoffMs, FIRST_BACKOFF_MS, MAX_BACKOFF_MS, maxAttempts, pollSeconds } from "./queue-rules";

describe("backoffMs", () => {
  it("doubles from 30 seconds and stops at an hour", () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(0)).toBe(FIRST_BACKOFF_MS);
    expect(backoffMs(8)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(1000)).toBe(MAX_BACKOFF_MS);
  });
});

describe("MAIL_MAX_ATTEMPTS and MAIL_POLL_SECONDS", () => {
  it("default when unset and accept whole numbers", () => {
    expect(maxAttempts({})).toBe(10);
    expect(pollSeconds({ MAIL_POLL_SECONDS: " " })).toBe(15);
    expect(maxAttempts({ MAIL_MAX_ATTEMPTS: "3" })).toBe(3);
    expect(pollSeconds({ MAIL_POLL_SECONDS: "60" })).toBe(60);
  });
  it("refuse anything else, naming the variable and the accepted range", () => {
    expect(() => maxAttempts({ MAIL_MAX_ATTEMPTS: "0" })).toThrow(
      /MAIL_MAX_ATTEMPTS must be a whole number from 1 to 100/,
    );
    expect(() => pollSeconds({ MAIL_POLL_SECONDS: "1.5" })).toThrow(/MAIL_POLL_SECONDS .* not "1.5"/);
    expect(() => pollSeconds({ MAIL_POLL_SECONDS: "ten" })).toThrow(/unset means 15/);
  });
});

describe("mailQueueProblem", () => {
  const now = new Date("2030-01-01T12:00:00Z");
  const base = { pending: 0, failed: 0, sentToday: 4, oldestPendingAt: null, lastError: null };
  it("is silent while mail flows, even with a fresh mail waiting", () => {
    expect(mailQueueProblem(base, now)).toBeNull();
    expect(
      mailQueueProblem({ ...base, pending: 2, oldestPendingAt: new Date("2030-01-01T11:58:00Z") }, now),
    ).toBeNull();
  });
  it("says what is stuck, for how long, the last error and what to do", () => {
    const text = mailQueueProblem(
      {
        ...base,
        pending: 3,
        failed: 1,
        oldestPendingAt: new Date("2030-01-01T11:20:00Z"),
        lastError: "Could not reach the SMTP server mail:587 (ECONNREFUSED): check SMTP_URL.",
      },
      now,
    );
    expect(text).toMatch(/1 mail\(s\) gave up .*mail:send --retry-failed/);
    expect(text).toMatch(/3 mail\(s\) waiting, the oldest for 40 minutes/);
    expect(text).toMatch(/Last error: Could not reach/);
  });
});
