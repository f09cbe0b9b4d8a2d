import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { digestTimerEnabled, startDigestTimer } from "./digest-timer";

describe("digestTimerEnabled", () => {
  it("is on unless DIGEST=off, and refuses a mistyped value", () => {
    expect(digestTimerEnabled({})).toBe(true);
    expect(digestTimerEnabled({ DIGEST: "on" })).toBe(true);
    expect(digestTimerEnabled({ DIGEST: " OFF " })).toBe(false);
    expect(() => digestTimerEnabled({ DIGEST: "of" })).toThrow(/DIGEST must be "on" or "off"/);
  });
});

describe("startDigestTimer", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const done = { sent: 0, skipped: 0, taken: 0, failed: 0 };

  it("runs after the first delay, then every interval, never two at once, and survives a failed run", async () => {
    let calls = 0;
    let finish: () => void = () => {};
    const run = vi.fn(() => {
      calls++;
      if (calls === 1) return Promise.reject(new Error("database away"));
      return new Promise<typeof done>((resolve) => (finish = () => resolve(done)));
    });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const stop = startDigestTimer(run, { firstMs: 1000, everyMs: 10_000 });
    await vi.advanceTimersByTimeAsync(999);
    expect(run).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1); // failed: logged, the timer goes on
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(2); // still running…
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(2); // …so this tick is skipped
    finish();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(3);
    stop();
    await vi.advanceTimersByTimeAsync(100_000);
    expect(run).toHaveBeenCalledTimes(3);
  });
});
