// The audit log (issue 9 item 7): an admin finds a sign-in and a transition, filters, and pages; a bad filter is
// explained beside the form; the API refuses anyone but admins.
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

test("an admin filters the audit log and reads what happened", async ({ page, request, signIn }) => {
  await signIn(page, E2E_USERS.admin.email);
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();

  const filters = page.getByRole("form", { name: "Filter the audit log" });
  await filters.getByLabel("Action").selectOption("auth.signin");
  await filters.getByLabel(/^Person/).fill(E2E_USERS.admin.email);
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=auth.signin/);
  const rows = page.getByRole("region", { name: /Audit events/ }).getByRole("row");
  await expect(rows.nth(1)).toContainText("auth.signin");
  await expect(rows.nth(1)).toContainText(E2E_USERS.admin.email);

  await page.goto("/audit?from=2026-02-30");
  await expect(page.getByRole("alert").filter({ hasText: "from must be a real date" })).toBeVisible();

  const api = (token: string) =>
    request.get("/api/v1/audit?limit=1", { headers: { authorization: `Bearer ${token}` } });
  const tokens = readE2eTokens();
  const page1 = await api(tokens.admin);
  expect(page1.status()).toBe(200);
  const body = (await page1.json()) as { items: unknown[]; nextCursor: string | null };
  expect(body.items).toHaveLength(1);
  expect(body.nextCursor).toEqual(expect.any(String));
  expect((await api(tokens.reviewer)).status()).toBe(403);
  expect(
    (
      await request.get("/api/v1/audit?cursor=forged", { headers: { authorization: `Bearer ${tokens.admin}` } })
    ).status(),
  ).toBe(400);
});
