// Issue 5 item 1: the local outbox holds sign-in links, so reading it is signing in as anyone. These
// servers run without SMTP (mail goes to the outbox folder) in the configurations the outbox rule
// (lib/mail/outbox-access.ts) must refuse: a public NEXTAUTH_URL, a client that is not on loopback,
// and production, which must not start at all.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { listening, runServerToExit, startServer, type SpawnedServer } from "./servers";

const SPOOFED = { "x-pe-remote-addr": "127.0.0.1", "X-Forwarded-For": "127.0.0.1" };

/** Asks for a sign-in link the way a browser does (CSRF token and its cookie), as anyone on the network can. */
async function requestSignInLink(base: string, email: string): Promise<void> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${base}/api/auth/signin/email`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: base, json: "true" }),
  });
  expect(res.status, await res.text()).toBeLessThan(400);
}

/**
 * The one mail in the server's outbox folder: its id (as in /dev/outbox/<id>) and the link's token. Mail is queued
 * and sent by the worker just after the request, so it is waited for (up to 10 s).
 */
async function mailInOutbox(server: SpawnedServer, email: string): Promise<{ id: string; token: string }> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const files = existsSync(server.outboxDir) ? readdirSync(server.outboxDir).filter((f) => f.endsWith(".json")) : [];
    for (const file of files) {
      const text = readFileSync(path.join(server.outboxDir, file), "utf8");
      const token = /token=([0-9a-f]+)/.exec(text)?.[1];
      if (text.includes(email) && token) return { id: file.replace(/\.json$/, ""), token };
    }
    if (Date.now() > deadline) {
      throw new Error(`no sign-in mail for ${email} in ${server.outboxDir} (${files.join(", ") || "empty"})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers, redirect: "manual" });
  return { status: res.status, body: await res.text() };
}

test.describe("a public NEXTAUTH_URL without SMTP", () => {
  let server: SpawnedServer;
  test.beforeAll(async () => {
    server = await startServer({ name: "public", port: 3211, env: { NEXTAUTH_URL: "https://exchange.example.org" } });
  });
  test.afterAll(async () => server?.stop());

  test("nobody can read a sign-in link for admin: the outbox is a 404, also with spoofed client headers", async ({
    page,
  }) => {
    const base = `http://127.0.0.1:${server.port}`;
    const email = "admin@exchange.example.org";
    await requestSignInLink(base, email);
    // The link really is in the outbox folder on the server, so the refusals below are not vacuous.
    const { id, token } = await mailInOutbox(server, email);

    for (const url of [`${base}/dev/outbox`, `${base}/dev/outbox/${id}`])
      for (const headers of [{}, SPOOFED]) {
        const answer = await get(url, headers);
        expect(answer.status, `${url} ${JSON.stringify(headers)}`).toBe(404);
        expect(answer.body).not.toContain(token);
        expect(answer.body).not.toContain(email);
      }

    // The "check your e-mail" page does not point at the outbox; it says where the operator finds the mail.
    await page.goto(`${base}/sign-in/check`);
    await expect(page.getByText("outbox folder on the server")).toBeVisible();
    await expect(page.locator('a[href^="/dev/outbox"]')).toHaveCount(0);
  });
});

// A network namespace joined to this host by a veth pair in TEST-NET-2 (198.51.100.0/30): a client that
// is really not on loopback. Only these two addresses and loopback ever see traffic. Not TEST-NET-1:
// these machines' own eth0 is 192.0.2.2/24 with its gateway at 192.0.2.1, which a /30 there would hijack.
const HOST_ADDRESS = "198.51.100.1";
const NS_ADDRESS = "198.51.100.2";
const NS = "pe-outbox-ns";
const HOST_IF = "pe-outbox-h";
const NS_IF = "pe-outbox-n";

function ip(...args: string[]) {
  execFileSync("ip", args, { stdio: "pipe" });
}

function removeNamespace() {
  for (const args of [
    ["netns", "del", NS],
    ["link", "del", HOST_IF],
  ]) {
    try {
      ip(...args);
    } catch {
      // Not there: nothing to clean.
    }
  }
}

