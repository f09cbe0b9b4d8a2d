// Issue 5 item 8: inputs that used to crash into a 5xx now get a 4xx (the JSON error envelope on
// the API) and write nothing. Rows are counted read-only in the e2e SQLite file, as in api.spec.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

test.describe.configure({ mode: "serial" });

const DB_FILE = path.resolve(__dirname, "../data/e2e/app.db");
const BAD = "%ED%A0%80"; // the UTF-8 bytes of a lone surrogate: not decodable

let sqlite: Database.Database;
test.beforeAll(() => {
  sqlite = new Database(DB_FILE, { readonly: true, fileMustExist: true });
});
test.afterAll(() => sqlite?.close());

function counts() {
  const count = (table: string) => (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
  return ["Observation", "Revision", "Comment", "Release", "AuditEvent"].map((t) => `${t}=${count(t)}`).join(" ");
}
async function unchanged(run: () => Promise<void>) {
  const before = counts();
  await run();
  expect(counts()).toBe(before);
}

async function expectError(response: APIResponse, status: number, code: string) {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  const body = JSON.parse(text);
  expect(body.error.code, text).toBe(code);
  expect(typeof body.error.message).toBe("string");
  return body.error as { code: string; message: string; issues?: { path: string }[] };
}

const bearer = () => ({ authorization: `Bearer ${readE2eTokens().admin}` });
const json = (body: string) => ({ ...bearer(), "content-type": "application/json" });

/** The id of a server action, as this build named it. */
function actionId(name: string): string {
  const manifest = JSON.parse(
    readFileSync(path.resolve(__dirname, "../.next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === name);
  if (!found) throw new Error(`no server action ${name} in this build`);
  return found[0];
}

function callAction(
  request: APIRequestContext,
  page: string,
  name: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  return request.post(page, {
    data: body,
    headers: { "next-action": actionId(name), "content-type": "text/plain;charset=UTF-8", ...headers },
    maxRedirects: 0,
  });
}

test("a lone surrogate in any JSON text field is a 400 naming the field", async ({ request }) => {
  const procedure =
    "ran an encoded PowerShell command on a build server, then beaconed to a hosted C2 over HTTPS for several days.";
  const observation = (extra: string) =>
    `{"domain":"enterprise-attack","technique":"T1059.001","actor":{"id":"G0016"},"procedure":"${procedure}","tlp":"CLEAR","credit":"anonymous"${extra}}`;
  const cases: [url: string, method: "POST" | "PATCH", body: string, field: string][] = [
    [
      "/api/v1/observations",
      "POST",
      observation(
        ',"references":[{"sourceName":"Acme \\ud800 Labs","description":"Acme Labs. (2026, May 4). Loaders. Retrieved May 5, 2026."}]',
      ),
      "references.0.sourceName",
    ],
    ["/api/v1/observations", "POST", observation(',"notes\\udc00":"x"'), "notes\\udc00"],
    ["/api/v1/observations", "POST", observation("").replace("ran an", "ran \\ud83d an"), "procedure"],
    ["/api/v1/observations/OBS-000001", "PATCH", '{"version":1,"procedure":"x\\ud800"}', "procedure"],
    ["/api/v1/observations/OBS-000001/transitions", "POST", '{"action":"comment","comment":"\\udfff"}', "comment"],
    ["/api/v1/releases", "POST", '{"name":"R \\ud800","attackVersion":"18.1","domain":"ics-attack"}', "name"],
    ["/api/v1/anonymize", "POST", '{"text":"host \\ud800"}', "text"],
  ];
  await unchanged(async () => {
    for (const [url, method, body, field] of cases) {
      const error = await expectError(
        await request.fetch(url, { method, data: Buffer.from(body), headers: json(body) }),
        400,
        "VALIDATION",
      );
      expect(error.message).toMatch(/invalid character/);
      expect(error.issues?.[0]?.path.replace("\ud800", "\\ud800").replace("\udc00", "\\udc00")).toBe(field);
    }
  });
});

test("malformed percent-encoding in path ids is a 404, never a 500", async ({ request }) => {
  await unchanged(async () => {
    const api: [method: string, url: string][] = [
      ["GET", `/api/v1/observations/${BAD}`],
      ["PATCH", `/api/v1/observations/${BAD}`],
      ["POST", `/api/v1/observations/${BAD}/transitions`],
      ["GET", `/api/v1/releases/${BAD}/bundle.json`],
      ["POST", `/api/v1/releases/${BAD}/export`],
      ["GET", `/api/v1/observations/OBS-1${BAD}`],
    ];
    for (const [method, url] of api) {
      const data = method === "GET" ? undefined : Buffer.from('{"version":1,"action":"claim"}');
      await expectError(await request.fetch(url, { method, data, headers: json("") }), 404, "NOT_FOUND");
    }
    for (const url of [`/o/${BAD}`, `/my/${BAD}`, `/queue/${BAD}`, `/o/%E0`, `/o/OBS-000001${BAD}`]) {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(404);
    }
  });
  // Well-formed but unknown ids stay the service's own NOT_FOUND.
  await expectError(
    await request.get("/api/v1/observations/OBS-%F0%9F%98%80", { headers: bearer() }),
    404,
    "NOT_FOUND",
  );
  expect((await request.get("/o/not-an-id")).status()).toBe(404);
});

test("server actions: signed out, bad ids, malformed and oversized bodies are refusals", async ({
  request,
  page,
  signIn,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  await unchanged(async () => {
    // Signed out: the result says so (the redirect used to be swallowed as INTERNAL).
    for (const [pagePath, name, args] of [
      ["/releases", "exportReleaseAction", '["abc"]'],
      ["/releases", "createReleaseAction", '[{"name":"x","attackVersion":"18.1"}]'],
      ["/queue/OBS-000001", "transitionAction", '["OBS-000001",{"action":"claim","version":1}]'],
      ["/submit", "submitObservationAction", "[{}]"],
    ] as const) {
      const answer = await callAction(request, pagePath, name, args, { origin });
      expect(answer.status(), name).toBe(200);
      const text = await answer.text();
      expect(text, name).toContain('"code":"UNAUTHENTICATED"');
      expect(text, name).not.toContain("INTERNAL");
    }
  });

  await signIn(page, E2E_USERS.admin.email);
  const signedIn = page.request;
  await unchanged(async () => {
    for (const [pagePath, name, args] of [
      ["/releases", "exportReleaseAction", '[{"id":"x"}]'],
      ["/releases", "exportReleaseAction", "[42]"],
      ["/releases", "exportReleaseAction", '["\\ud800"]'],
      ["/queue/OBS-000001", "transitionAction", '[["OBS-000001"],{"action":"claim","version":1}]'],
      ["/queue/OBS-000001", "editAction", '["OBS-1\\ud800",{"version":1,"procedure":"x"}]'],
    ] as const) {
      const answer = await callAction(signedIn, pagePath, name, args, { origin });
      const text = await answer.text();
      expect(answer.status(), `${name} ${args}`).toBe(200);
      expect(text, `${name} ${args}`).toContain('"code":"VALIDATION"');
    }
    const big = Buffer.from(`["${"a".repeat(2 * 1024 * 1024)}"]`);
    const refusals: [body: string | Buffer, headers: Record<string, string>, status: number][] = [
      ['[{"a":', { origin }, 400],
      ['{"not":"a list"}', { origin }, 400],
      ["--x\r\n\r\n--x--", { origin, "content-type": "multipart/form-data; boundary=x" }, 400],
      [big, { origin }, 413],
      ['["abc"]', { origin: "http://127.0.0.1:3221" }, 403],
    ];
    for (const [body, headers, status] of refusals) {
      const answer = await callAction(signedIn, "/releases", "exportReleaseAction", body, headers);
      expect(answer.status(), JSON.stringify(headers)).toBe(status);
    }
  });
});

test("sign-in with a foreign, repeated or undecodable callbackUrl is no 5xx", async ({ request }) => {
  for (const query of [
    "callbackUrl=http%3A%2F%2Fhost.evil.example%2F",
    "callbackUrl=%2F%2Fevil.example%2F",
    "callbackUrl=/a&callbackUrl=/b",
    "callbackUrl=%2F%ED%A0%80",
    "error=Verification&error=x",
  ]) {
    const response = await request.get(`/sign-in?${query}`, { maxRedirects: 0 });
    expect(response.status(), query).toBe(200);
    // The form hands next-auth only a same-origin path: one "/", then not "/" or "\\" (or just "/", the fallback).
    expect(await response.text(), query).toMatch(/callbackUrl\\":\\"\/([^/\\]|\\")/);
  }
});
