// The queue's "Has duplicate candidates" filter (issue 9 item 2): two observations of the same technique and actor
// are each other's candidates; a third by another actor is not. A technique no other spec uses (T1547.004), created
// by the admin through the API (the contributor's mail stays untouched).
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

const TECHNIQUE = "T1547.004";

async function api(request: APIRequestContext, who: "reviewer" | "admin", url: string, data?: unknown) {
  const res = await request.fetch(url, {
    method: data ? "POST" : "GET",
    data,
    headers: { authorization: `Bearer ${readE2eTokens()[who]}` },
  });
  return { status: res.status(), body: await res.json() };
}

async function submit(request: APIRequestContext, actor: string, n: number): Promise<string> {
  const { status, body } = await api(request, "admin", "/api/v1/observations", {
    domain: "enterprise-attack",
    technique: TECHNIQUE,
    actor: { id: actor },
    procedure: `registered a Winlogon helper DLL on [HOST-${n}] to run at every sign-in (duplicates spec ${n}).`,
    references: [{ sourceName: "Duplicates spec", description: `Duplicates spec write-up ${n}.` }],
    tlp: "CLEAR",
    credit: "anonymous",
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return body.id;
}

test("the queue filters to observations that have duplicate candidates", async ({ page, request, signIn }) => {
  const first = await submit(request, "G0016", 1);
  const second = await submit(request, "G0016", 2);
  const alone = await submit(request, "G0007", 3);

  const all = await api(request, "reviewer", `/api/v1/queue?technique=${TECHNIQUE}`);
  expect(all.body.items.map((i: { id: string }) => i.id)).toEqual([first, second, alone]);
  const dupes = await api(request, "reviewer", `/api/v1/queue?technique=${TECHNIQUE}&duplicates=1`);
  expect(dupes.status).toBe(200);
  expect(dupes.body.items.map((i: { id: string }) => i.id)).toEqual([first, second]);
  expect(dupes.body.total).toBe(2);
  expect(dupes.body.capped).toEqual([]);
  expect((await api(request, "reviewer", "/api/v1/queue?duplicates=maybe")).status).toBe(400);

  await signIn(page, E2E_USERS.reviewer.email);
  await page.goto(`/queue?technique=${TECHNIQUE}`);
  const rows = page.getByRole("region", { name: "Review queue" }).locator("tbody tr td:first-child");
  await expect(rows).toHaveText([first, second, alone]);
  const box = page.getByRole("checkbox", { name: "Has duplicate candidates" });
  await box.check();
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(page).toHaveURL(/duplicates=1/);
  await expect(rows).toHaveText([first, second]);
  await expect(box).toBeChecked();
  await expect(page.getByTestId("queue-total")).toHaveText("2 shown of 2 open matching the filters.");
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/queue-duplicates-${width}.png`, fullPage: true });
  }
});
