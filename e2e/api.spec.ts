// The REST API's bad-input and authorization matrix, over real HTTP against the production build.
// Every rejected request must answer 4xx with `{ error: { code, message, issues? } }` (never 500),
// and a rejected write must leave no row behind: the e2e SQLite file is counted read-only (WAL lets
// a reader in while the server writes). Independent of what the flow spec creates: counts are
// compared before/after, and only this spec's own observation ids are looked at.
import { createHash } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readE2eTokens, type E2eTokens } from "./tokens";
import { E2E_USERS } from "./users";
import { finishedJob } from "./jobs";

test.describe.configure({ mode: "serial" });

const DB_FILE = path.resolve(__dirname, "../data/e2e/app.db");
const LIMIT = 256 * 1024;

const RAW_PROCEDURE =
  "ran an encoded PowerShell command on build-07.intra.example-victim.net, reported by ops-lead@example-victim.net, then beaconed to 10.44.12.9 over HTTPS.";
const SECRETS = ["example-victim", "ops-lead", "10.44.12.9"];

const VALID = {
  domain: "enterprise-attack",
  technique: "T1059.001",
  actor: { id: "G0016" },
  procedure: RAW_PROCEDURE,
  references: [
    {
      sourceName: "Acme Labs 2026",
      url: "https://example.org/reports/apt29-powershell",
      description: "Acme Labs. (2026, May 4). APT29 PowerShell loaders. Retrieved May 5, 2026.",
      // A published report: only a public reference keeps its URL (issue 5 item 3).
      public: true,
    },
  ],
  tlp: "CLEAR",
  credit: "anonymous",
};

type Who = keyof E2eTokens | "none";
interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[]; [k: string]: unknown };
}

let tokens: E2eTokens;
let sqlite: Database.Database;
const mine: { contributorObs?: string; adminObs?: string; release?: string; sha256?: string } = {};

test.beforeAll(() => {
  tokens = readE2eTokens();
  sqlite = new Database(DB_FILE, { readonly: true, fileMustExist: true });
});
test.afterAll(() => sqlite?.close());

function auth(who: Who): Record<string, string> {
  return who === "none" ? {} : { authorization: `Bearer ${tokens[who]}` };
}

function send(
  request: APIRequestContext,
  method: "GET" | "POST" | "PATCH",
  url: string,
  who: Who,
  data?: unknown,
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  return request.fetch(url, { method, data, headers: { ...auth(who), ...headers }, maxRedirects: 0 });
}

/** Raw bytes with a chosen Content-Type (or none), for bodies Playwright would otherwise serialize. */
function sendRaw(
  request: APIRequestContext,
  url: string,
  who: Who,
  body: string,
  contentType?: string,
  method: "POST" | "PATCH" = "POST",
) {
  const headers: Record<string, string> = { ...auth(who) };
  if (contentType) headers["content-type"] = contentType;
  return request.fetch(url, { method, data: Buffer.from(body), headers });
}

/** Asserts the error contract and returns the body for further checks. */
async function expectError(response: APIResponse, status: number, code: string): Promise<ErrorBody> {
  const text = await response.text();
  expect(response.status(), `${response.url()} answered ${response.status()}: ${text}`).not.toBe(500);
  expect(response.status(), text).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.trim().length).toBeGreaterThan(10);
  return body;
}

function issuePaths(body: ErrorBody): string[] {
  expect(Array.isArray(body.error.issues), "the error lists issues").toBe(true);
  return body.error.issues!.map((i) => i.path);
}

