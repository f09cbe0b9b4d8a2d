import { describe, expect, it } from "vitest";
import { exponentialBackoffMs } from "./claim";
import { backoffMs, DEFAULT_LEASE_SECONDS, FIRST_BACKOFF_MS, jobPollMs, leaseMs, MAX_BACKOFF_MS } from "./rules";

describe("job backoff", () => {
  it("doubles from 10 seconds and stops at 10 minutes", () => {
    expect([1, 2, 3].map(backoffMs)).toEqual([10_000, 20_000, 40_000]);
    expect(backoffMs(0)).toBe(FIRST_BACKOFF_MS);
    expect(backoffMs(7)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(10_000)).toBe(MAX_BACKOFF_MS);
  });
  it("is the mail queue's rule with other bounds", () => {
    expect(exponentialBackoffMs(3, 30_000, 3_600_000)).toBe(120_000);
  });
});

describe("JOB_LEASE_SECONDS and JOB_POLL_SECONDS", () => {
  it("default when unset and accept whole numbers", () => {
    expect(leaseMs({})).toBe(DEFAULT_LEASE_SECONDS * 1000);
    expect(leaseMs({ JOB_LEASE_SECONDS: "4" })).toBe(4000);
    expect(jobPollMs({ JOB_POLL_SECONDS: " " })).toBe(5000);
    expect(jobPollMs({ JOB_POLL_SECONDS: "30" })).toBe(30_000);
  });
  it("refuse anything else, naming the variable and the accepted range", () => {
    expect(() => leaseMs({ JOB_LEASE_SECONDS: "0" })).toThrow(
      /JOB_LEASE_SECONDS must be a whole number from 1 to 3600/,
    );
    expect(() => jobPollMs({ JOB_POLL_SECONDS: "1.5" })).toThrow(/JOB_POLL_SECONDS .* not "1.5"/);
  });
});
