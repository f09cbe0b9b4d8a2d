// Issue 7 item 4: forms other than the submit form (which autosaves: e2e/drafts.spec.ts) ask before their unsaved
// work is left behind, and stop asking once it is saved.
import { E2E_USERS } from "./users";
import { expect, test } from "./fixtures";

test("the profile form asks before an in-app link leaves unsaved changes, and not once they are saved", async ({
  page,
  signIn,
}) => {
  await signIn(page, E2E_USERS.contributor.email);
  await page.goto("/profile");
  const name = page.getByLabel("Display name");
  const typed = `Researcher ${Date.now() % 1000}`;
  await name.fill(typed);

  const asked = page.waitForEvent("dialog");
  const click = page.getByRole("link", { name: "My observations" }).first().click();
  const dialog = await asked;
  expect(dialog.type()).toBe("confirm");
  expect(dialog.message()).toContain("not saved");
  await dialog.dismiss();
  await click;
  await expect(page).toHaveURL(/\/profile$/);
  await expect(name).toHaveValue(typed);

  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  page.on("dialog", (d) => {
    throw new Error(`unexpected dialog after saving: ${d.message()}`);
  });
  await page.getByRole("link", { name: "My observations" }).first().click();
  await expect(page).toHaveURL(/\/my$/);
});
