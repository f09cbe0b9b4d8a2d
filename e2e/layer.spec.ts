// "Download Navigator layer" (issue 8 item 5): each role clicks the link on its page, gets the file
// procedure-exchange-enterprise-attack-layer.json, and it is a Navigator layer (format 4.5) equal to what the
// API gives the same role. Reviewers and admins see the community's coverage; a contributor only their own, so
// every score of theirs is at most the admin's. Read-only: other specs share the database.
import { readFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

type Who = keyof typeof E2E_USERS;
type Layer = { techniques: { techniqueID: string; score: number; comment: string }[] } & Record<string, unknown>;

const FILE = "procedure-exchange-enterprise-attack-layer.json";

async function viaApi(request: APIRequestContext, who: Who, query = "domain=enterprise-attack") {
  return request.get(`/api/v1/catalog/layer?${query}`, {
    headers: { authorization: `Bearer ${readE2eTokens()[who]}` },
  });
}

async function downloadLayer(page: Page): Promise<Layer> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download Navigator layer" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(FILE);
  return JSON.parse(readFileSync(await download.path(), "utf8")) as Layer;
}

function expectLayerShape(layer: Layer) {
  expect(layer).toMatchObject({
    name: expect.any(String),
    domain: "enterprise-attack",
    versions: { navigator: expect.any(String), layer: "4.5" },
    hideDisabled: false,
    gradient: { colors: expect.any(Array), minValue: 0, maxValue: expect.any(Number) },
    legendItems: expect.any(Array),
  });
  const ids = layer.techniques.map((t) => t.techniqueID);
  expect(ids).toEqual([...ids].sort());
  for (const t of layer.techniques) {
    expect(t.techniqueID).toMatch(/^T\d{4}(\.\d{3})?$/);
    expect(t.score).toBeGreaterThan(0);
  }
}

for (const [who, path] of [
  ["admin", "/releases"],
  ["reviewer", "/queue"],
  ["contributor", "/my"],
] as const) {
  test(`${who}: the link on ${path} downloads the layer the API gives`, async ({ page, request, signIn }) => {
    await signIn(page, E2E_USERS[who].email);
    await page.goto(path);
    // For a reviewer to look at (test-results/ is not committed): the link at both widths.
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ]) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `test-results/layer-${who}-${width}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    const layer = await downloadLayer(page);
    expectLayerShape(layer);
    const res = await viaApi(request, who);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-disposition"]).toBe(`attachment; filename="${FILE}"`);
    expect(layer).toEqual(await res.json());
    expect(layer.description).toContain(who === "contributor" ? "your observations" : "the community's");
    if (who === "contributor") {
      const all = (await (await viaApi(request, "admin")).json()) as Layer;
      const scoreOf = new Map(all.techniques.map((t) => [t.techniqueID, t.score]));
      for (const t of layer.techniques) expect(t.score).toBeLessThanOrEqual(scoreOf.get(t.techniqueID) ?? 0);
    }
  });
}

test("a bad domain or status is a 400 that names the field", async ({ request }) => {
  const domain = await viaApi(request, "reviewer", "domain=pre-attack");
  expect(domain.status()).toBe(400);
  expect((await domain.json()).error.issues[0].path).toBe("domain");
  const status = await viaApi(request, "reviewer", "status=DONE");
  expect(status.status()).toBe(400);
  expect((await status.json()).error.message).toContain('Unknown status "DONE"');
});
