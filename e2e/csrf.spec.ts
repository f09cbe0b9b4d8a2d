// Issue 5 item 5: a page on another port of the same host (same *site*, so the SameSite=Lax session
// cookie is sent) must not be able to make a signed-in admin's browser write. The attacker page is
// served by the test from 127.0.0.1:3221; the app must answer its form POST and its credentialed
// fetch with 403, and the release must stay as it was.
import { createServer, type Server } from "node:http";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";
import { finishedJob } from "./jobs";

const ATTACKER_PORT = 3221;
const ATTACKER = `http://127.0.0.1:${ATTACKER_PORT}`;
// A domain no other spec releases in, so the open release this spec may create blocks nobody.
const DOMAIN = "ics-attack";

let attacker: Server;
let page = "";

test.beforeAll(async () => {
  attacker = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(page);
  });
  await new Promise<void>((resolve) => attacker.listen(ATTACKER_PORT, "127.0.0.1", resolve));
});
test.afterAll(() => new Promise<void>((resolve) => attacker.close(() => resolve())));

const admin = () => ({ authorization: `Bearer ${readE2eTokens().admin}` });

async function releaseInDomain(request: APIRequestContext): Promise<{ id: string; status: string }> {
  const list = await request.get("/api/v1/releases", { headers: admin() });
  expect(list.status()).toBe(200);
  const items = (await list.json()).items as { id: string; status: string; domain: string }[];
  const open = items.find((r) => r.domain === DOMAIN && r.status === "OPEN");
  if (open) return open;
  const created = await request.post("/api/v1/releases", {
    headers: admin(),
    data: { domain: DOMAIN, name: `CSRF probe ${Date.now()}`, attackVersion: "18.1" },
  });
  expect(created.status(), await created.text()).toBe(201);
  return created.json();
}

async function status(request: APIRequestContext, id: string) {
  const list = await request.get("/api/v1/releases", { headers: admin() });
  return ((await list.json()).items as { id: string; status: string }[]).find((r) => r.id === id)?.status;
}

test("a cross-site form and fetch cannot export a release with the admin's cookie", async ({
  page: browser,
  signIn,
  request,
  baseURL,
}) => {
  const release = await releaseInDomain(request);
  const target = `${baseURL}/api/v1/releases/${release.id}/export`;
  await signIn(browser, E2E_USERS.admin.email);

  // 1. A form that posts itself as soon as the page loads (no body: the exact probe).
  page = `<form method="post" action="${target}"></form><script>document.forms[0].submit()</script>`;
  const [formAnswer] = await Promise.all([
    browser.waitForResponse((r) => r.url() === target && r.request().method() === "POST"),
    browser.goto(`${ATTACKER}/form`),
  ]);
  expect(await formAnswer.request().headerValue("cookie"), "the browser sends the cookie").toContain("session-token");
  expect(formAnswer.status()).toBe(403);
  expect((await formAnswer.json()).error).toMatchObject({ code: "FORBIDDEN", message: /Bearer/ });

  // 2. A credentialed fetch from the attacker's origin (a "simple" request: no preflight).
  page = `<script>fetch(${JSON.stringify(target)}, { method: "POST", credentials: "include", mode: "no-cors" })</script>`;
  const [fetchAnswer] = await Promise.all([
    browser.waitForResponse((r) => r.url() === target && r.request().method() === "POST"),
    browser.goto(`${ATTACKER}/fetch`),
  ]);
  expect(fetchAnswer.status()).toBe(403);

  expect(await status(request, release.id)).toBe(release.status);

  // The app's own origin with the same cookie is let through (here: its job refused only for being empty).
  const own = await browser.request.post(target, { headers: { origin: new URL(baseURL!).origin } });
  expect(own.status(), await own.text()).not.toBe(403);
  const job = await finishedJob(browser.request, own, {});
  expect(job.error).toMatchObject({ code: "INVALID_STATE" });
});
