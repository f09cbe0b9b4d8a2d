// The digest's timing, ages, order and emptiness, and its mail rendered without a transport.
import { describe, expect, it } from "vitest";
import { templates } from "../../emails";
import {
  answeredFirst,
  digestSince,
  formatAge,
  isDigestDue,
  isDigestEmpty,
  type DigestContent,
  type DigestCounts,
} from "./digest-rules";

const NOW = new Date("2026-11-28T09:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000);

describe("when a digest is due", () => {
  it("is due at once before the first one", () => {
    expect(isDigestDue("DAILY", null, NOW)).toBe(true);
    expect(isDigestDue("WEEKLY", null, NOW)).toBe(true);
  });

  it("waits a day or a week, less a few minutes so an hourly check does not slide the hour", () => {
    expect(isDigestDue("DAILY", hoursAgo(23), NOW)).toBe(false);
    expect(isDigestDue("DAILY", hoursAgo(23.9), NOW)).toBe(true); // 09:00:03 yesterday, checked at 09:00:00
    expect(isDigestDue("DAILY", hoursAgo(24), NOW)).toBe(true);
    expect(isDigestDue("WEEKLY", hoursAgo(24 * 6), NOW)).toBe(false);
    expect(isDigestDue("WEEKLY", hoursAgo(24 * 7 - 0.1), NOW)).toBe(true);
  });

  it("reports since the last digest, but never more than one period back", () => {
    expect(digestSince("DAILY", hoursAgo(20), NOW)).toEqual(hoursAgo(20));
    expect(digestSince("DAILY", null, NOW)).toEqual(hoursAgo(24));
    expect(digestSince("DAILY", hoursAgo(24 * 90), NOW)).toEqual(hoursAgo(24));
    expect(digestSince("WEEKLY", hoursAgo(24 * 90), NOW)).toEqual(hoursAgo(24 * 7));
  });
});

describe("formatAge", () => {
  it("reads in hours under two days, then in days", () => {
    expect(formatAge(hoursAgo(0.5), NOW)).toBe("less than an hour");
    expect(formatAge(hoursAgo(1), NOW)).toBe("1 hour");
    expect(formatAge(hoursAgo(47), NOW)).toBe("47 hours");
    expect(formatAge(hoursAgo(24 * 12 + 5), NOW)).toBe("12 days");
  });
});

const zero: DigestCounts = {
  open: { SUBMITTED: 0, IN_REVIEW: 0, NEEDS_INFO: 0 },
  newSubmitted: 0,
  decided: { ACCEPTED: 0, REJECTED: 0, DUPLICATE: 0 },
  assigned: 0,
};

describe("isDigestEmpty", () => {
  it("is empty only when nothing is open and nothing happened", () => {
    expect(isDigestEmpty(zero)).toBe(true);
    expect(isDigestEmpty({ ...zero, open: { ...zero.open, NEEDS_INFO: 1 } })).toBe(false);
    expect(isDigestEmpty({ ...zero, decided: { ...zero.decided, REJECTED: 1 } })).toBe(false);
    expect(isDigestEmpty({ ...zero, newSubmitted: 1 })).toBe(false);
  });
});

describe("answeredFirst", () => {
  it("puts answered items first and keeps each group's order", () => {
    const items = [
      { id: "a", answered: false },
      { id: "b", answered: true },
      { id: "c", answered: false },
      { id: "d", answered: true },
    ];
    expect(answeredFirst(items).map((i) => i.id)).toEqual(["b", "d", "a", "c"]);
  });
});

describe("the digest mail", () => {
  const item = (id: string, answered = false) => ({
    id,
    techniqueLabel: "T1059.001 PowerShell",
    actorName: "APT29",
    status: "IN_REVIEW",
    age: "3 days",
    answered,
    url: `https://pe.example/queue/${id}`,
  });
  const data: DigestContent = {
    period: "DAILY",
    since: new Date("2026-11-27T09:00:00Z"),
    counts: { ...zero, open: { SUBMITTED: 4, IN_REVIEW: 2, NEEDS_INFO: 1 }, newSubmitted: 3, assigned: 2 },
    assigned: [item("OBS-000002", true), item("OBS-000001")],
    oldest: [item("OBS-000009")],
    queueUrl: "https://pe.example/queue",
    profileUrl: "https://pe.example/profile#digest",
  };
  const t = templates.digest;

  it("says how much waits, lists items with links, and says why it came and where to change it", () => {
    expect(t.subject(data)).toBe("Your daily review digest: 2 waiting for you, 7 open");
    const text = t.text(data);
    expect(text).toContain("Waiting for you: 2, 1 answered by the contributor.");
    expect(text).toContain("OBS-000002 · T1059.001 PowerShell · APT29 · in review · answered · waiting 3 days");
    expect(text.indexOf("OBS-000002")).toBeLessThan(text.indexOf("OBS-000001"));
    expect(text).toContain("The queue now: 4 submitted, 2 in review, 1 waiting for the contributor.");
    expect(text).toContain("Since 2026-11-27 09:00 UTC: 3 new submissions; 0 accepted, 0 rejected, 0 duplicates.");
    expect(text).toContain("Waiting longest:");
    expect(text).toContain("https://pe.example/queue/OBS-000009");
    expect(text).toContain(
      "You get this because you chose a daily digest on your profile. Change or turn it off: https://pe.example/profile#digest",
    );
    const html = t.html(data);
    expect(html).toContain('href="https://pe.example/queue/OBS-000002"');
    expect(html).toContain('href="https://pe.example/profile#digest"');
    expect(html).toContain("you chose a daily digest on your profile");
  });

  it("escapes names in HTML and refuses non-http links", () => {
    const html = t.html({ ...data, assigned: [{ ...item("OBS-000003"), actorName: "<img src=x>" }] });
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x&gt;");
    expect(() => t.html({ ...data, oldest: [{ ...item("OBS-000004"), url: "javascript:alert(1)" }] })).toThrow(/http/);
  });

  it("leaves out the longest-waiting list when the queue has none, and words a weekly digest as weekly", () => {
    const weekly = { ...data, period: "WEEKLY" as const, oldest: [] };
    expect(t.text(weekly)).not.toContain("Waiting longest");
    expect(t.text(weekly)).toContain("you chose a weekly digest");
  });
});
