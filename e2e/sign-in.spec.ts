// Magic links: delivered over real SMTP, valid for 10 minutes, usable once (ASVS V6.4.1).
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "./fixtures";
import { extractMagicLink } from "./mail";

const DB_FILE = path.resolve(__dirname, "../data/e2e/app.db");

async function requestLink(page: import("@playwright/test").Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
}

test("a sign-in link works once and expires after 10 minutes", async ({ browser, mail }) => {
  const email = "link-once@e2e.test";
  const first = await browser.newPage();
  const requestedAt = Date.now();
  await requestLink(first, email);
  const link = extractMagicLink((await mail.waitForMail(email, { subject: /sign in/i })).text);

  // The token the server keeps expires ten minutes after it was asked for.
  const sqlite = new Database(DB_FILE, { readonly: true, fileMustExist: true });
  const row = sqlite.prepare(`SELECT expires FROM "VerificationToken" WHERE identifier = ?`).get(email) as {
    expires: string;
  };
  sqlite.close();
  const lifetime = new Date(row.expires).getTime() - requestedAt;
  expect(lifetime).toBeGreaterThan(9 * 60_000);
  expect(lifetime).toBeLessThanOrEqual(10 * 60_000 + 5_000);

  await first.goto(link);
  await expect(first.getByText(`${email} · contributor`)).toBeVisible();

  // The same link, opened again in another browser, does not sign anyone in.
  const second = await browser.newContext();
  const again = await second.newPage();
  await again.goto(link);
  await expect(again).toHaveURL(/\/sign-in\?.*error=Verification/);
  await expect(again.getByRole("status")).toContainText("expired or was already used");
  await expect(again.getByText(email)).toHaveCount(0);
  await second.close();
});

test("an expired sign-in link is refused", async ({ browser, mail }) => {
  const email = "link-expired@e2e.test";
  const page = await browser.newPage();
  await requestLink(page, email);
  const link = extractMagicLink((await mail.waitForMail(email, { subject: /sign in/i })).text);
  // Eleven minutes later, as far as the token is concerned.
  const sqlite = new Database(DB_FILE, { fileMustExist: true, timeout: 5000 });
  sqlite
    .prepare(`UPDATE "VerificationToken" SET expires = ? WHERE identifier = ?`)
    .run(new Date(Date.now() - 60_000).toISOString(), email);
  sqlite.close();
  await page.goto(link);
  await expect(page).toHaveURL(/\/sign-in\?.*error=Verification/);
  await expect(page.getByText(`${email} · contributor`)).toHaveCount(0);
});
