// Markdown procedures render safely, and the submit form shows what ATT&CK already has for the picked
// technique and actor (G0016 APT29 + T1059.001 PowerShell: 1 example of 223 in Enterprise 18.1) while
// the procedure is typed. Screenshots at desktop and phone width go to test-results/.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

const MARKDOWN_PROCEDURE = [
  "Ran `Invoke-WebRequest -UseBasicParsing` from a scheduled task, as in [ATT&CK's PowerShell page](https://attack.mitre.org/techniques/T1059/001/), then:",
  "",
  "- decoded the second stage",
  "- loaded it with `IEX` in memory",
  "",
  'Not a link: [click me](javascript:alert(1)). Not markup: <script>alert("xss")</script> <img src=x onerror="alert(2)">',
  "(Citation: Acme Labs 2026)",
].join("\n");

async function shoot(page: Page, name: string) {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a markdown procedure renders safely, and the form shows ATT&CK's examples and pending work", async ({
  page,
  request,
  signIn,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // react-markdown must work under the nonce CSP (lib/http/headers.ts): no eval, no inline script.
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  const created = await request.post("/api/v1/observations", {
    headers: { authorization: `Bearer ${readE2eTokens().contributor}` },
    data: {
      technique: "T1059.001",
      actor: { id: "G0016" },
      procedure: MARKDOWN_PROCEDURE,
      references: [{ sourceName: "Acme Labs 2026", description: "Acme Labs. (2026). PowerShell notes." }],
    },
  });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;

  await signIn(page, E2E_USERS.contributor.email);
  await page.goto(`/my/${id}`);
  const procedure = page.getByTestId("procedure");
  const link = procedure.getByRole("link", { name: "ATT&CK's PowerShell page" });
  await expect(link).toHaveAttribute("href", "https://attack.mitre.org/techniques/T1059/001/");
  await expect(link).toHaveAttribute("rel", "nofollow noopener noreferrer");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(procedure.locator("code").first()).toHaveText("Invoke-WebRequest -UseBasicParsing");
  await expect(procedure.locator("ul li")).toHaveText(["decoded the second stage", "loaded it with IEX in memory"]);
  // The citation marker is a number that leads to its reference's citation text under the procedure.
  const marker = procedure.locator("sup a");
  await expect(marker).toHaveText("[1]");
  const reference = procedure.locator(`li[id="${((await marker.getAttribute("href")) ?? "").slice(1)}"]`);
  await expect(reference).toHaveText("Acme Labs. (2026). PowerShell notes.");
  // The attempts are shown as text and nothing of them runs or loads.
  await expect(procedure).toContainText('<script>alert("xss")</script>');
  await expect(procedure).toContainText("click me");
  // The markdown link and the citation marker, nothing else.
  await expect(procedure.getByRole("link")).toHaveCount(2);
  await expect(procedure.locator('a:not([href^="#"])')).toHaveCount(1);
  await expect(procedure.locator("script, img, [onerror]")).toHaveCount(0);
  await shoot(page, "known-examples-markdown");

  await page.goto("/submit");
  await page.getByLabel(/^Technique/).fill("T1059.001");
  await page.getByRole("option", { name: /T1059\.001 .*PowerShell/ }).click();
  const panel = page.getByTestId("known-examples");
  await expect(panel).toContainText(
    "ATT&CK already has 223 procedure examples for T1059.001 Command and Scripting Interpreter: PowerShell.",
  );
  await page.getByLabel(/^Group, software or campaign/).fill("APT29");
  await page.getByRole("option", { name: /G0016 APT29/ }).click();
  await expect(panel).toContainText(
    "ATT&CK already has 1 procedure example for APT29 and T1059.001 Command and Scripting Interpreter: PowerShell (223 for the technique).",
  );
  // Other specs file work on this pair too: the count varies, our own submission is listed by id.
  await expect(panel.getByTestId("similar-pending")).toContainText(/similar submissions? (is|are) pending review/);
  await expect(panel.getByTestId("similar-pending").getByRole("link", { name: id })).toHaveAttribute(
    "href",
    `/my/${id}`,
  );
  await expect(panel.getByTestId("already-said")).toHaveCount(0);

  // A near copy of APT29's own example: the closest is that example, and the hint says so.
  await page
    .getByLabel(/^What was seen/)
    .fill("The actor ran encoded PowerShell scripts uploaded to CozyCar installations to install SeaDuke.");
  await expect(panel.getByTestId("already-said")).toContainText("This looks like what ATT&CK already says");
  await panel.getByText("closest to your text").click();
  const first = panel.locator("details li").first();
  await expect(first).toContainText("APT29");
  await expect(first.getByRole("link", { name: "SeaDuke", exact: true })).toHaveAttribute(
    "href",
    "https://attack.mitre.org/software/S0053",
  );
  // ATT&CK's four citations, numbered, with their citation texts from the relationship's external_references.
  await expect(first.locator("sup")).toHaveText(["[1]", "[2]", "[3]", "[4]"]);
  await expect(first.locator("ol li").first()).toContainText("Seaduke, latest weapon in the Duke armory");
  await expect(first.getByRole("link", { name: /Seaduke, latest weapon/ })).toHaveAttribute(
    "href",
    "http://www.symantec.com/connect/blogs/forkmeiamfamous-seaduke-latest-weapon-duke-armory",
  );
  await shoot(page, "known-examples-already-said");

  // Close to another actor's example: the pair may still be new to ATT&CK, and the hint says so.
  await page.getByLabel(/^What was seen/).fill("A PowerShell script installed a shim database on the file server.");
  await expect(panel.getByTestId("already-said")).toContainText("ATT&CK says much the same for Pillowmint");
  await expect(panel.getByTestId("already-said")).toContainText("new for APT29");

  // Something new is not flagged.
  await page
    .getByLabel(/^What was seen/)
    .fill(
      "A macro in a spreadsheet spawned PowerShell that read the clipboard every minute and posted it to a paste site.",
    );
  await expect(panel.getByTestId("already-said")).toHaveCount(0);
  await expect(panel).toContainText("closest to your text");
  await shoot(page, "known-examples-form");
  expect(dialogs).toEqual([]);
  expect(violations).toEqual([]);
});

