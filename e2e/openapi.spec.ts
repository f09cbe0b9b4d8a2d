// The OpenAPI document (GET /api/v1/openapi.json, public) and the reference page rendered from it (/docs/api):
// the JSON is served without signing in, the page lists every operation of it (e.g. GET /api/v1/queue with its
// parameters), passes axe at phone and desktop widths, and the profile's API token section links to it.
import { checkPage } from "./a11y-pages";
import { expect, test } from "./fixtures";
import { E2E_USERS } from "./users";

type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };

test("the OpenAPI document is served to anyone, as JSON", async ({ request }) => {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/json");
  const doc = (await res.json()) as Doc;
  expect(doc.openapi).toMatch(/^3\.1\./);
  expect(doc.paths["/queue"].get.operationId).toBe("getQueue");
  expect(Object.keys(doc.paths["/drafts/current"]).sort()).toEqual(["delete", "get", "put"]);
});

test("the reference page renders every operation of the document", async ({ page, request }) => {
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as Doc;
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  const queue = page.getByTestId("getQueue");
  await expect(queue.getByRole("heading", { name: "GET /api/v1/queue" })).toBeVisible();
  await expect(queue.locator("dt code").getByText("cursor", { exact: true })).toBeVisible();
  await queue.getByRole("link", { name: "401" }).click();
  await expect(page.locator("#error-401")).toContainText("UNAUTHENTICATED");
  const submit = page.getByTestId("postObservations");
  await expect(submit.locator("dt code").getByText("references[].sourceName", { exact: true })).toBeVisible();
  const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
  await expect(page.locator("article[data-testid]")).toHaveCount(ids.length);
  for (const id of ids) await expect(page.getByTestId(id)).toHaveCount(1);
  const [json] = await Promise.all([
    page.waitForResponse("**/api/v1/openapi.json"),
    page.getByRole("link", { name: "OpenAPI 3.1 (openapi.json)" }).click(),
  ]);
  expect(json.status()).toBe(200);
});

test("the reference page is accessible at desktop and phone widths", async ({ page }) => {
  test.setTimeout(300_000); // a long page: four axe scans and four full-page screenshots
  await checkPage(page, "api-reference", "/docs/api");
});

test("the profile's API token section links to the reference", async ({ page, signIn }) => {
  await signIn(page, E2E_USERS.contributor.email);
  await page.goto("/profile");
  const tokens = page.getByRole("region", { name: "Personal API tokens" });
  await tokens.getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
});
