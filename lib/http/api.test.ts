import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { errorResponse, readJson } from "./api";

const post = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://localhost/api/v1/x", { method: "POST", body, headers });

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readJson", () => {
  it("parses JSON bodies", async () => {
    expect(await readJson(post('{"a":[1,2]}'))).toEqual({ a: [1, 2] });
  });
  it("refuses malformed JSON with a message saying so", async () => {
    const error = await failure(readJson(post("{oops")));
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toMatch(/not valid JSON/);
  });
  it("refuses other content types (no cross-site form posts)", async () => {
    expect((await failure(readJson(post("a=1", { "content-type": "application/x-www-form-urlencoded" })))).code).toBe(
      "VALIDATION",
    );
  });
  it("stops reading past the limit, whatever Content-Length claims", async () => {
    const big = JSON.stringify({ text: "x".repeat(2048) });
    expect((await failure(readJson(post(big), 1024))).code).toBe("PAYLOAD_TOO_LARGE");
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const streamed = new Request("http://localhost/x", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect((await failure(readJson(streamed, 1024))).code).toBe("PAYLOAD_TOO_LARGE");
  });
});

describe("errorResponse", () => {
  it("maps codes to statuses with the documented body", async () => {
    const res = errorResponse(
      new AppError("CONFLICT", "changed", [{ path: "version", message: "stale" }], { current: { version: 3 } }),
    );
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: {
        code: "CONFLICT",
        message: "changed",
        issues: [{ path: "version", message: "stale" }],
        current: { version: 3 },
      },
    });
  });
  it("hides unexpected errors behind a generic 500", async () => {
    const original = console.error;
    console.error = () => undefined;
    const res = errorResponse(new Error("secret stack detail"));
    console.error = original;
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("secret");
  });
});
