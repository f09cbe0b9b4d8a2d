// The review queue (issue 9 item 2): filter by technique and status, page forward with the cursor and back to
// the first page, and the Decided view. Other specs share the database, so this one works on observations of
// a technique no other spec uses (T1547.001), created by the admin (the contributor's mail stays untouched)
// and moved along by the reviewer through the API.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

const TECHNIQUE = "T1547.001";

async function api(
  request: APIRequestContext,
  who: "reviewer" | "admin",
  method: "GET" | "POST",
  url: string,
  data?: unknown,
) {
  const res = await request.fetch(url, { method, data, headers: { authorization: `Bearer ${readE2eTokens()[who]}` } });
  return { status: res.status(), body: await res.json() };
}

async function submit(request: APIRequestContext, n: number): Promise<string> {
  const { status, body } = await api(request, "admin", "POST", "/api/v1/observations", {
    domain: "enterprise-attack",
    technique: TECHNIQUE,
    actor: { id: "G0007" },
    procedure: `added a Run key on [HOST-${n}] so the loader started at every logon (queue spec ${n}).`,
    references: [{ sourceName: "Queue spec", description: `Queue spec write-up ${n}.` }],
    tlp: "CLEAR",
    credit: "anonymous",
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return body.id;
}

async function act(request: APIRequestContext, id: string, action: string, version: number, comment?: string) {
  const { status, body } = await api(request, "reviewer", "POST", `/api/v1/observations/${id}/transitions`, {
    action,
    version,
    ...(comment ? { comment } : {}),
  });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.version as number;
}

/** The ids in the queue's table, in order. */
const shown = (page: Page) =>
  page.getByRole("region", { name: "Review queue" }).locator("tbody tr td:first-child").allTextContents();

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

test("the queue filters by technique and status, pages with a cursor, and shows decided work", async ({
  page,
  request,
  signIn,
}) => {
  const [waiting, claimed, rejected] = [await submit(request, 1), await submit(request, 2), await submit(request, 3)];
  await act(request, claimed, "claim", 1);
  const v = await act(request, rejected, "claim", 1);
  await act(request, rejected, "reject", v, "Not a procedure: this restates the technique's definition.");

  // The API: the same filters, a cursor on every page but the last, counts per status.
  const first = await api(request, "reviewer", "GET", `/api/v1/queue?technique=${TECHNIQUE}&limit=1`);
  expect(first.status).toBe(200);
  expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([waiting]);
  expect(first.body.total).toBe(2);
  expect(first.body.counts).toMatchObject({ SUBMITTED: 1, IN_REVIEW: 1, REJECTED: 1 });
  const second = await api(
    request,
    "reviewer",
    "GET",
    `/api/v1/queue?technique=${TECHNIQUE}&limit=1&cursor=${first.body.nextCursor}`,
  );
  expect(second.body.items.map((i: { id: string }) => i.id)).toEqual([claimed]);
  expect(second.body.nextCursor).toBeNull();
  const forged = await api(request, "reviewer", "GET", "/api/v1/queue?cursor=eyJ2IjoxfQ");
  expect(forged.status).toBe(400);
  expect(forged.body.error.message).toContain("cursor");

  await signIn(page, E2E_USERS.reviewer.email);
  // The filter form: a GET form, so the filtered view is a link.
  await page.goto("/queue");
  await page.getByLabel("Technique").fill(TECHNIQUE);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`technique=${TECHNIQUE.replace(".", "\\.")}`));
  expect(await shown(page)).toEqual([waiting, claimed]);

  // A status tab keeps the filter and shows its count.
  const tabs = page.getByRole("navigation", { name: "Queue views" });
  await expect(tabs.getByRole("link", { name: /in review\s*1/ })).toBeVisible();
  await tabs.getByRole("link", { name: /in review/ }).click();
  await expect(page).toHaveURL(/status=IN_REVIEW/);
  expect(await shown(page)).toEqual([claimed]);

  // One row a page: next page, then back to the first.
  await page.goto(`/queue?technique=${TECHNIQUE}&limit=1`);
  expect(await shown(page)).toEqual([waiting]);
  await page.getByRole("link", { name: "Next page →" }).click();
  await expect(page).toHaveURL(/cursor=/);
  expect(await shown(page)).toEqual([claimed]);
  await expect(page.getByRole("link", { name: "Next page →" })).toHaveCount(0);
  await page.getByRole("link", { name: "← First page" }).click();
  await expect(page).not.toHaveURL(/cursor=/);
  expect(await shown(page)).toEqual([waiting]);

  // Decided: what left the queue is still findable, with the same filters.
  await page.goto(`/queue?technique=${TECHNIQUE}`);
  await tabs.getByRole("link", { name: /^Decided/ }).click();
  await expect(page).toHaveURL(/view=decided/);
  expect(await shown(page)).toEqual([rejected]);
  // The form follows the view: decided work is newest first.
  await expect(page.getByLabel("Order")).toHaveValue("newest");
  await expect(page.getByRole("region", { name: "Review queue" }).getByText("rejected")).toBeVisible();
  await shoot(page, "queue-decided");

  // A filter the queue cannot use says which one and how to fix it.
  await page.goto("/queue?actor=APT28");
  await expect(page.getByRole("status").filter({ hasText: "actor" })).toContainText("G0007");
  await page.goto(`/queue?technique=${TECHNIQUE}`);
  await shoot(page, "queue-filtered");
});