/** Sets up the namespace, or says why it cannot (not root, no netns support). */
function createNamespace(): string | null {
  if (process.getuid?.() !== 0) return "creating a network namespace needs root";
  removeNamespace();
  // Never take over addresses or routes this machine already uses.
  const inUse = execFileSync("ip", ["-4", "route", "show", "table", "all"], { encoding: "utf8" });
  if (inUse.includes("198.51.100.")) return "198.51.100.0/24 is already routed on this machine";
  try {
    ip("netns", "add", NS);
    ip("link", "add", HOST_IF, "type", "veth", "peer", "name", NS_IF);
    ip("link", "set", NS_IF, "netns", NS);
    ip("addr", "add", `${HOST_ADDRESS}/30`, "dev", HOST_IF);
    ip("link", "set", HOST_IF, "up");
    ip("netns", "exec", NS, "ip", "addr", "add", `${NS_ADDRESS}/30`, "dev", NS_IF);
    ip("netns", "exec", NS, "ip", "link", "set", NS_IF, "up");
    ip("netns", "exec", NS, "ip", "link", "set", "lo", "up");
    return null;
  } catch (error) {
    removeNamespace();
    return `ip netns failed: ${(error as Error).message}`;
  }
}

/** GET from inside the namespace; `curl -w` appends the status code on its own line. */
function getFromNamespace(url: string, headers: Record<string, string> = {}) {
  const args = ["netns", "exec", NS, "curl", "-s", "--max-time", "20", "-w", "\n%{http_code}"];
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}: ${value}`);
  const out = execFileSync("ip", [...args, url], { encoding: "utf8" });
  const at = out.lastIndexOf("\n");
  return { status: Number(out.slice(at + 1)), body: out.slice(0, at) };
}

test.describe("a local instance listening on all interfaces (HOST=0.0.0.0)", () => {
  let server: SpawnedServer | undefined;
  let skipReason: string | null = null;
  const port = 3212;
  test.beforeAll(async () => {
    skipReason = createNamespace();
    if (skipReason) return;
    server = await startServer({
      name: "all-interfaces",
      port,
      env: { HOST: "0.0.0.0", NEXTAUTH_URL: `http://localhost:${port}` },
    });
  });
  test.afterAll(async () => {
    await server?.stop();
    removeNamespace();
  });

  test("loopback reads the outbox; a client on the network gets 404, whatever headers it sends", async () => {
    test.skip(skipReason !== null, skipReason ?? "");
    const local = `http://127.0.0.1:${port}`;
    const email = "admin@example.org";
    await requestSignInLink(local, email);
    const { id, token } = await mailInOutbox(server!, email);

    // This machine may read it (the rule is not simply "never").
    const list = await get(`${local}/dev/outbox`);
    expect(list.status).toBe(200);
    expect(list.body).toContain(id);
    expect((await get(`${local}/dev/outbox/${id}`)).body).toContain(token);
    // DNS rebinding: a page on a foreign name that resolves to 127.0.0.1 arrives from loopback too.
    const rebound = execFileSync(
      "curl",
      ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Host: evil.example", `${local}/dev/outbox/${id}`],
      { encoding: "utf8" },
    );
    expect(rebound).toBe("404");

    const remote = `http://${HOST_ADDRESS}:${port}`;
    // The server is reachable from the namespace: the sign-in page answers.
    expect(getFromNamespace(`${remote}/sign-in`).status).toBe(200);
    for (const url of [`${remote}/dev/outbox`, `${remote}/dev/outbox/${id}`])
      for (const headers of [{}, SPOOFED, { ...SPOOFED, Host: `localhost:${port}` }]) {
        const answer = getFromNamespace(url, headers);
        expect(answer.status, `${url} ${JSON.stringify(headers)}`).toBe(404);
        expect(answer.body).not.toContain(token);
        expect(answer.body).not.toContain(email);
      }
  });
});

test("production without SMTP_URL refuses to start, saying what to set", async () => {
  const port = 3213;
  const { code, output } = await runServerToExit({ name: "production", port, env: { APP_ENV: "production" } });
  expect(code).not.toBe(0);
  expect(output).toContain("SMTP_URL");
  expect(await listening(port)).toBe(false);
});
