import { readFileSync } from "node:fs";
import { validateBundle } from "../lib/releases/validate";
import { expect, test } from "./fixtures";
import { E2E_USERS } from "./users";

const RAW_PROCEDURE =
  "used PowerShell on ws-fin-0231.corp.local to download a second stage from 10.20.30.40, then mailed the archive to j.doe@victim-bank.com with an encoded command line.";

test("a contributor submits, a reviewer accepts, an admin exports a bundle that validates", async ({
  browser,
  signIn,
  mail,
}) => {
  // Contributor: sign in by mail, pick technique and actor from the real catalog, preview the scrub, submit.
  const contributor = await browser.newPage();
  await signIn(contributor, E2E_USERS.contributor.email);
  await contributor.goto("/submit");
  await contributor.getByLabel(/^Technique/).fill("T1059.001");
  await contributor.getByRole("option", { name: /T1059\.001 .*PowerShell/ }).click();
  await expect(contributor.getByTestId("technique-chosen")).toContainText("PowerShell");
  await contributor.getByLabel(/^Group, software or campaign/).fill("APT28");
  await contributor.getByRole("option", { name: /G0007 APT28/ }).click();
  await contributor.getByLabel(/^What was seen/).fill(RAW_PROCEDURE);
  await contributor.getByRole("button", { name: "Preview anonymization" }).click();
  const preview = contributor.getByTestId("anonymization-preview");
  await expect(preview).toContainText("[HOST-1]");
  await expect(preview).toContainText("[IP-1]");
  await expect(preview).toContainText("[EMAIL-1]");
  await contributor.getByLabel("Source name").fill("Acme Labs 2026");
  await contributor.getByLabel("URL").fill("https://example.org/reports/apt28-powershell");
  // A published report: only a public reference keeps its URL (issue 5 item 3).
  await contributor.getByLabel("Public report").check();
  await contributor
    .getByLabel("Citation")
    .fill("Acme Labs. (2026, May 4). APT28 PowerShell loaders. Retrieved May 5, 2026.");
  await contributor.getByRole("button", { name: "Submit for review" }).click();
  await expect(contributor.getByText("Submitted.")).toBeVisible();
  const publicId = (await contributor.getByRole("heading", { level: 1 }).textContent())!.trim();
  expect(publicId).toMatch(/^OBS-\d{6}$/);
  const stored = contributor.getByTestId("procedure");
  await expect(stored).toContainText("[HOST-1]");
  await expect(stored).not.toContainText("corp.local");
  await expect(stored).not.toContainText("victim-bank");

  // Reviewer: the queue shows it; claim, edit (a revision), accept with a comment.
  const reviewer = await browser.newPage();
  await signIn(reviewer, E2E_USERS.reviewer.email);
  await reviewer.goto("/queue");
  await reviewer.getByRole("link", { name: publicId }).click();
  await reviewer.getByRole("button", { name: "Claim for review" }).click();
  await expect(reviewer.getByRole("button", { name: "Accept" })).toBeVisible();
  const text = reviewer.getByLabel("Procedure text");
  await text.fill(`${await text.inputValue()} The loader ran from a scheduled task.`);
  await reviewer.getByLabel(/^Why/).fill("added persistence detail from the report");
  await reviewer.getByRole("button", { name: "Save edit" }).click();
  await expect(reviewer.getByText(/Saved as version \d+/)).toBeVisible();
  await expect(reviewer.getByRole("cell", { name: "added persistence detail from the report" })).toBeVisible();
  await reviewer.getByLabel(/^Comment/).fill("Clear and well sourced, thank you.");
  await reviewer.getByRole("button", { name: "Accept" }).click();
  await expect(reviewer.locator(".status").first()).toHaveText("accepted");

  const decision = await mail.waitForMail(E2E_USERS.contributor.email, {
    subject: new RegExp(`^${publicId} accepted$`),
  });
  expect(decision.text).toContain(publicId);
  expect(decision.text).toContain("Clear and well sourced");

  // Admin: open a release (the accepted observation joins it), export, download, validate.
  const admin = await browser.newPage();
  await signIn(admin, E2E_USERS.admin.email);
  await admin.goto("/releases");
  await admin.getByLabel("New release").fill("E2E community additions");
  await admin.getByRole("button", { name: "Open release" }).click();
  const row = admin.getByTestId("release-E2E community additions");
  await expect(row).toContainText("1");
  await row.getByRole("button", { name: "Export STIX bundle" }).click();
  // Export freezes the release: it asks first.
  await admin.getByRole("alertdialog").getByRole("button", { name: "Yes, export and freeze" }).click();
  const downloadPromise = admin.waitForEvent("download");
  await row.getByRole("link", { name: "Download bundle.json" }).click();
  const download = await downloadPromise;
  const bundle = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(validateBundle(bundle)).toEqual([]);
  const uses = bundle.objects.filter((o: { type: string }) => o.type === "relationship");
  expect(uses).toHaveLength(1);
  expect(uses[0].description).toContain("[APT28](https://attack.mitre.org/groups/G0007)");
  expect(uses[0].description).toContain("[HOST-1]");
  expect(uses[0].description).toContain("scheduled task");
  expect(JSON.stringify(bundle)).not.toContain("victim-bank");
});