function counts() {
  const count = (table: string) => (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
  return {
    observations: count("Observation"),
    revisions: count("Revision"),
    comments: count("Comment"),
    releases: count("Release"),
    audit: count("AuditEvent"),
  };
}

/** Runs the rejected requests and checks that none of them wrote anything. */
async function unchanged(run: () => Promise<void>) {
  const before = counts();
  await run();
  expect(counts()).toEqual(before);
}

async function create(request: APIRequestContext, who: Who, data: unknown = VALID) {
  const response = await send(request, "POST", "/api/v1/observations", who, data);
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

async function observation(request: APIRequestContext, id: string) {
  const response = await send(request, "GET", `/api/v1/observations/${id}`, "reviewer");
  expect(response.status()).toBe(200);
  return response.json();
}

test("every route refuses a request without a valid token with 401", async ({ request }) => {
  const routes: [method: "GET" | "POST" | "PATCH", url: string, data?: unknown][] = [
    ["POST", "/api/v1/observations", VALID],
    ["GET", "/api/v1/observations/OBS-000001"],
    ["PATCH", "/api/v1/observations/OBS-000001", { version: 1, procedure: RAW_PROCEDURE }],
    ["POST", "/api/v1/observations/OBS-000001/transitions", { action: "claim", version: 1 }],
    ["GET", "/api/v1/observations/OBS-000001/revisions/diff?from=1&to=2"],
    ["POST", "/api/v1/observations/OBS-000001/revert", { toVersion: 1, version: 2 }],
    ["GET", "/api/v1/observations/OBS-000001/duplicates"],
    ["GET", "/api/v1/queue"],
    ["GET", "/api/v1/audit"],
    ["GET", "/api/v1/users"],
    ["POST", "/api/v1/users", { email: "someone@example.test", role: "REVIEWER" }],
    ["PATCH", "/api/v1/users/nobody", { deactivated: true }],
    ["GET", "/api/v1/releases"],
    ["POST", "/api/v1/releases", { name: "Nobody's release", attackVersion: "18.1" }],
    ["POST", "/api/v1/releases/nope/export"],
    ["GET", "/api/v1/releases/nope/bundle.json"],
    ["POST", "/api/v1/anonymize", { text: RAW_PROCEDURE }],
    ["GET", "/api/v1/catalog/search?q=powershell"],
    ["GET", "/api/v1/catalog/layer?domain=pre-attack"],
    ["GET", "/api/v1/catalog/changes?domain=enterprise-attack"],
    ["POST", "/api/v1/catalog/examples", { technique: "T1059.001", text: RAW_PROCEDURE }],
  ];
  const badHeaders: Record<string, string>[] = [
    {},
    { authorization: "" },
    { authorization: "Basic dXNlcjpwYXNz" },
    { authorization: "Bearer" },
    { authorization: `Bearer ${tokens.contributor} extra` },
    { authorization: `Token ${tokens.contributor}` },
    { authorization: "Bearer pe_this-token-was-never-issued" },
    { authorization: "Bearer not-even-our-prefix" },
    { authorization: `Bearer ${tokens.revoked}` },
    // A forged session cookie is no session.
    { cookie: "next-auth.session-token=forged; __Secure-next-auth.session-token=forged" },
  ];
  await unchanged(async () => {
    for (const [method, url, data] of routes) {
      for (const headers of badHeaders) {
        const response = await send(request, method, url, "none", data, headers);
        const body = await expectError(response, 401, "UNAUTHENTICATED");
        expect(body.error.message).not.toContain(tokens.revoked);
      }
    }
  });
  // A bad token is a 401 even when the body is bad too: authentication comes first.
  await expectError(
    await sendRaw(request, "/api/v1/observations", "revoked", "{oops", "application/json"),
    401,
    "UNAUTHENTICATED",
  );
});

test("POST /observations rejects malformed bodies with 400 and writes nothing", async ({ request }) => {
  const url = "/api/v1/observations";
  await unchanged(async () => {
    for (const raw of ["{not json", "", '{"technique": "T1059.001",}', "\u0000", "[1, 2"]) {
      const body = await expectError(
        await sendRaw(request, url, "contributor", raw, "application/json"),
        400,
        "VALIDATION",
      );
      expect(body.error.message).toMatch(/JSON/);
    }
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const body = await expectError(
        await sendRaw(request, url, "contributor", JSON.stringify(VALID), contentType),
        400,
        "VALIDATION",
      );
      expect(body.error.message).toContain("application/json");
    }
    await expectError(await sendRaw(request, url, "contributor", JSON.stringify(VALID)), 400, "VALIDATION");

    // Valid JSON that is not an object.
    for (const raw of ["null", "[]", '"a procedure"', "42", "true"]) {
      const body = await expectError(
        await sendRaw(request, url, "contributor", raw, "application/json"),
        400,
        "VALIDATION",
      );
      expect(issuePaths(body)).toContain("(body)");
    }

    // Wrong types: every offending field is named by its path.
    const wrong = await expectError(
      await send(request, "POST", url, "contributor", {
        domain: "enterprise-attack",
        technique: 1059,
        actor: { id: 16 },
        procedure: ["not", "a", "string"],
        references: "see the report",
        tlp: "RED",
        credit: true,
        draft: "yes",
      }),
      400,
      "VALIDATION",
    );
    const paths = issuePaths(wrong);
    for (const field of ["technique", "procedure", "references", "tlp", "credit", "draft"])
      expect(paths).toContain(field);
    expect(paths.some((p) => p.startsWith("actor"))).toBe(true);
    for (const issue of wrong.error.issues!) expect(issue.message.length).toBeGreaterThan(0);

    const nested = await expectError(
      await send(request, "POST", url, "contributor", {
        ...VALID,
        references: [{ sourceName: "Acme", url: "javascript:alert(1)", description: 7 }],
      }),
      400,
      "VALIDATION",
    );
    expect(issuePaths(nested)).toEqual(expect.arrayContaining(["references.0.url", "references.0.description"]));

    // Fields the server owns cannot be set by the client.
    for (const extra of [{ status: "ACCEPTED" }, { contributorId: "someone-else" }, { version: 7 }]) {
      await expectError(await send(request, "POST", url, "contributor", { ...VALID, ...extra }), 400, "VALIDATION");
    }

    const missing = await expectError(await send(request, "POST", url, "contributor", {}), 400, "VALIDATION");
    expect(issuePaths(missing)).toEqual(expect.arrayContaining(["technique", "actor", "procedure", "references"]));

    const short = await expectError(
      await send(request, "POST", url, "contributor", { ...VALID, procedure: "too short" }),
      400,
      "VALIDATION",
    );
    expect(issuePaths(short)).toContain("procedure");

    // Dates that match the pattern but are not dates.
    for (const observedFrom of ["2024-13", "2024-00", "2024-02-30", "2024-04-31"]) {
      const body = await expectError(
        await send(request, "POST", url, "contributor", { ...VALID, observedFrom }),
        400,
        "VALIDATION",
      );
      expect(issuePaths(body)).toContain("observedFrom");
    }
    const reversed = await expectError(
      await send(request, "POST", url, "contributor", { ...VALID, observedFrom: "2025-06", observedTo: "2025-01" }),
      400,
      "VALIDATION",
    );
    expect(issuePaths(reversed)).toContain("observedTo");
    const both = await expectError(
      await send(request, "POST", url, "contributor", { ...VALID, country: "DE", region: "RIPE NCC" }),
      400,
      "VALIDATION",
    );
    expect(issuePaths(both)).toContain("region");
  });
});

test("POST /observations rejects unknown ATT&CK ids with 400 and writes nothing", async ({ request }) => {
  const url = "/api/v1/observations";
  await unchanged(async () => {
    const technique = await expectError(
      await send(request, "POST", url, "contributor", { ...VALID, technique: "T9999" }),
      400,
      "VALIDATION",
    );
    expect(issuePaths(technique)).toEqual(["technique"]);
    expect(technique.error.message).toContain("T9999");

    for (const ref of [
      "T1059.999",
      "G0016", // an actor is not a technique
      "attack-pattern--00000000-0000-4000-8000-000000000000",
    ]) {
      const body = await expectError(
        await send(request, "POST", url, "contributor", { ...VALID, technique: ref }),
        400,
        "VALIDATION",
      );
      expect(issuePaths(body)).toEqual(["technique"]);
    }
    // A real technique, but not in the domain named.
    await expectError(
      await send(request, "POST", url, "contributor", { ...VALID, domain: "mobile-attack" }),
      400,
      "VALIDATION",
    );
    await expectError(
      await send(request, "POST", url, "contributor", { ...VALID, domain: "pre-attack" }),
      400,
      "VALIDATION",
    );

    for (const id of ["G9999", "T1059.001", "intrusion-set--00000000-0000-4000-8000-000000000000"]) {
      const actor = await expectError(
        await send(request, "POST", url, "contributor", { ...VALID, actor: { id } }),
        400,
        "VALIDATION",
      );
      expect(issuePaths(actor)).toEqual(["actor.id"]);
    }
    const g9999 = await expectError(
      await send(request, "POST", url, "contributor", { ...VALID, actor: { id: "G9999" } }),
      400,
      "VALIDATION",
    );
    expect(g9999.error.message).toContain("G9999");
  });
});

test("oversize bodies get 413, declared or streamed, and write nothing", async ({ request, baseURL }) => {
  const big = { ...VALID, procedure: "x".repeat(LIMIT + 1024) };
  await unchanged(async () => {
    await expectError(
      await send(request, "POST", "/api/v1/observations", "contributor", big),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    await expectError(
      await send(request, "POST", "/api/v1/anonymize", "contributor", { text: "y".repeat(LIMIT + 1) }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    await expectError(
      await send(request, "POST", "/api/v1/releases", "admin", { name: "z".repeat(LIMIT + 1), attackVersion: "18.1" }),
      413,
      "PAYLOAD_TOO_LARGE",
    );

    // Chunked, without a Content-Length: the limit holds while reading.
    const bytes = new TextEncoder().encode(JSON.stringify(big));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 16 * 1024) controller.enqueue(bytes.slice(i, i + 16 * 1024));
        controller.close();
      },
    });
    const response = await fetch(`${baseURL}/api/v1/observations`, {
      method: "POST",
      headers: { ...auth("contributor"), "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    expect(response.status).toBe(413);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(body.error.message).toMatch(/256 KB/);
  });
});

test("a valid create answers 201 with a scrubbed procedure and its findings", async ({ request }) => {
  const before = counts();
  const created = await create(request, "contributor");
  expect(created.id).toMatch(/^OBS-\d{6}$/);
  expect(created.status).toBe("SUBMITTED");
  expect(created.version).toBe(1);
  expect(created.technique.id).toBe("T1059.001");
  expect(created.actor.kind).toBe("EXISTING");
  // The raw values come back only in `findings`, to the person who sent them, so they can check
  // what was replaced; they are neither stored nor shown anywhere else.
  const { findings, ...view } = created;
  for (const secret of SECRETS) expect(JSON.stringify(view)).not.toContain(secret);
  expect((findings as { value: string }[]).map((f) => f.value)).toEqual(
    expect.arrayContaining(["10.44.12.9", expect.stringContaining("example-victim")]),
  );
  expect(created.procedure).toContain("[HOST-1]");
  expect(created.procedure).toContain("[EMAIL-1]");
  expect(created.procedure).toContain("[IP-1]");
  const kinds = (findings as { kind: string }[]).map((f) => f.kind);
  expect(kinds).toEqual(expect.arrayContaining(["HOST", "EMAIL", "IP"]));
  // One observation, its first revision and its audit event, written together.
  expect(counts()).toEqual({
    ...before,
    observations: before.observations + 1,
    revisions: before.revisions + 1,
    audit: before.audit + 1,
  });
  const stored = sqlite
    .prepare(`SELECT procedure, status, version FROM "Observation" WHERE publicId = ?`)
    .get(created.id) as { procedure: string; status: string; version: number };
  expect(stored).toEqual({ procedure: created.procedure, status: "SUBMITTED", version: 1 });
  const fetched = await send(request, "GET", `/api/v1/observations/${created.id}`, "contributor");
  for (const secret of SECRETS) expect(await fetched.text()).not.toContain(secret);
  mine.contributorObs = created.id;

  // Another account's observation, for the visibility and workflow checks: the admin submits it.
  const other = await create(request, "admin", {
    ...VALID,
    technique: "T1053.005",
    procedure: "created a scheduled task named OneDriveStandaloneUpdate that launched the loader every hour.",
  });
  expect(other.status).toBe("SUBMITTED");
  mine.adminObs = other.id;
});

test("GET /observations/:id shows an observation to its owner and reviewers only", async ({ request }) => {
  const own = await send(request, "GET", `/api/v1/observations/${mine.contributorObs}`, "contributor");
  expect(own.status()).toBe(200);
  expect((await own.json()).id).toBe(mine.contributorObs);
  // Lower-case ids are the same observation.
  const lower = await send(request, "GET", `/api/v1/observations/${mine.contributorObs!.toLowerCase()}`, "contributor");
  expect(lower.status()).toBe(200);

  const hidden = await expectError(
    await send(request, "GET", `/api/v1/observations/${mine.adminObs}`, "contributor"),
    404,
    "NOT_FOUND",
  );
  expect(JSON.stringify(hidden)).not.toContain("scheduled task");
  expect((await observation(request, mine.adminObs!)).id).toBe(mine.adminObs);
  expect((await observation(request, mine.contributorObs!)).id).toBe(mine.contributorObs);

  for (const id of ["OBS-999999", "nothing", "OBS-000001%27%20OR%201%3D1", "%00"]) {
    await expectError(await send(request, "GET", `/api/v1/observations/${id}`, "reviewer"), 404, "NOT_FOUND");
  }
});

test("GET /queue is for reviewers, oldest first", async ({ request }) => {
  await expectError(await send(request, "GET", "/api/v1/queue", "contributor"), 403, "FORBIDDEN");
  const response = await send(request, "GET", "/api/v1/queue", "reviewer");
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: { id: string; createdAt: string }[] };
  const times = items.map((i) => Date.parse(i.createdAt));
  expect(times).toEqual([...times].sort((a, b) => a - b));
  const ids = items.map((i) => i.id);
  expect(ids).toContain(mine.contributorObs);
  expect(ids).toContain(mine.adminObs);
  expect(ids.indexOf(mine.contributorObs!)).toBeLessThan(ids.indexOf(mine.adminObs!));

  const one = await send(request, "GET", "/api/v1/queue?limit=1", "admin");
  expect(one.status()).toBe(200);
  expect((await one.json()).items).toHaveLength(1);
  for (const limit of ["0", "-5", "1.5", "abc", "1e3", "501", ""]) {
    const body = await expectError(
      await send(request, "GET", `/api/v1/queue?limit=${limit}`, "reviewer"),
      400,
      "VALIDATION",
    );
    expect(body.error.message).toContain("limit");
  }
});

test("transitions: roles, states and versions are enforced, and refusals write nothing", async ({ request }) => {
  const url = (id: string) => `/api/v1/observations/${id}/transitions`;
  const contributorObs = mine.contributorObs!;
  const adminObs = mine.adminObs!;

  await unchanged(async () => {
    // Only reviewers accept; the contributor does not even see someone else's observation.
    const forbidden = await expectError(
      await send(request, "POST", url(contributorObs), "contributor", { action: "accept", version: 1 }),
      403,
      "FORBIDDEN",
    );
    expect(forbidden.error.message).toMatch(/reviewer/i);
    await expectError(
      await send(request, "POST", url(adminObs), "contributor", { action: "accept", version: 1 }),
      404,
      "NOT_FOUND",
    );
    // Nobody reviews their own observation.
    await expectError(
      await send(request, "POST", url(adminObs), "admin", { action: "claim", version: 1 }),
      403,
      "FORBIDDEN",
    );
    // Owner actions belong to the owner.
    await expectError(
      await send(request, "POST", url(adminObs), "reviewer", { action: "withdraw", version: 1 }),
      403,
      "FORBIDDEN",
    );

    const state = await expectError(
      await send(request, "POST", url(adminObs), "reviewer", { action: "accept", version: 1 }),
      409,
      "INVALID_STATE",
    );
    expect(state.error.status).toBe("SUBMITTED");

    const stale = await expectError(
      await send(request, "POST", url(adminObs), "reviewer", { action: "claim", version: 7 }),
      409,
      "CONFLICT",
    );
    const current = stale.error.current as { id: string; status: string; version: number };
    expect(current).toMatchObject({ id: adminObs, status: "SUBMITTED", version: 1 });
    await expectError(
      await send(request, "POST", url(adminObs), "reviewer", { action: "claim", version: 2 ** 31 }),
      409,
      "CONFLICT",
    );

    await expectError(
      await send(request, "POST", url("OBS-999999"), "reviewer", { action: "claim", version: 1 }),
      404,
      "NOT_FOUND",
    );
    const unknown = await expectError(
      await send(request, "POST", url(adminObs), "reviewer", { action: "approve", version: 1 }),
      400,
      "VALIDATION",
    );
    expect(issuePaths(unknown)).toEqual(["action"]);
    const types = await expectError(
      await send(request, "POST", url(adminObs), "reviewer", { action: "claim", version: "1", comment: 5 }),
      400,
      "VALIDATION",
    );
    expect(issuePaths(types)).toEqual(expect.arrayContaining(["version", "comment"]));
    for (const version of [0, -1, 1.5, 1e300]) {
      const body = await expectError(
        await send(request, "POST", url(adminObs), "reviewer", { action: "claim", version }),
        400,
        "VALIDATION",
      );
      expect(issuePaths(body)).toEqual(["version"]);
    }
    await expectError(
      await send(request, "POST", url(adminObs), "reviewer", { action: "claim", version: 1, by: "admin" }),
      400,
      "VALIDATION",
    );
    await expectError(
      await sendRaw(request, url(adminObs), "reviewer", '{"action":"claim",', "application/json"),
      400,
      "VALIDATION",
    );
    await expectError(
      await sendRaw(request, url(adminObs), "reviewer", '{"action":"claim","version":1}', "text/plain"),
      400,
      "VALIDATION",
    );
    await expectError(
      await send(request, "POST", url(adminObs), "reviewer", {
        action: "claim",
        version: 1,
        comment: "c".repeat(LIMIT),
      }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
  });
  expect(await observation(request, adminObs)).toMatchObject({ status: "SUBMITTED", version: 1 });

  // Claim, then accept: each step moves the version on by one.
  const claimed = await send(request, "POST", url(adminObs), "reviewer", { action: "claim", version: 1 });
  expect(claimed.status()).toBe(200);
  expect(await claimed.json()).toEqual({ id: adminObs, status: "IN_REVIEW", version: 2 });
  // The same claim again is now stale.
  await expectError(
    await send(request, "POST", url(adminObs), "reviewer", { action: "claim", version: 1 }),
    409,
    "CONFLICT",
  );
  await unchanged(async () => {
    const comment = await expectError(
      await send(request, "POST", url(adminObs), "reviewer", { action: "reject", version: 2 }),
      400,
      "VALIDATION",
    );
    expect(issuePaths(comment)).toEqual(["comment"]);
    const dup = await expectError(
      await send(request, "POST", url(adminObs), "reviewer", { action: "duplicate", version: 2 }),
      400,
      "VALIDATION",
    );
    expect(issuePaths(dup)).toEqual(["duplicateOf"]);
    for (const duplicateOf of ["OBS-999999", adminObs]) {
      const body = await expectError(
        await send(request, "POST", url(adminObs), "reviewer", { action: "duplicate", version: 2, duplicateOf }),
        400,
        "VALIDATION",
      );
      expect(issuePaths(body)).toEqual(["duplicateOf"]);
    }
  });
  const accepted = await send(request, "POST", url(adminObs), "reviewer", {
    action: "accept",
    version: 2,
    comment: "Well sourced.",
  });
  expect(accepted.status()).toBe(200);
  expect(await accepted.json()).toEqual({ id: adminObs, status: "ACCEPTED", version: 3 });
  const revisions = sqlite
    .prepare(
      `SELECT r.version, r.reason FROM "Revision" r JOIN "Observation" o ON o.id = r.observationId WHERE o.publicId = ? ORDER BY r.version`,
    )
    .all(adminObs);
  expect(revisions).toEqual([
    { version: 1, reason: "created" },
    { version: 2, reason: "claim" },
    { version: 3, reason: "accept" },
  ]);
});

test("PATCH /observations/:id validates, scopes and versions edits", async ({ request }) => {
  const url = `/api/v1/observations/${mine.contributorObs}`;
  // A reviewer edits only what they have claimed.
  await unchanged(async () => {
    const unclaimed = await expectError(
      await send(request, "PATCH", url, "reviewer", { version: 1, procedure: RAW_PROCEDURE }),
      409,
      "INVALID_STATE",
    );
    expect(unclaimed.error.message).toMatch(/Claim it first/);
  });
  const claimed = await send(request, "POST", `${url}/transitions`, "reviewer", { action: "claim", version: 1 });
  expect(claimed.status()).toBe(200);
  await unchanged(async () => {
    // The owner may not edit once it is submitted; others do not see it at all.
    await expectError(
      await send(request, "PATCH", url, "contributor", { version: 1, procedure: RAW_PROCEDURE }),
      409,
      "INVALID_STATE",
    );
    await expectError(
      await send(request, "PATCH", `/api/v1/observations/${mine.adminObs}`, "contributor", {
        version: 3,
        procedure: RAW_PROCEDURE,
      }),
      404,
      "NOT_FOUND",
    );
    const types = await expectError(
      await send(request, "PATCH", url, "reviewer", { version: "1", references: {}, technique: ["T1059"] }),
      400,
      "VALIDATION",
    );
    expect(issuePaths(types)).toEqual(expect.arrayContaining(["version", "references", "technique"]));
    // A reviewer's edit of someone else's work says why: without a reason it is refused, naming the field.
    const reasonless = await expectError(
      await send(request, "PATCH", url, "reviewer", { version: 2, procedure: RAW_PROCEDURE }),
      400,
      "VALIDATION",
    );
    expect(issuePaths(reasonless)).toEqual(["reason"]);
    expect(reasonless.error.message).toMatch(/reason/);
    const technique = await expectError(
      await send(request, "PATCH", url, "reviewer", { version: 1, technique: "T9999", reason: "other technique" }),
      400,
      "VALIDATION",
    );
    expect(issuePaths(technique)).toEqual(["technique"]);
    const stale = await expectError(
      await send(request, "PATCH", url, "reviewer", { version: 5, procedure: RAW_PROCEDURE, reason: "stale" }),
      409,
      "CONFLICT",
    );
    expect(stale.error.current).toMatchObject({ id: mine.contributorObs, version: 2 });
    await expectError(
      await send(request, "PATCH", url, "reviewer", { version: 2 ** 31, procedure: RAW_PROCEDURE, reason: "stale" }),
      409,
      "CONFLICT",
    );
    await expectError(await sendRaw(request, url, "reviewer", "{", "application/json", "PATCH"), 400, "VALIDATION");
    await expectError(
      await send(request, "PATCH", "/api/v1/observations/OBS-999999", "reviewer", { version: 1 }),
      404,
      "NOT_FOUND",
    );
  });
  expect(await observation(request, mine.contributorObs!)).toMatchObject({
    version: 2,
    technique: { id: "T1059.001" },
  });

  const edited = await send(request, "PATCH", url, "reviewer", {
    version: 2,
    procedure: `${RAW_PROCEDURE} The loader also copied itself to C:\\ProgramData.`,
    reason: "added the copy step",
  });
  expect(edited.status()).toBe(200);
  const view = await edited.json();
  expect(view.version).toBe(3);
  for (const secret of SECRETS) expect(view.procedure).not.toContain(secret);
});

test("POST /releases and export: admins only, validated, idempotent", async ({ request }) => {
  const name = `API spec release ${Date.now()}`;
  await unchanged(async () => {
    for (const who of ["contributor", "reviewer"] as const) {
      await expectError(
        await send(request, "POST", "/api/v1/releases", who, { name, attackVersion: "18.1" }),
        403,
        "FORBIDDEN",
      );
    }
    for (const attackVersion of ["v18", "18", "", 18.1, "18.1; DROP TABLE"]) {
      const body = await expectError(
        await send(request, "POST", "/api/v1/releases", "admin", { name, attackVersion }),
        400,
        "VALIDATION",
      );
      expect(issuePaths(body)).toEqual(["attackVersion"]);
    }
    const fields = await expectError(
      await send(request, "POST", "/api/v1/releases", "admin", { name: 1, domain: "pre-attack", status: "EXPORTED" }),
      400,
      "VALIDATION",
    );
    expect(issuePaths(fields)).toEqual(expect.arrayContaining(["name", "domain", "attackVersion"]));
    await expectError(await sendRaw(request, "/api/v1/releases", "admin", "{", "application/json"), 400, "VALIDATION");

    for (const who of ["admin", "reviewer"] as const) {
      await expectError(
        await send(request, "POST", "/api/v1/releases/no-such-release/export", who),
        who === "admin" ? 404 : 403,
        who === "admin" ? "NOT_FOUND" : "FORBIDDEN",
      );
    }
    await expectError(
      await send(request, "GET", "/api/v1/releases/no-such-release/bundle.json", "admin"),
      404,
      "NOT_FOUND",
    );
  });

  const created = await send(request, "POST", "/api/v1/releases", "admin", { name, attackVersion: "18.1" });
  expect(created.status(), await created.text()).toBe(201);
  const release = await created.json();
  expect(release).toMatchObject({ status: "OPEN", name, domain: "enterprise-attack", attackVersion: "18.1" });
  expect(typeof release.id).toBe("string");
  mine.release = release.id;

  await unchanged(async () => {
    // One open release per domain.
    await expectError(
      await send(request, "POST", "/api/v1/releases", "admin", { name: `${name} bis`, attackVersion: "18.1" }),
      409,
      "CONFLICT",
    );
    // Not exported yet: no bundle to download.
    await expectError(
      await send(request, "GET", `/api/v1/releases/${release.id}/bundle.json`, "admin"),
      409,
      "INVALID_STATE",
    );
    await expectError(
      await send(request, "POST", `/api/v1/releases/${release.id}/export`, "reviewer"),
      403,
      "FORBIDDEN",
    );
  });

  const listed = await send(request, "GET", "/api/v1/releases", "contributor");
  expect(listed.status()).toBe(200);
  const entry = ((await listed.json()).items as { id: string; observations: number }[]).find(
    (r) => r.id === release.id,
  );
  expect(entry?.observations).toBe(1);

  // The export is a job: 202 at once, then followed at its Location until it is done.
  const exported = await send(request, "POST", `/api/v1/releases/${release.id}/export`, "admin");
  const job = await finishedJob(request, exported, auth("admin"));
  expect(job).toMatchObject({ kind: "release-export", status: "DONE", error: null, progress: { done: 5, total: 5 } });
  const first = job.result;
  expect(first.status).toBe("EXPORTED");
  expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
  mine.sha256 = first.sha256;
  // Whoever did not start it learns nothing of it.
  await expectError(await send(request, "GET", job.url, "contributor"), 404, "NOT_FOUND");

  const again = await send(request, "POST", `/api/v1/releases/${release.id}/export`, "admin");
  const againJob = await finishedJob(request, again, auth("admin"));
  expect(againJob.id).not.toBe(job.id);
  expect(againJob.result).toMatchObject({ status: "EXPORTED", sha256: first.sha256 });

  const download = await send(request, "GET", `/api/v1/releases/${release.id}/bundle.json`, "contributor");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toContain("application/json");
  const text = await download.text();
  expect(createHash("sha256").update(text).digest("hex")).toBe(first.sha256);
  const bundle = JSON.parse(text) as { type: string; objects: { type: string; description?: string }[] };
  expect(bundle.type).toBe("bundle");
  const uses = bundle.objects.filter((o) => o.type === "relationship");
  expect(uses).toHaveLength(1);
  expect(uses[0].description).toContain("OneDriveStandaloneUpdate");
  for (const secret of SECRETS) expect(text).not.toContain(secret);

  // Exported work is final: it cannot be reopened (reopening is an admin's, with a reason), and the name is taken.
  expect(await observation(request, mine.adminObs!)).toMatchObject({ status: "PUBLISHED", version: 4 });
  await unchanged(async () => {
    await expectError(
      await send(request, "POST", `/api/v1/observations/${mine.adminObs}/transitions`, "reviewer", {
        action: "reopen",
        version: 4,
        comment: "Second thoughts.",
      }),
      403,
      "FORBIDDEN",
    );
    await expectError(
      await send(request, "POST", "/api/v1/releases", "admin", { name, attackVersion: "18.1" }),
      409,
      "CONFLICT",
    );
  });
});

test("POST /anonymize and GET /catalog/search reject bad input", async ({ request }) => {
  const types = await expectError(
    await send(request, "POST", "/api/v1/anonymize", "contributor", { text: 5, keep: "all" }),
    400,
    "VALIDATION",
  );
  expect(issuePaths(types)).toEqual(expect.arrayContaining(["text", "keep"]));
  await expectError(
    await sendRaw(request, "/api/v1/anonymize", "contributor", "text=hi", "text/plain"),
    400,
    "VALIDATION",
  );
  const preview = await send(request, "POST", "/api/v1/anonymize", "contributor", { text: RAW_PROCEDURE });
  expect(preview.status()).toBe(200);
  const scrubbed = await preview.json();
  for (const secret of SECRETS) expect(scrubbed.text).not.toContain(secret);

  await expectError(
    await send(request, "GET", "/api/v1/catalog/search?q=x&domain=pre-attack", "contributor"),
    400,
    "VALIDATION",
  );
  await expectError(
    await send(request, "GET", "/api/v1/catalog/search?q=x&kinds=technique,weapon", "contributor"),
    400,
    "VALIDATION",
  );
  const found = await send(request, "GET", "/api/v1/catalog/search?q=T1059.001", "contributor");
  expect(found.status()).toBe(200);
});

// The e2e catalog is one version (Enterprise 18.1), so no change set exists: a 404 saying why. The change sets
// themselves are tested against v6.3 → v7.0 in lib/attack/changes.integration.test.ts.
test("GET /catalog/changes: a bad domain is a 400, a pair never imported in sequence a 404 saying so", async ({
  request,
}) => {
  await expectError(
    await send(request, "GET", "/api/v1/catalog/changes?domain=pre-attack", "contributor"),
    400,
    "VALIDATION",
  );
  const none = await expectError(
    await send(request, "GET", "/api/v1/catalog/changes?domain=enterprise-attack&from=6.3&to=7.0", "contributor"),
    404,
    "NOT_FOUND",
  );
  expect(none.error.message).toMatch(/from 6\.3 to 7\.0: those versions were not imported one after the other/);
});

test("cookie-authenticated writes need this app's Origin; reads and bearer tokens do not", async ({
  page,
  signIn,
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  await signIn(page, E2E_USERS.admin.email);
  const cookie = page.request;
  await unchanged(async () => {
    const origins: Record<string, string>[] = [{}, { origin: "http://127.0.0.1:3229" }, { origin: "null" }];
    for (const headers of origins) {
      const refused = await expectError(
        await cookie.post("/api/v1/releases", { data: { name: "Forged", attackVersion: "18.1" }, headers }),
        403,
        "FORBIDDEN",
      );
      expect(refused.error.message).toMatch(/Origin|came from/);
      expect(refused.error.message).toMatch(/Bearer/);
      await expectError(
        await cookie.fetch("/api/v1/observations/OBS-000001/transitions", {
          method: "POST",
          data: { action: "claim", version: 1 },
          headers,
        }),
        403,
        "FORBIDDEN",
      );
    }
    // From the app's own origin the cookie is accepted (and the request judged on its merits).
    await expectError(
      await cookie.post("/api/v1/releases/no-such-release/export", { headers: { origin } }),
      404,
      "NOT_FOUND",
    );
    // A bearer token is no ambient credential: no Origin needed, a foreign one changes nothing.
    await expectError(
      await send(request, "POST", "/api/v1/releases/no-such-release/export", "admin", undefined, {
        origin: "http://127.0.0.1:3229",
      }),
      404,
      "NOT_FOUND",
    );
  });
  // Reads never need an Origin.
  expect((await cookie.get("/api/v1/releases")).status()).toBe(200);
});