test("POST /api/v1/catalog/examples answers with a token and names what is wrong", async ({ request }) => {
  const tokens = readE2eTokens();
  const post = (data: unknown, token = tokens.contributor) =>
    request.post("/api/v1/catalog/examples", { headers: { authorization: `Bearer ${token}` }, data });

  const ok = await post({ technique: "T1059.001", actor: "G0016", text: "encoded PowerShell scripts on CozyCar" });
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body).toMatchObject({
    technique: { attackId: "T1059.001", name: "PowerShell", parentName: "Command and Scripting Interpreter" },
    actor: { attackId: "G0016", name: "APT29" },
    count: 1,
    techniqueCount: 223,
  });
  expect(body.nearest).toHaveLength(3);
  expect(body.nearest[0].actor).toEqual({ attackId: "G0016", name: "APT29" });
  expect(body.nearest[0].references).toContainEqual(
    expect.objectContaining({ sourceName: "Symantec Seaduke 2015", url: expect.stringContaining("seaduke") }),
  );
  expect(body.pending).not.toHaveProperty("ids");
  expect((await (await post({ technique: "T1059.001" }, tokens.reviewer)).json()).pending).toHaveProperty("ids");

  for (const [data, path] of [
    [{ text: "no technique" }, "technique"],
    [{ technique: "T9999" }, "technique"],
    [{ technique: "T1153" }, "technique"],
    [{ technique: "T1059.001", actor: "G9999" }, "actor"],
    [{ technique: "T1059.001", text: "x".repeat(5_001) }, "text"],
  ] as const) {
    const refused = await post(data);
    expect(refused.status()).toBe(400);
    const error = (await refused.json()).error;
    expect(error.code).toBe("VALIDATION");
    expect(error.issues.map((i: { path: string }) => i.path)).toContain(path);
  }
  expect((await post({ technique: "T1059.001" }, "pe_never-issued")).status()).toBe(401);
});
