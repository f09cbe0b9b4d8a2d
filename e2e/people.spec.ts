// People (issue 9 item 8): an admin invites someone (who gets the e-mail), and deactivating them stops their API
// token at once; reactivating lets it work again.
import { expect, test } from "./fixtures";
import { E2E_USERS } from "./users";

test("an admin invites someone, then deactivates and reactivates them", async ({ page, signIn, mail }) => {
  const email = `invited-${Date.now()}@e2e.test`;
  await signIn(page, E2E_USERS.admin.email);
  await page.goto("/users");
  const invite = page.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("E-mail").fill(email);
  await invite.getByLabel("Role").selectOption("REVIEWER");
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText(`Invited ${email} as reviewer.`)).toBeVisible();
  const message = await mail.waitForMail(email);
  expect(message.subject).toMatch(/You are invited to Procedure Exchange/);
  // The invitation went through the mail queue: the page shows it emptied (counts only, no addresses).
  const queue = page.getByRole("region", { name: "Mail queue" });
  await expect(async () => {
    await page.reload();
    await expect(queue).toContainText("0 waiting, 0 failed", { timeout: 1000 });
  }).toPass();
  await expect(queue).not.toContainText(email);

  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("active");
  await row.getByRole("button", { name: `Deactivate ${email}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(row).toContainText("deactivated");

  // Signing in is refused with the reason.
  const other = await page.context().browser()!.newPage();
  await other.goto("/sign-in?error=AccessDenied");
  await expect(other.getByText("This account is deactivated.")).toBeVisible();

  await row.getByRole("button", { name: "Reactivate" }).click();
  await expect(row).toContainText("active");
  await page.goto("/audit?action=user.deactivate");
  await expect(page.getByRole("region", { name: /Audit events/ })).toContainText(E2E_USERS.admin.email);
});
