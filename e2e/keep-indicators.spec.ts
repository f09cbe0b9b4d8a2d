// Issue 6 §4 and "keep toggles never hide the preview": the contributor keeps a public attacker address, the preview
// follows every toggle by itself, the observation remembers the kept value, a reviewer's edit leaves it in place,
// and un-keeping it in the edit form replaces it.
import { expect, test } from "./fixtures";
import { E2E_USERS } from "./users";

// A public address (the never-public rule refuses private ones) and an internal host that is always replaced.
const C2 = "45.33.32.156";
const PROCEDURE = `The loader on ws-fin-0231.corp.local beaconed to ${C2} over HTTPS every 60 seconds.`;

test("a kept public indicator survives review edits until a reviewer un-keeps it", async ({
  browser,
  signIn,
  mail,
}) => {
  const contributor = await browser.newPage();
  await signIn(contributor, E2E_USERS.contributor.email);
  await contributor.goto("/submit");
  await contributor.getByLabel(/^Technique/).fill("T1059.001");
  await contributor.getByRole("option", { name: /T1059\.001 .*PowerShell/ }).click();
  await contributor.getByLabel(/^Group, software or campaign/).fill("APT28");
  await contributor.getByRole("option", { name: /G0007 APT28/ }).click();
  await contributor.getByLabel(/^What was seen/).fill(PROCEDURE);

  await contributor.getByRole("button", { name: "Preview anonymization" }).click();
  const preview = contributor.getByTestId("anonymization-preview");
  await expect(preview).toContainText("The loader on [HOST-1] beaconed to [IP-1] over HTTPS");
  const keep = contributor.getByRole("checkbox", { name: `Keep ${C2}` });

  // Keep: the preview updates by itself and stays on screen; the typed text is untouched.
  await keep.check();
  await expect(preview.locator("pre")).toHaveText(
    `The loader on [HOST-1] beaconed to ${C2} over HTTPS every 60 seconds.`,
  );
  await expect(preview).toHaveAttribute("data-state", "ready");
  await expect(contributor.getByLabel(/^What was seen/)).toHaveValue(PROCEDURE);
  const unkeep = contributor.getByRole("button", { name: `Un-keep ${C2}` });
  await expect(unkeep).toBeVisible();

  // Un-keep from the kept list: replaced again, without pressing Preview.
  await unkeep.click();
  await expect(preview.locator("pre")).toContainText("beaconed to [IP-1] over HTTPS");
  await expect(keep).not.toBeChecked();
  await expect(unkeep).toHaveCount(0);

  // Keep again, then submit.
  await keep.check();
  await expect(preview.locator("pre")).toContainText(`beaconed to ${C2}`);
  await contributor.getByLabel("Source name").fill("Acme Labs 2026");
  await contributor.getByLabel("URL").fill("https://example.org/reports/apt28-c2");
  await contributor.getByLabel("Public report").check();
  await contributor.getByLabel("Citation").fill("Acme Labs. (2026, May 4). APT28 C2. Retrieved May 5, 2026.");
  await contributor.getByRole("button", { name: "Submit for review" }).click();
  await expect(contributor.getByText("Submitted.")).toBeVisible();
  const publicId = (await contributor.getByRole("heading", { level: 1 }).textContent())!.trim();
  await expect(contributor.getByTestId("procedure")).toHaveText(
    `The loader on [HOST-1] beaconed to ${C2} over HTTPS every 60 seconds.`,
  );
  await expect(contributor.getByTestId("kept-indicators-stored")).toContainText(C2);

  // Reviewer: claim and edit the text; the edit carries the kept list, so the address stays.
  const reviewer = await browser.newPage();
  await signIn(reviewer, E2E_USERS.reviewer.email);
  await reviewer.goto(`/queue/${publicId}`);
  await reviewer.getByRole("button", { name: "Claim for review" }).click();
  const form = reviewer.getByRole("form", { name: "Edit procedure" });
  await expect(form).toBeVisible();
  const text = form.getByLabel("Procedure text");
  await text.fill(`${await text.inputValue()} The interval had 20% jitter.`);
  await form.getByLabel(/^Why/).fill("added the jitter");
  await form.getByRole("button", { name: "Save edit" }).click();
  await expect(form.getByText(/Saved as version \d+/)).toBeVisible();
  const stored = reviewer.getByTestId("procedure");
  await expect(stored).toContainText(`beaconed to ${C2} over HTTPS every 60 seconds. The interval had 20% jitter.`);
  await expect(reviewer.getByTestId("kept-indicators-stored")).toContainText(C2);

  // Un-keep it in the edit form: the preview shows the replacement, and saving stores it.
  await form.getByRole("button", { name: `Un-keep ${C2}` }).click();
  const editPreview = form.getByTestId("anonymization-preview");
  await expect(editPreview.locator("pre")).toContainText("beaconed to [IP-1] over HTTPS");
  await expect(form.getByRole("checkbox", { name: `Keep ${C2}` })).not.toBeChecked();
  await form.getByLabel(/^Why/).fill("the address is not public");
  await form.getByRole("button", { name: "Save edit" }).click();
  await expect(stored).toContainText("beaconed to [IP-1] over HTTPS");
  await expect(stored).not.toContainText(C2);
  await expect(reviewer.getByTestId("kept-indicators-stored")).toHaveCount(0);

  // The reviewer's question: its own preview, keep and "Also replace" (the stored comment keeps the address).
  const decision = reviewer.locator(".panel", { has: reviewer.getByLabel(/^Comment/) });
  await decision.getByLabel(/^Comment/).fill(`Was ${C2} also seen at Contoso?`);
  await decision.getByLabel(/^Also replace/).fill("Contoso");
  await decision.getByRole("button", { name: "Preview the comment's anonymization" }).click();
  const commentPreview = decision.getByTestId("anonymization-preview");
  await expect(commentPreview.locator("pre")).toHaveText("Was [IP-1] also seen at [TERM-1]?");
  await decision.getByRole("checkbox", { name: `Keep ${C2}` }).check();
  await expect(commentPreview.locator("pre")).toHaveText(`Was ${C2} also seen at [TERM-1]?`);
  await decision.getByRole("button", { name: "Ask for more information" }).click();
  await expect(reviewer.locator(".status").first()).toHaveText("needs info");
  await expect(reviewer.getByText(`Was ${C2} also seen at [TERM-1]?`)).toBeVisible();
  // The question mail carries the stored comment; taking it also keeps it from a later spec on this sink.
  const question = await mail.waitForMail(E2E_USERS.contributor.email, { subject: /question/i });
  expect(question.subject).toContain(publicId);
  expect(question.text).toContain(`Was ${C2} also seen at [TERM-1]?`);
});
