import { describe, expect, it } from "vitest";
import { malformedPathResponse, SERVER_ACTION_BODY_LIMIT, serverActionGuard } from "./request-guards";

const APP = "http://127.0.0.1:3000";

describe("malformedPathResponse", () => {
  it.each([["/o/OBS-000001"], ["/o/%F0%9F%98%80"], ["/api/v1/observations/%25"], ["/"]])("lets %s through", (path) => {
    expect(malformedPathResponse(`${APP}${path}`)).toBeNull();
  });
  it("answers the API's envelope for malformed ids under /api", async () => {
    const res = malformedPathResponse(`${APP}/api/v1/observations/%ED%A0%80/transitions`);
    expect(res?.status).toBe(404);
    expect(await res?.json()).toMatchObject({ error: { code: "NOT_FOUND", message: /percent-encoding/ } });
  });
  it.each([["/o/%ED%A0%80"], ["/my/%E0"], ["/queue/%C0%80"]])("answers 404 text for the page %s", async (path) => {
    const res = malformedPathResponse(`${APP}${path}`);
    expect(res?.status).toBe(404);
    expect(await res?.text()).toMatch(/malformed percent-encoding/);
  });
});

describe("serverActionGuard", () => {
  const action = (body: string, headers: Record<string, string> = {}) =>
    new Request(`${APP}/releases`, {
      method: "POST",
      body,
      headers: {
        "next-action": "40abc",
        origin: APP,
        "content-type": "text/plain;charset=UTF-8",
        "content-length": String(Buffer.byteLength(body)),
        ...headers,
      },
    });
  const guard = (request: Request) => serverActionGuard(request, [APP]);

  it("lets well-formed action calls and all other requests through", async () => {
    expect(await guard(action('["OBS-1",{"action":"claim"}]'))).toBeNull();
    expect(await guard(new Request(`${APP}/releases`, { method: "POST", body: "x" }))).toBeNull();
  });
  it.each([
    ["a foreign Origin", action("[]", { origin: "http://127.0.0.1:3001" }), 403, "FORBIDDEN"],
    ["no Origin", action("[]", { origin: "" }), 403, "FORBIDDEN"],
    ["malformed JSON", action('[{"a":'), 400, "VALIDATION"],
    ["JSON that is not an argument list", action('{"a":1}'), 400, "VALIDATION"],
    ["a multipart body", action("--x--", { "content-type": "multipart/form-data; boundary=x" }), 400, "VALIDATION"],
    ["no Content-Length", action("[]", { "content-length": "" }), 400, "VALIDATION"],
    [
      "a body over 1 MB",
      action("[]", { "content-length": String(SERVER_ACTION_BODY_LIMIT + 1) }),
      413,
      "PAYLOAD_TOO_LARGE",
    ],
  ])("refuses %s", async (_what, request, status, code) => {
    const res = await guard(request);
    expect(res?.status).toBe(status);
    expect(await res?.text()).toMatch(code === "FORBIDDEN" ? /Origin|came from/ : /./);
  });
});
