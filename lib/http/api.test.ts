import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { errorResponse, MAX_JSON_DEPTH, readJson } from "./api";

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
  // Found by lib/http/fuzz.integration.test.ts: 5,000 nested arrays overflowed the stack of the text check (a 500).
  it("refuses bodies nested deeper than MAX_JSON_DEPTH with a 400, at any depth", async () => {
    for (const n of [MAX_JSON_DEPTH + 1, 20_000]) {
      const error = await failure(readJson(post("[".repeat(n) + "]".repeat(n))));
      expect(error.code).toBe("VALIDATION");
      expect(error.message).toMatch(/more than 64 levels deep/);
      expect((await failure(readJson(post('{"a":'.repeat(n) + "1" + "}".repeat(n))))).code).toBe("VALIDATION");
    }
    const ok = "[".repeat(MAX_JSON_DEPTH) + "]".repeat(MAX_JSON_DEPTH);
    expect(await readJson(post(ok))).toEqual(JSON.parse(ok));
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

describe("readJson: text that cannot be stored", () => {
  it.each([
    ['{"name":"x\\ud800"}', "name"],
    ['{"references":[{"sourceName":"ok"},{"sourceName":"a\\udfffb"}]}', "references.1.sourceName"],
    ['{"actor":{"aliases":["\\ud83d"]}}', "actor.aliases.0"],
    ['{"x\\ud800y":1}', "x\ud800y"],
    ['"\\ud800"', "(body)"],
    // NUL: PostgreSQL cannot store it in text (a 500 there before, found by the fuzzer).
    ['{"name":"OBS-000001\\u0000"}', "name"],
  ])("refuses a lone surrogate or NUL in %s, naming %j", async (body, path) => {
    const error = await failure(readJson(post(body)));
    expect(error.code).toBe("VALIDATION");
    expect(error.issues?.[0]?.path).toBe(path);
    expect(error.message).toMatch(/invalid character/);
  });
  it("keeps well-formed pairs (emoji) and plain text", async () => {
    expect(await readJson(post('{"a":"\\ud83d\\ude00 ok"}'))).toEqual({ a: "\u{1F600} ok" });
  });
  it("refuses bytes that are not UTF-8", async () => {
    const error = await failure(readJson(post(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))));
    expect(error.message).toMatch(/UTF-8/);
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
