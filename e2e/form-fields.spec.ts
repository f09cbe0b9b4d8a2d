// Issue 6, "the form": the structured fields a contributor fills (platforms from the catalog, detection,
// privilege, confidence, NAICS sector and country by name, months), the citation helper, and a revoked
// technique that offers its replacement. What was chosen shows on the observation's page and in the API.
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

const PROCEDURE =
  "ran an encoded PowerShell command from a scheduled task, then staged the output in a temporary folder for exfiltration.";

test("a contributor fills every context field and sees them on the observation", async ({ page, signIn }) => {
  await signIn(page, E2E_USERS.contributor.email);
  await page.goto("/submit");

  // T1086 was revoked by T1059.001: the picker says so and picks the replacement.
  await page.getByLabel(/^Technique/).fill("T1086");
  await expect(page.getByTestId("technique-revoked")).toContainText("T1086 (PowerShell) was revoked in ATT&CK");
  await page.getByRole("button", { name: "Use T1059.001 instead" }).click();
  await expect(page.getByTestId("technique-chosen")).toContainText(
    "T1059.001 Command and Scripting Interpreter: PowerShell",
  );
  await page.getByLabel(/^Group, software or campaign/).fill("APT28");
  await page.getByRole("option", { name: /G0007 APT28/ }).click();
  await page.getByLabel(/^What was seen/).fill(PROCEDURE);

  // The citation helper writes ATT&CK's form into the Citation field.
  await page.getByLabel("Source name").fill("Mandiant M-Trends 2016");
  await page.getByText("Format citation").click();
  await page.getByLabel(/^Author/).fill("Mandiant");
  await page.getByLabel("Title", { exact: true }).fill("M-Trends 2016");
  await page.getByLabel(/^Year/).fill("2016");
  await page.getByLabel("Month", { exact: true }).selectOption({ label: "February" });
  await page.getByLabel("Retrieved").fill("2017-01-04");
  await page.getByRole("button", { name: "Fill citation" }).click();
  await expect(page.getByLabel("Citation")).toHaveValue(
    "Mandiant. (2016, February). M-Trends 2016. Retrieved January 4, 2017.",
  );

  await page.getByLabel(/^Observed from/).fill("2025-11");
  await page.getByLabel(/^Observed to/).fill("2099-01");
  await page.getByRole("checkbox", { name: "Windows" }).check();
  await page.getByRole("checkbox", { name: "Office Suite" }).check();
  await page.getByLabel("Detected on").selectOption({ label: "Network" });
  await page.getByLabel("Detection", { exact: true }).selectOption({ label: "Human-validated" });
  await page.getByLabel("Adversary's privilege").selectOption({ label: "SYSTEM / root" });
  await page.getByLabel("Confidence").selectOption({ label: "High" });
  await page.getByLabel(/^Victim sector/).selectOption({ label: "52 Finance and Insurance" });
  await page.getByLabel("Country").selectOption({ label: "Germany (DE)" });

  // A month in the future is refused on its field; nothing typed is lost.
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText(/This date is in the future/)).toBeVisible();
  await expect(page.getByLabel(/^What was seen/)).toHaveValue(PROCEDURE);
  await page.getByLabel(/^Observed to/).fill("2026-01");

  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Submitted.")).toBeVisible();
  const context = page.getByTestId("observation-context");
  for (const shown of [
    "2025-11-01 to 2026-01-01",
    "Windows, Office Suite",
    "Network",
    "Human-validated",
    "SYSTEM / root",
    "High",
    "52 Finance and Insurance",
    "DE Germany",
  ]) {
    await expect(context).toContainText(shown);
  }

  // The API returns the same fields.
  const publicId = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
  const response = await page.request.get(`/api/v1/observations/${publicId}`, {
    headers: { authorization: `Bearer ${readE2eTokens().contributor}` },
  });
  expect(await response.json()).toMatchObject({
    detectionType: "network",
    detectionSource: "human-validated",
    privilegeLevel: "system",
    confidence: "high",
    platforms: ["Windows", "Office Suite"],
    victimology: { sector: "52", country: "DE" },
  });
});

test("the API names a revoked technique's replacement and refuses a platform ATT&CK does not use", async ({
  request,
}) => {
  const post = (extra: Record<string, unknown>) =>
    request.post("/api/v1/observations", {
      headers: { authorization: `Bearer ${readE2eTokens().contributor}` },
      data: {
        domain: "enterprise-attack",
        technique: "T1059.001",
        actor: { unattributed: true },
        procedure: PROCEDURE,
        references: [{ sourceName: "Own analysis", description: "Own incident analysis, 2026." }],
        ...extra,
      },
    });
  const revoked = await (await post({ technique: "T1086" })).json();
  expect(revoked.error).toMatchObject({
    code: "VALIDATION",
    message:
      "T1086 (PowerShell) was revoked in ATT&CK: use T1059.001 (Command and Scripting Interpreter: PowerShell) instead.",
    issues: [{ path: "technique", message: "Revoked technique: use T1059.001" }],
    replacement: { technique: "T1059.001", name: "Command and Scripting Interpreter: PowerShell" },
  });
  const platform = await post({ platforms: ["Linux", "Azure AD"] });
  expect(platform.status()).toBe(400);
  expect((await platform.json()).error.issues).toEqual([
    { path: "platforms.1", message: expect.stringMatching(/^Not an ATT&CK platform: use one of .*Office Suite/) },
  ]);
});
