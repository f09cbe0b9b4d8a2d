// Issue 7 item 6: the submit → review → export flow with the keyboard only — Tab/Shift+Tab to move, typing,
// Enter and Space to act, the pickers by keyboard, the export's confirmation dialog, and focus landing on the
// heading after a decision. Signing in is set-up (e2e/fixtures.ts), the flow itself never clicks.
import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { validateBundle } from "../lib/releases/validate";
import { expect, test } from "./fixtures";
import { E2E_USERS } from "./users";

/** Presses Tab (or Shift+Tab) until `target` has focus; fails when it is not reachable within `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((el) => document.activeElement === el, handle)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`${String(target)} is not reachable with ${back ? "Shift+Tab" : "Tab"}`);
}

async function expectFocused(page: Page, target: Locator): Promise<void> {
  const handle = await target.elementHandle();
  await expect.poll(() => page.evaluate((el) => document.activeElement === el, handle)).toBe(true);
}

/**
 * Types into a catalog picker and picks the option by keyboard. With the WAI-ARIA combobox (the input carries
 * aria-activedescendant once an option is active) that is ArrowDown then Enter; with the older list of option
 * buttons, Tab to the option and Enter.
 */
async function pickByKeyboard(page: Page, input: Locator, text: string, option: RegExp): Promise<void> {
  await tabTo(page, input);
  await page.keyboard.type(text);
  const choice = page.getByRole("option", { name: option }).first();
  await expect(choice).toBeVisible();
  await page.keyboard.press("ArrowDown");
  if (await input.getAttribute("aria-activedescendant")) {
    await page.keyboard.press("Enter");
  } else {
    await tabTo(page, choice);
    await page.keyboard.press("Enter");
  }
}

test("submit, review and export with the keyboard only", async ({ browser, signIn, mail }) => {
  // Contributor: the form, field by field.
  const contributor = await browser.newPage();
  await signIn(contributor, E2E_USERS.contributor.email);
  await contributor.goto("/submit");
  await pickByKeyboard(contributor, contributor.locator('input[name="technique"]'), "T1059.001", /T1059\.001/);
  await expect(contributor.getByTestId("technique-chosen")).toContainText("PowerShell");
  await pickByKeyboard(contributor, contributor.locator('input[name="actor"]'), "G0016", /G0016/);
  await expect(contributor.getByTestId("actor-chosen")).toContainText("APT29");
  await tabTo(contributor, contributor.getByLabel(/^What was seen/));
  await contributor.keyboard.type("Ran `powershell -enc` from a scheduled task, typed by keyboard only.");
  await tabTo(contributor, contributor.getByLabel("Source name"));
  await contributor.keyboard.type("Keyboard Labs 2026");
  await tabTo(contributor, contributor.getByLabel("URL"));
  await contributor.keyboard.type("https://example.org/reports/keyboard");
  await tabTo(contributor, contributor.getByLabel("Citation"));
  await contributor.keyboard.type("Keyboard Labs. (2026, May 4). Loaders. Retrieved May 5, 2026.");
  await tabTo(contributor, contributor.getByLabel("Public report"));
  await contributor.keyboard.press("Space");
  await expect(contributor.getByLabel("Public report")).toBeChecked();
  await tabTo(contributor, contributor.getByRole("button", { name: "Submit for review" }));
  await contributor.keyboard.press("Enter");
  await expect(contributor.getByText("Submitted.")).toBeVisible();
  const publicId = (await contributor.getByRole("heading", { level: 1 }).textContent())!.trim();
  expect(publicId).toMatch(/^OBS-\d{6}$/);

  // Reviewer: the queue's link, Claim, Accept; after each decision focus is on the heading, and a toast says so.
  const reviewer = await browser.newPage();
  await signIn(reviewer, E2E_USERS.reviewer.email);
  await reviewer.goto("/queue");
  await tabTo(reviewer, reviewer.getByRole("link", { name: publicId }));
  await reviewer.keyboard.press("Enter");
  await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText(publicId);
  await tabTo(reviewer, reviewer.getByRole("button", { name: "Claim for review" }));
  await reviewer.keyboard.press("Enter");
  await expect(reviewer.getByTestId("toast")).toContainText("Claimed");
  await reviewer.screenshot({ path: "e2e/screenshots/toast-claimed-1280.png" });
  await expectFocused(reviewer, reviewer.getByRole("heading", { level: 1 }));
  const accept = reviewer.getByRole("button", { name: "Accept" });
  await expect(accept).toBeVisible();
  await tabTo(reviewer, accept);
  await reviewer.keyboard.press("Space");
  await expect(reviewer.locator("main .status").first()).toHaveText("accepted");
  await expectFocused(reviewer, reviewer.getByRole("heading", { level: 1 }));
  // Take the mails this flow caused, so a later spec on this worker's sink does not read them.
  for (const subject of [`${publicId} received`, `${publicId} accepted`]) {
    await mail.waitForMail(E2E_USERS.contributor.email, { subject: new RegExp(`^${subject}$`) });
  }

  // Admin: open a release, export it through its confirmation (focus starts on Cancel), download the bundle.
  const admin = await browser.newPage();
  await signIn(admin, E2E_USERS.admin.email);
  await admin.goto("/releases");
  const name = `Keyboard release ${Date.now()}`;
  await tabTo(admin, admin.getByLabel("New release"));
  await admin.keyboard.type(name);
  await admin.keyboard.press("Enter");
  const row = admin.getByTestId(`release-${name}`);
  await expect(row).toBeVisible();
  await tabTo(admin, row.getByRole("button", { name: "Export STIX bundle" }));
  await admin.keyboard.press("Enter");
  const dialog = admin.getByRole("alertdialog");
  await expect(dialog).toContainText("cannot be undone");
  await expectFocused(admin, dialog.getByRole("button", { name: "Cancel" }));
  await admin.screenshot({ path: "e2e/screenshots/export-confirm-1280.png" });
  // Escape closes it and nothing is exported; then again, and Shift+Tab to the confirming button.
  await admin.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(row.getByRole("button", { name: "Export STIX bundle" })).toBeVisible();
  await tabTo(admin, row.getByRole("button", { name: "Export STIX bundle" }));
  await admin.keyboard.press("Enter");
  await tabTo(admin, dialog.getByRole("button", { name: "Yes, export and freeze" }), { back: true, max: 3 });
  await admin.keyboard.press("Enter");
  const link = row.getByRole("link", { name: "Download bundle.json" });
  await expect(link).toBeVisible();
  await tabTo(admin, link);
  const downloadPromise = admin.waitForEvent("download");
  await admin.keyboard.press("Enter");
  const bundle = JSON.parse(readFileSync((await (await downloadPromise).path())!, "utf8"));
  expect(validateBundle(bundle)).toEqual([]);
  expect(JSON.stringify(bundle)).toContain("typed by keyboard only");
});
