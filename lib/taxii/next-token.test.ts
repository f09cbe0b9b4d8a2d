import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { issueNext, NEXT_MAX_AGE_SECONDS, readNext } from "./next-token";

const position = {
  d: "2026-11-28T08:00:00.000000000Z",
  i: "relationship--00000000-0000-4000-8000-00000000000b",
  v: "x",
};
const now = new Date("2026-11-28T09:00:00Z");
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
    return (error as AppError).message;
  }
  throw new Error("accepted");
}

describe("next tokens", () => {
  const token = issueNext(position, "query-1", "secret", now);

  it("carry the position back for the same query", () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(readNext(token, "query-1", "secret", later(60))).toEqual(position);
  });

  it("refuse forged, tampered and foreign values", () => {
    const [payload, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...position, d: "2000-01-01T00:00:00.000000000Z" })).toString(
      "base64url",
    );
    for (const bad of ["garbage", payload, `${forged}.${signature}`, `${payload}.${signature}x`, `${token}.extra`]) {
      expect(refusal(() => readNext(bad, "query-1", "secret", now))).toMatch(/not a value this server issued/);
    }
    // Signed with another server's secret.
    expect(refusal(() => readNext(token, "query-1", "other", now))).toMatch(/not a value this server issued/);
  });

  it("refuse a value from another query", () => {
    expect(refusal(() => readNext(token, "query-2", "secret", now))).toMatch(/another query/);
  });

  it("expire", () => {
    expect(readNext(token, "query-1", "secret", later(NEXT_MAX_AGE_SECONDS))).toEqual(position);
    expect(refusal(() => readNext(token, "query-1", "secret", later(NEXT_MAX_AGE_SECONDS + 1)))).toMatch(/expired/);
  });
});
