// Issue 5 item 9: every answer carries a CSP whose script nonce is fresh per request (and Chromium
// runs the app under it without a single violation), Permissions-Policy, and no-store on API answers
// and on pages served to a signed-in browser; over https, HSTS and Secure, prefixed cookies.
import type { Page, Response } from "@playwright/test";
import { expect, test } from "./fixtures";
import { startServer, type SpawnedServer } from "./servers";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

function scriptNonce(csp: string | undefined): string {
  const scriptSrc = csp?.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc, `script-src in ${csp}`).not.toMatch(/unsafe-inline|unsafe-eval/);
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(nonce, `a nonce in ${csp}`).toBeTruthy();
  return nonce!;
}

function checkCommonHeaders(headers: Record<string, string>): string {
  const csp = headers["content-security-policy"];
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"])
    expect(csp).toContain(directive);
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  return scriptNonce(csp);
}

/** Records every CSP violation Chromium reports on the page: console errors and the DOM event. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text()))
      violations.push(message.text());
  });
  void page.exposeFunction("__cspViolation", (text: string) => violations.push(text));
  void page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __cspViolation(t: string): void }).__cspViolation(
        `${location.pathname}: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      ),
    ),
  );
  return violations;
}

/** Opens a page, checks its headers and that Next.js's own scripts ran (the app hydrated) under the CSP. */
async function visit(page: Page, path: string, nonces: Set<string>): Promise<Response> {
  const response = (await page.goto(path))!;
  expect(response.status(), path).toBe(200);
  const nonce = checkCommonHeaders(response.headers());
  expect(nonces.has(nonce), `nonce of ${path} was used before`).toBe(false);
  nonces.add(nonce);
  // page.evaluate, not waitForFunction: the latter's polling uses eval, which this CSP (rightly) blocks.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { next?: { version?: string } }).next?.version ?? null))
    .toBeTruthy();
  return response;
}

test("pages run under a nonce CSP without violations; signed-in pages and API answers are not stored", async ({
  browser,
  signIn,
  request,
}) => {
  const nonces = new Set<string>();
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations = watchCsp(page);

  for (const path of ["/", "/sign-in", "/sign-in/check"]) await visit(page, path, nonces);
  // The same page twice: a new nonce each time.
  await visit(page, "/sign-in", nonces);

  await signIn(page, E2E_USERS.admin.email);
  for (const path of ["/", "/submit", "/my", "/queue", "/releases"]) {
    const response = await visit(page, path, nonces);
    expect(response.headers()["cache-control"], path).toContain("no-store");
  }
  expect(violations).toEqual([]);
  await context.close();

  const { admin } = readE2eTokens();
  for (const [path, headers] of [
    ["/api/v1/queue", { authorization: `Bearer ${admin}` }],
    ["/api/v1/queue", {}],
    ["/api/auth/csrf", {}],
  ] as const) {
    const answer = await request.get(path, { headers });
    expect(answer.headers()["cache-control"], path).toContain("no-store");
    const nonce = checkCommonHeaders(answer.headers());
    expect(nonces.has(nonce)).toBe(false);
    nonces.add(nonce);
    // Served over http here: no HSTS, and cookies without Secure.
    expect(answer.headers()["strict-transport-security"]).toBeUndefined();
  }
});

test.describe("served over https (NEXTAUTH_URL=https://…)", () => {
  let server: SpawnedServer;
  test.beforeAll(async () => {
    server = await startServer({ name: "https", port: 3214, env: { NEXTAUTH_URL: "https://exchange.example.org" } });
  });
  test.afterAll(async () => server?.stop());

  test("HSTS on pages and API answers; next-auth's cookies are Secure and __Host-/__Secure- prefixed", async () => {
    const base = `http://127.0.0.1:${server.port}`;
    for (const path of ["/sign-in", "/api/auth/csrf"]) {
      const res = await fetch(`${base}${path}`);
      expect(res.headers.get("strict-transport-security"), path).toBe("max-age=31536000; includeSubDomains");
    }
    const cookies = (await fetch(`${base}/api/auth/csrf`)).headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie, cookie).toMatch(/^__(Host|Secure)-next-auth\./);
      expect(cookie, cookie).toMatch(/;\s*Secure/i);
    }
    expect(cookies.some((c) => c.startsWith("__Host-next-auth.csrf-token="))).toBe(true);
  });
});
