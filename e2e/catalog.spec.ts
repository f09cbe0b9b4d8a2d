// The catalog browser (issue 8 item 5): the matrix with expandable sub-techniques, a technique page with
// ATT&CK's procedure examples rendered (numbered citations, no raw markers), coverage mode with counts as text,
// a revoked technique pointing at its replacement, and "Download as Navigator layer" for the matrix and for an
// actor. The one observation it makes is published in a release of its own, so later specs' exports do not
// find it. Screenshots at desktop and phone width go to test-results/.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";
import { exportRelease } from "./jobs";

type Layer = { domain: string; versions: { layer: string }; techniques: { techniqueID: string; score: number }[] };

async function shoot(page: Page, name: string) {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/catalog-${name}-${width}.png`, fullPage: name === "index" });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function download(page: Page, link: ReturnType<Page["getByRole"]>): Promise<[string, Layer]> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return [file.suggestedFilename(), JSON.parse(readFileSync(await file.path(), "utf8")) as Layer];
}

test.beforeAll(async ({ playwright, mail }, testInfo) => {
  // An accepted, then published, PowerShell observation: coverage mode has a count to show.
  const tokens = readE2eTokens();
  const api = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  const as = (who: "contributor" | "reviewer" | "admin") => ({ authorization: `Bearer ${tokens[who]}` });
  const created = await api.post("/api/v1/observations", {
    headers: as("contributor"),
    data: {
      domain: "enterprise-attack",
      technique: "T1059.001",
      actor: { id: "G0016" },
      procedure: "Ran an encoded PowerShell command from a scheduled task to fetch a second stage.",
      references: [
        {
          sourceName: "Acme Labs 2026c",
          url: "https://example.org/reports/catalog",
          description: "Acme Labs. (2026, May 4). Catalog loaders.",
          public: true,
        },
      ],
      tlp: "CLEAR",
      credit: "anonymous",
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  for (const [action, version] of [
    ["claim", 1],
    ["accept", 2],
  ] as const) {
    const moved = await api.post(`/api/v1/observations/${id}/transitions`, {
      headers: as("reviewer"),
      data: { action, version },
    });
    expect(moved.status(), await moved.text()).toBe(200);
  }
  const opened = await api.post("/api/v1/releases", {
    headers: as("admin"),
    data: { name: `E2E catalog release ${Date.now()}`, attackVersion: "18.1" },
  });
  const { items } = (await (await api.get("/api/v1/releases", { headers: as("admin") })).json()) as {
    items: { id: string; status: string }[];
  };
  const open = opened.ok() ? ((await opened.json()) as { id: string }) : items.find((r) => r.status === "OPEN");
  expect(open, "an open release to publish into").toBeTruthy();
  expect((await exportRelease(api, open!.id, as("admin"))).status).toBe("EXPORTED");
  await api.dispose();
  // Take the mails this set-up caused, so a later spec on this worker's sink does not read them.
  for (const subject of [`${id} received`, `${id} accepted`]) {
    await mail.waitForMail(E2E_USERS.contributor.email, { subject: new RegExp(`^${subject}$`) });
  }
});

test("the matrix: sub-techniques expand, a technique page shows ATT&CK's examples rendered", async ({
  page,
  signIn,
}) => {
  await signIn(page, E2E_USERS.contributor.email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }).click();
  await expect(page.getByRole("heading", { name: "ATT&CK catalog" })).toBeVisible();
  await expect(page.getByTestId("domain-enterprise-attack")).toContainText("18.1");
  await shoot(page, "index");
  await page.getByRole("link", { name: "Enterprise matrix" }).click();
  await expect(page).toHaveURL(/\/catalog\/enterprise-attack$/);

  const matrix = page.getByRole("region", { name: /Enterprise matrix/ });
  const headers = matrix.getByRole("columnheader");
  await expect(headers).toHaveCount(14);
  await expect(headers.first()).toContainText("Reconnaissance");
  await expect(headers.nth(2)).toContainText("Initial Access");
  await expect(headers.last()).toContainText("Impact");
  await shoot(page, "matrix");

  // Keyboard: the summary is reachable and Enter opens it.
  const interpreter = matrix.locator('li[data-technique="T1059"]');
  const powershell = interpreter.getByRole("link", { name: "PowerShell", exact: true });
  await expect(powershell).toBeHidden();
  await interpreter.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(powershell).toBeVisible();
  await powershell.click();

  await expect(page).toHaveURL(/\/catalog\/enterprise-attack\/T1059\.001$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Command and Scripting Interpreter: PowerShell");
  await expect(page.getByTestId("description")).toContainText("PowerShell");
  const examples = page.getByRole("region", { name: "Procedure examples" });
  const apt29 = examples.getByRole("row").filter({ has: page.getByRole("link", { name: "G0016 APT29" }) });
  await expect(apt29.first()).toBeVisible();
  await expect(apt29.first().getByTestId("example").locator("sup a").first()).toHaveText("[1]");
  await expect(page.locator("main")).not.toContainText("(Citation:");
  // ATT&CK's <code> tags render as code, not as text.
  await expect(page.getByTestId("description").locator("code").first()).toBeVisible();
  await expect(page.locator("main")).not.toContainText("<code>");
  await shoot(page, "technique");

  // The actor's page: what it uses, and its own layer.
  await apt29.first().getByRole("link", { name: "G0016 APT29" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("APT29");
  await expect(page.getByRole("definition").filter({ hasText: "Cozy Bear" })).toBeVisible();
  await expect(
    page.getByRole("link", { name: /T1059\.001 Command and Scripting Interpreter: PowerShell/ }),
  ).toBeVisible();
  await shoot(page, "group");
  const [name, layer] = await download(page, page.getByRole("link", { name: "Download as Navigator layer" }));
  expect(name).toBe("procedure-exchange-enterprise-attack-G0016-layer.json");
  expect(layer).toMatchObject({ domain: "enterprise-attack", versions: { layer: "4.5" } });
  expect(layer.techniques).toContainEqual(expect.objectContaining({ techniqueID: "T1059.001", score: 1 }));
});

test("coverage mode shows counts as text, and the layer download matches the domain", async ({ page, signIn }) => {
  await signIn(page, E2E_USERS.reviewer.email);
  await page.goto("/catalog/enterprise-attack");
  await page.getByRole("link", { name: "Coverage" }).click();
  await expect(page).toHaveURL(/view=coverage/);
  await expect(page.getByRole("group", { name: "Coverage legend" })).toContainText("10 or more");
  const interpreter = page.locator('li[data-technique="T1059"]');
  await expect(interpreter.locator("summary")).toContainText(/observations?/);
  await interpreter.locator("summary").click();
  const count = interpreter.getByTestId("count-T1059.001");
  await expect(count).toBeVisible();
  expect(Number((await count.textContent())?.match(/\d+/)?.[0])).toBeGreaterThanOrEqual(1);
  await expect(interpreter.locator('li[data-technique="T1059.001"]')).toHaveClass(/cov-[1-4]/);
  await shoot(page, "coverage");

  const [name, layer] = await download(page, page.getByRole("link", { name: "Download as Navigator layer" }));
  expect(name).toBe("procedure-exchange-enterprise-attack-layer.json");
  expect(layer).toMatchObject({ domain: "enterprise-attack", versions: { layer: "4.5" } });
  expect(layer.techniques.find((t) => t.techniqueID === "T1059.001")?.score).toBe(
    Number((await count.textContent())?.match(/\d+/)?.[0]),
  );
});

test("a revoked technique points at its replacement; unknown ids and domains are 404 pages", async ({
  page,
  signIn,
}) => {
  await signIn(page, E2E_USERS.contributor.email);
  // T1086 PowerShell was revoked by T1059.001 when ATT&CK moved to sub-techniques.
  await page.goto("/catalog/enterprise-attack/T1086");
  const note = page.getByRole("note");
  await expect(note).toContainText("ATT&CK revoked T1086");
  await note.getByRole("link", { name: /T1059\.001/ }).click();
  await expect(page).toHaveURL(/\/T1059\.001$/);
  for (const path of ["/catalog/enterprise-attack/T9999", "/catalog/pre-attack"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
});
