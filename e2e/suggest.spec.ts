// Technique suggestions (issue 11): the submit form suggests techniques as the procedure is typed and one click
// picks one; the reviewer's detail page lists them beside the chosen technique and flags a likely mis-mapping;
// POST /api/v1/catalog/suggest answers a token and names what is wrong. Screenshots go to e2e/screenshots/.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

const SCHEDULED_TASK = "The implant created a scheduled task with schtasks to run the loader every hour.";
const REFERENCES = [{ sourceName: "Acme Labs 2026s", description: "Acme Labs. (2026). Scheduled task notes." }];

async function shoot(page: Page, name: string) {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `e2e/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("the submit form suggests techniques as the procedure is typed, and one click picks one", async ({
  page,
  signIn,
}) => {
  await signIn(page, E2E_USERS.contributor.email);
  await page.goto("/submit");
  await page.getByLabel(/^What was seen/).fill(SCHEDULED_TASK);
  const panel = page.getByTestId("technique-suggestions");
  const pick = panel.getByRole("button", { name: "T1053.005 Scheduled Task/Job: Scheduled Task" });
  await expect(pick).toBeVisible();
  await expect(panel.locator("li").first()).toContainText("closest ATT&CK procedure examples");
  await shoot(page, "suggest-form");
  await pick.click();
  await expect(page.getByTestId("technique-chosen")).toContainText(
    "Chosen: T1053.005 Scheduled Task/Job: Scheduled Task",
  );
  await expect(panel.getByTestId("suggestion-picked")).toContainText("T1053.005");
  // The picked technique drives the known-examples panel like a pick from the search.
  await expect(page.getByTestId("known-examples")).toContainText("procedure examples for T1053.005");
  await shoot(page, "suggest-form-picked");
});

test("the reviewer sees the suggestions beside the chosen technique and a likely mis-mapping flagged", async ({
  browser,
  request,
  signIn,
}) => {
  const tokens = readE2eTokens();
  const submit = async (technique: string) => {
    const created = await request.post("/api/v1/observations", {
      headers: { authorization: `Bearer ${tokens.contributor}` },
      data: { technique, actor: { id: "G0016" }, procedure: SCHEDULED_TASK, references: REFERENCES },
    });
    expect(created.status()).toBe(201);
    return ((await created.json()) as { id: string }).id;
  };
  const wrong = await submit("T1059.001");
  const right = await submit("T1053.005");

  const reviewer = await browser.newPage();
  await signIn(reviewer, E2E_USERS.reviewer.email);
  await reviewer.goto(`/queue/${wrong}`);
  const check = reviewer.getByTestId("technique-check");
  await expect(check.getByTestId("likely-mismapped")).toContainText(
    "Likely mis-mapping: T1059.001 is not among the 5 techniques this procedure reads like.",
  );
  await expect(check.locator("li").first()).toContainText("T1053.005 Scheduled Task/Job: Scheduled Task");
  await shoot(reviewer, "suggest-review-mismapped");

  await reviewer.goto(`/queue/${right}`);
  await expect(reviewer.getByTestId("technique-check").locator("li").first()).toContainText(
    "T1053.005 Scheduled Task/Job: Scheduled Task (the chosen technique)",
  );
  await expect(reviewer.getByTestId("likely-mismapped")).toHaveCount(0);
});

test("POST /api/v1/catalog/suggest answers with a token and names what is wrong", async ({ request }) => {
  const tokens = readE2eTokens();
  const post = (data: unknown, token = tokens.contributor) =>
    request.post("/api/v1/catalog/suggest", { headers: { authorization: `Bearer ${token}` }, data });

  const ok = await post({ text: SCHEDULED_TASK, domain: "enterprise-attack" });
  expect(ok.status()).toBe(200);
  const { suggestions } = (await ok.json()) as { suggestions: Record<string, unknown>[] };
  expect(suggestions.length).toBeGreaterThan(0);
  expect(suggestions.length).toBeLessThanOrEqual(10);
  expect(suggestions[0]).toMatchObject({
    technique: "T1053.005",
    stixId: expect.stringMatching(/^attack-pattern--/),
    name: "Scheduled Task/Job: Scheduled Task",
    score: expect.any(Number),
    why: expect.stringContaining("closest ATT&CK procedure examples"),
  });
  expect((await (await post({ text: SCHEDULED_TASK }, tokens.reviewer)).json()).suggestions[0].technique).toBe(
    "T1053.005",
  );
  for (const text of ["", "?!? 🙂 1234"]) {
    const empty = await post({ text });
    expect(empty.status()).toBe(200);
    expect(await empty.json()).toEqual({ suggestions: [] });
  }
  for (const [data, path] of [
    [{ text: "x".repeat(5_001) }, "text"],
    [{ text: "schtasks", domain: "pre-attack" }, "domain"],
    [{}, "text"],
  ] as const) {
    const refused = await post(data);
    expect(refused.status()).toBe(400);
    const error = (await refused.json()).error;
    expect(error.code).toBe("VALIDATION");
    expect(error.issues.map((i: { path: string }) => i.path)).toContain(path);
  }
  expect((await post({ text: SCHEDULED_TASK }, "pe_never-issued")).status()).toBe(401);
});
