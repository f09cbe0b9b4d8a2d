// Issue 5 item 3 in the submit form: a reference's text is previewed with the procedure's numbering, and a URL
// on a reference not marked public is refused on the URL field; ticking "Public report" keeps it as written.
import { expect, test } from "./fixtures";
import { E2E_USERS } from "./users";

test("the submit form previews references with the procedure's placeholders and keeps URLs only for public reports", async ({
  browser,
  signIn,
}) => {
  const page = await browser.newPage();
  await signIn(page, E2E_USERS.contributor.email);
  await page.goto("/submit");
  await page.getByLabel(/^Technique/).fill("T1059.001");
  await page.getByRole("option", { name: /T1059\.001 .*PowerShell/ }).click();
  await page.getByLabel(/^Group, software or campaign/).fill("APT28");
  await page.getByRole("option", { name: /G0007 APT28/ }).click();
  await page.getByLabel(/^What was seen/).fill("ran an encoded PowerShell loader on files-07.tern.corp at night.");
  await page.getByLabel("Source name").fill("Incident notes");
  await page.getByLabel("Citation").fill("Ticket by soc@tern-bank.com about files-07.tern.corp");

  await page.getByRole("button", { name: "Preview anonymization" }).click();
  const preview = page.getByTestId("anonymization-preview");
  await expect(preview).toContainText("reference 1 citation: Ticket by [EMAIL-1] about [HOST-1]");
  await expect(preview).toContainText("in procedure, reference 1 citation");

  await page.getByLabel("URL").fill("https://reports.example.org/tern");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText(/A URL is kept only for a public report/)).toBeVisible();
  await expect(page).toHaveURL(/\/submit$/);

  await page.getByLabel("Public report").check();
  await page.getByLabel("URL").fill("http://192.168.10.5/tern");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText(/192\.168\.10\.5 is a private address/)).toBeVisible();
  await expect(page).toHaveURL(/\/submit$/);
});
