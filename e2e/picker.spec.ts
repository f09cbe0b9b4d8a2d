// Issue 7 item 3: the technique and actor pickers are WAI-ARIA comboboxes a keyboard alone can drive: Down/Up
// move the active option (aria-activedescendant), Enter picks it without submitting the form, Escape closes the
// list and a second Escape clears the text, leaving the field picks nothing. Sub-techniques read "Parent: Sub";
// a match on an alias says which. A picked actor clears its "Pick a group…" error at once.
import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

// A fresh contributor per test: no other spec's draft fills this form.
const newContributor = () => `picker-${randomUUID().slice(0, 8)}@e2e.test`;

test("the technique picker works by keyboard alone", async ({ page, signIn }) => {
  await signIn(page, newContributor());
  await page.goto("/submit");
  const technique = page.getByRole("combobox", { name: /^Technique/ });
  const list = page.getByRole("listbox", { name: "Matches for technique" });
  const options = list.getByRole("option");
  await technique.focus();
  await expect(technique).toHaveAttribute("aria-expanded", "false");

  await page.keyboard.type("T1059");
  await expect(page.getByTestId("technique-status")).toHaveText(/^\d+ matches/);
  await expect(technique).toHaveAttribute("aria-expanded", "true");
  await expect(technique).toHaveAttribute("aria-controls", (await list.getAttribute("id"))!);
  await expect(technique).not.toHaveAttribute("aria-activedescendant");
  await expect(options.first()).toHaveText(/^T1059 Command and Scripting Interpreter/);

  await page.keyboard.press("ArrowDown");
  await expect(technique).toHaveAttribute("aria-activedescendant", (await options.nth(0).getAttribute("id"))!);
  await page.keyboard.press("ArrowDown");
  const second = options.nth(1);
  await expect(technique).toHaveAttribute("aria-activedescendant", (await second.getAttribute("id"))!);
  await expect(second).toHaveAttribute("aria-selected", "true");
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "false");
  await expect(second).toHaveText(/^T1059\.001 Command and Scripting Interpreter: PowerShell/);

  // Enter picks the second option and does not submit the form (no field error appears, the page stays).
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("technique-chosen")).toContainText(
    "Chosen: T1059.001 Command and Scripting Interpreter: PowerShell",
  );
  await expect(technique).toHaveValue("");
  await expect(technique).toBeFocused();
  await expect(technique).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Pick a group, software or campaign.")).toHaveCount(0);
  await expect(page).toHaveURL(/\/submit$/);

  // Escape closes the list and keeps the text; a second Escape clears the text and keeps the pick.
  await page.keyboard.type("powershell");
  await expect(options.first()).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(technique).toHaveAttribute("aria-expanded", "false");
  await expect(list).toBeHidden();
  await expect(technique).toHaveValue("powershell");
  await page.keyboard.press("ArrowDown"); // reopens on the first option
  await expect(technique).toHaveAttribute("aria-activedescendant", (await options.nth(0).getAttribute("id"))!);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await expect(technique).toHaveValue("");
  await expect(page.getByTestId("technique-chosen")).toContainText("T1059.001");

  // Leaving the field closes the list without picking the active option.
  await page.keyboard.type("T1003");
  await expect(options.first()).toHaveText(/^T1003 OS Credential Dumping/);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  await expect(technique).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByTestId("technique-chosen")).toContainText("T1059.001");

  // Nothing matches: said in the live region.
  await technique.fill("zzqx nothing");
  await expect(page.getByTestId("technique-status")).toHaveText(/^No match for "zzqx nothing"/);
  await expect(page.getByTestId("technique-status")).toHaveAttribute("role", "status");
});

test("an alias match is named, and a picked actor clears its error at once", async ({ page, signIn }) => {
  await signIn(page, newContributor());
  await page.goto("/submit");
  await page.getByRole("button", { name: "Submit for review" }).click();
  const actorError = page.getByText("Pick a group, software or campaign.");
  await expect(actorError).toBeVisible();
  await expect(page.getByText("Pick a technique (e.g. T1059.001).")).toBeVisible();

  const actor = page.getByRole("combobox", { name: /^Group, software or campaign/ });
  await expect(actor).toHaveAttribute("aria-invalid", "true");
  await actor.focus();
  await page.keyboard.type("Cozy Bear");
  const option = page.getByRole("listbox", { name: "Matches for group, software or campaign" }).getByRole("option");
  await expect(option.first()).toHaveText("Cozy Bear → G0016 APT29 (group)");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("actor-chosen")).toContainText("Chosen: G0016 APT29");
  await expect(actorError).toHaveCount(0);
  await expect(actor).not.toHaveAttribute("aria-invalid");
  // The technique's error stays until a technique is picked.
  await expect(page.getByText("Pick a technique (e.g. T1059.001).")).toBeVisible();

  // "Change" drops the pick and puts the focus back in the field.
  await page.getByTestId("actor-chosen").getByRole("button", { name: "Change" }).click();
  await expect(actor).toBeFocused();
  await expect(actorError).toBeVisible();
});

// Issue 8 item 4: past IDs, names and aliases, the search finds description words, and the option says why.
test("a description match shows the words that matched", async ({ page, signIn }) => {
  await signIn(page, newContributor());
  await page.goto("/submit");
  const technique = page.getByRole("combobox", { name: /^Technique/ });
  await technique.focus();
  await page.keyboard.type("mimikatz");
  const options = page.getByRole("listbox", { name: "Matches for technique" }).getByRole("option");
  await expect(options.first()).toContainText("Found in its description: ");
  await expect(options.first()).toContainText(/Mimikatz/i);
  await expect(page.getByTestId("technique-status")).toHaveText(/^\d+ match/);

  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/picker-description-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  const actor = page.getByRole("combobox", { name: /^Group, software or campaign/ });
  await actor.focus();
  await page.keyboard.type("Cozy Bear");
  await expect(page.getByRole("listbox", { name: "Matches for group, software or campaign" })).toBeVisible();
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/picker-alias-${width}.png` });
  }
});
