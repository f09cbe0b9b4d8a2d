// Rate limits over real HTTP against the production build: a burst of sign-in requests for one
// address sends at most the limit of mails (the rest get 429 with Retry-After), the form then tells
// the person why, and an API token past its limit gets the 429 error envelope. The e2e server keeps
// the limits on (playwright.config.ts), so these are the limits a deployment gets.
import type { APIResponse } from "@playwright/test";
import { createApiToken } from "../lib/auth/tokens";
import { findUserByEmail } from "../lib/auth/users";
import { createDb } from "../lib/db/client";
import { parseRateLimits, RATE_LIMIT_RULES, SIGNIN_RATE_LIMITED_MESSAGE } from "../lib/rate-limit/rules";
import { E2E_RATE_LIMITS } from "../playwright.config";
import { expect, test } from "./fixtures";
import { E2E_SQLITE_URL, E2E_USERS } from "./users";

test.describe.configure({ mode: "serial" });

// The limit the e2e server runs with (playwright.config.ts).
const LIMITS = parseRateLimits(E2E_RATE_LIMITS)!;
const SIGNIN_LIMIT = LIMITS["signin-address"];

/** Counters are fixed windows: a burst must not straddle two, or it would legitimately get twice the limit. */
async function awayFromWindowEdge(windowSeconds: number, burstSeconds: number) {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < burstSeconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 250));
}

async function expectRateLimited(response: APIResponse) {
  expect(response.status()).toBe(429);
  const retryAfter = Number(response.headers()["retry-after"]);
  expect(Number.isInteger(retryAfter), `Retry-After: ${response.headers()["retry-after"]}`).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  const body = await response.json();
  expect(body.error.code).toBe("RATE_LIMITED");
  expect(body.error.message).toMatch(/Try again in \d+ (second|minute)s?\./);
  return { retryAfter, body };
}

test("100 parallel sign-in requests for one address send at most the limit of mails", async ({
  request,
  page,
  mail,
}) => {
  const email = "flood-target@e2e.test";
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  await awayFromWindowEdge(RATE_LIMIT_RULES["signin-address"].windowSeconds, 30);
  // Exactly what next-auth/react's signIn("email") posts.
  const responses = await Promise.all(
    Array.from({ length: 100 }, () =>
      request.post("/api/auth/signin/email", {
        form: { email, csrfToken, callbackUrl: "/submit", json: "true" },
        maxRedirects: 0,
      }),
    ),
  );
  const sent = responses.filter((r) => r.status() === 200);
  const refused = responses.filter((r) => r.status() !== 200);
  expect(sent).toHaveLength(SIGNIN_LIMIT);
  for (const response of refused) {
    const { retryAfter, body } = await expectRateLimited(response);
    expect(retryAfter).toBeLessThanOrEqual(RATE_LIMIT_RULES["signin-address"].windowSeconds);
    expect(body.error.message).toMatch(/sign-in links were asked for this address/);
    expect(new URL(body.url).search).toBe("?error=RateLimited");
  }
  // next-auth answers only once the mail is handed over: every mail sent is in the sink by now.
  for (let i = 0; i < SIGNIN_LIMIT; i++) await mail.waitForMail(email, { subject: /sign in/i });
  expect(mail.messages.filter((m) => m.to.includes(email))).toHaveLength(SIGNIN_LIMIT);

  // The person, asking once more in the browser, is told why nothing comes and when to retry.
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
  await expect(page.getByText(SIGNIN_RATE_LIMITED_MESSAGE)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toHaveCount(0);
  expect(mail.messages.filter((m) => m.to.includes(email))).toHaveLength(SIGNIN_LIMIT);
});

test("an API token past its limit gets 429 with the error envelope and Retry-After", async ({ request }) => {
  // A token of its own, so the per-role tokens the API spec uses keep their budget.
  const db = createDb(E2E_SQLITE_URL);
  const user = await findUserByEmail(db, E2E_USERS.contributor.email);
  const { token } = await createApiToken(db, user.id, "rate-limit e2e");
  await db.$disconnect();
  const limit = LIMITS["api-token"];
  const call = () => request.get("/api/v1/observations/OBS-999999", { headers: { authorization: `Bearer ${token}` } });

  // Batches until the first refusal: within one window exactly `limit` calls pass; a run that
  // crosses into the next window may pass up to twice that, never more.
  let passed = 0;
  let refusal: APIResponse | undefined;
  while (!refusal && passed <= 2 * limit) {
    const batch = await Promise.all(Array.from({ length: 50 }, call));
    for (const response of batch) {
      if (response.status() === 429) refusal ??= response;
      else {
        expect(response.status(), await response.text()).toBe(404);
        passed++;
      }
    }
  }
  expect(refusal, `no 429 after ${passed} calls`).toBeDefined();
  expect(passed).toBeGreaterThanOrEqual(limit);
  const { retryAfter, body } = await expectRateLimited(refusal!);
  expect(retryAfter).toBeLessThanOrEqual(RATE_LIMIT_RULES["api-token"].windowSeconds);
  expect(body.error.message).toMatch(/This API token made the most requests allowed/);
  expect(body.error.retryAfterSeconds).toBe(retryAfter);
});
