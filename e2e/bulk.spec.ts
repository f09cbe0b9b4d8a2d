// Bulk actions on the queue (issue 9 item 2): select two observations, reject both with one reason (they leave
// the queue, show in Decided, and each contributor is mailed); a bulk assign mails the reviewer once; a stale
// selection changes nothing and says which item and why; the detail page's assign and unclaim. Works on a
// technique no other spec uses (T1112), filtered, so other specs' observations never show here.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

const TECHNIQUE = "T1112";
const QUEUE = `/queue?technique=${TECHNIQUE}`;

async function submit(request: APIRequestContext, who: "contributor" | "admin", n: number): Promise<string> {
  const res = await request.post("/api/v1/observations", {
    headers: { authorization: `Bearer ${readE2eTokens()[who]}` },
    data: {
      domain: "enterprise-attack",
      technique: TECHNIQUE,
      actor: { id: "G0007" },
      procedure: `changed a registry value on [HOST-${n}] to disable the event log (bulk spec ${n}).`,
      references: [{ sourceName: "Bulk spec", description: `Bulk spec write-up ${n}.` }],
      tlp: "CLEAR",
      credit: "anonymous",
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
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

async function apply(page: Page, count: number) {
  await page.getByRole("button", { name: `Apply to ${count} selected` }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("All or nothing");
  await dialog.getByRole("button", { name: `Yes, apply to ${count}` }).click();
}

test("bulk reject and assign from the queue, all or nothing, with mails", async ({ page, request, signIn, mail }) => {
  const mine = await submit(request, "contributor", 1);
  const admins = await submit(request, "admin", 2);
  await signIn(page, E2E_USERS.reviewer.email);
  await page.goto(QUEUE);
  expect(await shown(page)).toEqual([mine, admins]);

  // Select both by keyboard: the row checkboxes are ordinary, labelled checkboxes.
  await page.getByRole("checkbox", { name: `Select ${mine}` }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("checkbox", { name: `Select ${admins}` }).check();
  await expect(page.getByRole("checkbox", { name: "Select all on this page" })).toBeChecked();
  const bar = page.getByRole("region", { name: /Bulk action/ });
  await expect(bar).toContainText("2 selected");
  await bar.getByLabel("Action").selectOption("reject");
  await bar.getByLabel(/^Reason/).fill("Not a procedure: it restates the technique's definition.");
  await shoot(page, "bulk-selected");
  await apply(page, 2);
  await expect(page.getByTestId("toast").last()).toContainText(`Rejected 2: ${mine}, ${admins}.`);
  await expect(page.getByTestId("queue-total")).toHaveText("Nothing matches.");

  await page.goto(`${QUEUE}&view=decided`);
  expect((await shown(page)).sort()).toEqual([mine, admins].sort());
  for (const [who, id] of [
    [E2E_USERS.contributor.email, mine],
    [E2E_USERS.admin.email, admins],
  ]) {
    const decision = await mail.waitForMail(who, { subject: new RegExp(`^${id} not accepted$`) });
    expect(decision.text).toContain("it restates the technique's definition");
  }

  // Assign: a stale selection (claimed meanwhile) changes nothing and names the item; then the batch succeeds.
  const third = await submit(request, "contributor", 3);
  const fourth = await submit(request, "contributor", 4);
  await page.goto(QUEUE);
  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  await bar.getByLabel("Action").selectOption("assign");
  await bar.getByLabel("Reviewer", { exact: true }).selectOption(E2E_USERS.admin.email);
  await bar.getByLabel(/^Reason/).fill("Admin knows this actor best.");
  const claimed = await request.post(`/api/v1/observations/${fourth}/transitions`, {
    headers: { authorization: `Bearer ${readE2eTokens().reviewer}` },
    data: { action: "claim", version: 1 },
  });
  expect(claimed.status()).toBe(200);
  await apply(page, 2);
  await expect(bar.getByRole("status")).toContainText("Nothing was changed: 1 of 2 selected cannot be assigned");
  await expect(bar.getByRole("status")).toContainText(`${fourth} changed since you loaded it`);
  await shoot(page, "bulk-refused");
  await page.reload();
  expect(await shown(page)).toEqual([third, fourth]);
  await expect(page.getByRole("row", { name: new RegExp(third) })).toContainText("—");
  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  await bar.getByLabel("Action").selectOption("assign");
  await bar.getByLabel("Reviewer", { exact: true }).selectOption(E2E_USERS.admin.email);
  await bar.getByLabel(/^Reason/).fill("Admin knows this actor best.");
  await apply(page, 2);
  await expect(page.getByTestId("toast").last()).toContainText(`Assigned 2: ${third}, ${fourth}.`);
  await expect(page.getByRole("row", { name: new RegExp(third) })).toContainText(E2E_USERS.admin.email);
  const assigned = await mail.waitForMail(E2E_USERS.admin.email, { subject: /^2 observations assigned to you/ });
  expect(assigned.text).toContain(`/queue/${third}`);
  expect(assigned.text).toContain(`/queue/${fourth}`);

  // The detail page: the admin hands one to the reviewer with the picker; the reviewer unclaims it.
  const admin = await page.context().browser()!.newPage();
  await signIn(admin, E2E_USERS.admin.email);
  await admin.goto(`/queue/${third}`);
  await admin.getByLabel("Assign to").selectOption(E2E_USERS.reviewer.email);
  await admin.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(admin.getByTestId("toast")).toContainText("Assigned");
  await mail.waitForMail(E2E_USERS.reviewer.email, { subject: new RegExp(`^${third} assigned to you`) });
  await page.goto(`/queue/${third}`);
  await shoot(page, "bulk-detail-assigned");
  await page.getByRole("button", { name: "Unclaim" }).click();
  await expect(page.locator("main .status").first()).toHaveText("submitted");
  await page.goto(QUEUE);
  await expect(page.getByRole("row", { name: new RegExp(third) })).toContainText("—");
  // The API: bad input is a 400 saying what to fix; then the rest leaves the open queue (later specs see none of it).
  const bulk = (data: unknown) =>
    request.post("/api/v1/queue/bulk", { headers: { authorization: `Bearer ${readE2eTokens().admin}` }, data });
  const empty = await bulk({ action: "reject", items: [], reason: "x" });
  expect(empty.status()).toBe(400);
  expect(((await empty.json()) as { error: { message: string } }).error.message).toContain(
    "Select at least one observation",
  );
  const versions = await Promise.all(
    [third, fourth].map(async (id) => {
      const res = await request.get(`/api/v1/queue?technique=${TECHNIQUE}`, {
        headers: { authorization: `Bearer ${readE2eTokens().admin}` },
      });
      const { items } = (await res.json()) as { items: { id: string; version: number }[] };
      return { id, version: items.find((i) => i.id === id)!.version };
    }),
  );
  const done = await bulk({ action: "reject", items: versions, reason: "Cleaning up after the bulk spec." });
  expect(done.status(), await done.text()).toBe(200);
  for (const id of [third, fourth]) {
    await mail.waitForMail(E2E_USERS.contributor.email, { subject: new RegExp(`^${id} received$`) });
    await mail.waitForMail(E2E_USERS.contributor.email, { subject: new RegExp(`^${id} not accepted$`) });
  }
  await mail.waitForMail(E2E_USERS.contributor.email, { subject: new RegExp(`^${mine} received$`) });
  await mail.waitForMail(E2E_USERS.admin.email, { subject: new RegExp(`^${admins} received$`) });
});
