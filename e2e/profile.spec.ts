// The contributor's own space: a display name for credit, and a personal API token that works until
// it is revoked (then the same call answers 401); the page shows when the token was last used.
import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

test("a contributor sets a display name, creates, uses and revokes a personal API token", async ({
  page,
  request,
  signIn,
}) => {
  const email = `profile-${randomUUID().slice(0, 8)}@e2e.test`;
  await signIn(page, email);
  await page.getByRole("link", { name: "Profile" }).click();
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();

  // An e-mail address is not a name: refused on the field, with the reason.
  await page.getByLabel("Display name").fill("jane@example.org");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.locator("#creditName-error")).toContainText("not an e-mail address");
  await page.getByLabel("Display name").fill("Jane Roe");
  await page.getByLabel("Organization").fill("Example CERT");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // The submit form's credit choice says what it will export.
  await page.goto("/submit");
  await expect(page.locator("#credit option")).toHaveText([
    "named: Jane Roe, Example CERT",
    "organization: Example CERT",
    "anonymous",
  ]);

  await page.goto("/profile");
  await page.getByLabel("Token name").fill("e2e script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("Your new token").inputValue();
  expect(token).toMatch(/^pe_/);
  const row = page.getByRole("row", { name: /e2e script/ });
  await expect(row).toContainText("never");

  // Its normal answer: the token submits as this contributor, who can then read their observation.
  const auth = { authorization: `Bearer ${token}` };
  const created = await request.post("/api/v1/observations", {
    headers: auth,
    data: {
      technique: "T1059.001",
      actor: { id: "G0016" },
      procedure: "ran an encoded PowerShell command that downloaded a second stage from a paste site.",
      references: [{ sourceName: "Own incident notes", description: "Incident notes. (2026). Internal." }],
      credit: "named",
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const read = await request.get(`/api/v1/observations/${id}`, { headers: auth });
  expect(read.status()).toBe(200);
  expect(await read.json()).toMatchObject({ id, credit: "named" });
  await page.reload();
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC.*\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  await expect(row.getByRole("cell").nth(2)).not.toHaveText("never");
  await expect(page.getByLabel("Your new token")).toHaveCount(0); // shown once, never again

  await row.getByRole("button", { name: "Revoke e2e script" }).click();
  await expect(row).toContainText("Anything using it stops working");
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(row).toContainText("revoked");

  const after = await request.get(`/api/v1/observations/${id}`, { headers: auth });
  expect(after.status()).toBe(401);

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/profile-${width}.png`, fullPage: true });
  }
});
