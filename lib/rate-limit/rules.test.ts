import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { errorResponse } from "../http/api";
import { DEFAULT_RATE_LIMITS, describeWait, parseRateLimits, RATE_LIMIT_NAMES } from "./rules";

describe("RATE_LIMITS", () => {
  it("unset or empty means the defaults, never off", () => {
    expect(parseRateLimits(undefined)).toEqual(DEFAULT_RATE_LIMITS);
    expect(parseRateLimits("  ")).toEqual(DEFAULT_RATE_LIMITS);
    expect(RATE_LIMIT_NAMES.every((name) => DEFAULT_RATE_LIMITS[name] > 0)).toBe(true);
  });

  it('"off" lifts every limit', () => {
    expect(parseRateLimits("off")).toBeNull();
    expect(parseRateLimits(" OFF ")).toBeNull();
  });

  it("overrides some counts and keeps the other defaults", () => {
    expect(parseRateLimits("signin-ip=200, api-token = 5000")).toEqual({
      ...DEFAULT_RATE_LIMITS,
      "signin-ip": 200,
      "api-token": 5000,
    });
  });

  it.each([
    [
      "signin-ips=200",
      /"signin-ips" is no limit \(known: signin-address, signin-ip, submit-user, api-token, draft-user, comment-user\)/,
    ],
    ["signin-ip=lots", /"signin-ip=lots" is not name=count/],
    ["signin-ip=-1", /is not name=count/],
    ["signin-ip=0", /"signin-ip" must allow at least 1 \(use "off"/],
    ["signin-ip=2,signin-ip=3", /"signin-ip" is given twice/],
    ["signin-ip=2,", /"" is not name=count/],
    ["no", /"no" is not name=count/],
  ])("refuses %j with a message naming the mistake and the fix", (value, problem) => {
    expect(() => parseRateLimits(value)).toThrow(problem);
    expect(() => parseRateLimits(value)).toThrow(/set it to "off".*"signin-ip=200,api-token=5000"/);
  });
});

describe("waits", () => {
  it("are rounded up to what a client must wait", () => {
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(59)).toBe("59 seconds");
    expect(describeWait(60)).toBe("1 minute");
    expect(describeWait(61)).toBe("2 minutes");
  });
});

describe("a RATE_LIMITED answer", () => {
  it("is a 429 with Retry-After and the error envelope", async () => {
    const response = errorResponse(
      new AppError("RATE_LIMITED", "Too many requests. Try again in 2 minutes.", undefined, { retryAfterSeconds: 91 }),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("91");
    expect(await response.json()).toEqual({
      error: { code: "RATE_LIMITED", message: "Too many requests. Try again in 2 minutes.", retryAfterSeconds: 91 },
    });
  });

  it("other errors carry no Retry-After", () => {
    expect(errorResponse(new AppError("CONFLICT", "Stale version.")).headers.get("retry-after")).toBeNull();
  });
});
