// The contributor's own space: filter and page the list, answer a reviewer's question in the reply
// box (the reviewer is mailed), and withdraw only after confirming. Screenshots at desktop and phone width.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

const REFERENCE = {
  sourceName: "Acme Labs 2026c",
  url: "https://example.org/r3",
  description: "Acme Labs. (2026). PowerShell notes.",
  public: true,
};

async function create(request: APIRequestContext, procedure: string, draft = false): Promise<string> {
  const response = await request.post("/api/v1/observations", {
    headers: { authorization: `Bearer ${readE2eTokens().contributor}` },
    data: { technique: "T1059.001", actor: { id: "G0016" }, procedure, references: [REFERENCE], draft },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function transition(request: APIRequestContext, id: string, data: Record<string, unknown>) {
  const response = await request.post(`/api/v1/observations/${id}/transitions`, {
    headers: { authorization: `Bearer ${readE2eTokens().reviewer}` },
    data,
  });
  expect(response.status()).toBe(200);
}

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

test("a contributor filters and pages their list, answers a question, and confirms a withdrawal", async ({
  browser,
  request,
  signIn,
  mail,
  page,
}) => {
  const marker = `mk${Date.now().toString(36)}`;
  const oldest = await create(request, `Ran an encoded PowerShell loader (${marker}) from a scheduled task.`);
  const middle = await create(request, `Used PowerShell remoting (${marker}) to reach the backup server.`);
  const draft = await create(request, `Draft: PowerShell downloaded a second stage (${marker}).`, true);
  await transition(request, middle, { action: "claim", version: 1 });
  await transition(request, middle, { action: "ask", version: 2, comment: "Which account ran the remoting session?" });

  // Take the question mail this test caused, so a later spec on this worker's sink does not read it.
  expect((await mail.waitForMail(E2E_USERS.contributor.email, { subject: /question/i })).subject).toContain(middle);

  await signIn(page, E2E_USERS.contributor.email);
  await page.goto(`/my?q=${marker}&limit=2`);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(draft);
  await expect(rows.nth(1)).toContainText(middle);
  await expect(page.getByRole("link", { name: /^All/ })).toContainText("3");
  await shoot(page, "my-observations-list");

  await page.getByRole("link", { name: "Older →" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText(oldest);
  await expect(page.getByRole("link", { name: "Older →" })).toHaveCount(0);

  await page.getByRole("link", { name: /^needs info/ }).click();
  await expect(page).toHaveURL(/status=NEEDS_INFO/);
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText(middle);

  await page.goto(`/my?q=${marker}-nothing`);
  await expect(page.getByText(/Nothing matches/)).toBeVisible();
  await page.goto("/my?cursor=forged");
  await expect(page.getByRole("status")).toContainText("go back to the first page");

  // The reply box: the answer is anonymized, the observation returns to the queue, the reviewer is mailed.
  await page.goto(`/my/${middle}`);
  await expect(page.getByText("Which account ran the remoting session?")).toBeVisible();
  await shoot(page, "my-observation-reply");
  await page.getByLabel(/^Your answer/).fill("It ran as svc-backup@corp.local on bkp01.corp.local.");
  await page.getByRole("button", { name: "Send answer" }).click();
  await expect(page.locator(".status").first()).toHaveText("submitted");
  await expect(page.getByLabel(/^Your answer/)).toHaveCount(0);
  const answered = await mail.waitForMail(E2E_USERS.reviewer.email, { subject: /answered/i });
  expect(answered.subject).toContain(middle);
  expect(answered.text).toContain("[EMAIL-1]");
  expect(answered.text).not.toContain("svc-backup@corp.local");
  expect(answered.text).not.toContain("bkp01.corp.local");
  const reviewer = await browser.newPage();
  await signIn(reviewer, E2E_USERS.reviewer.email);
  await reviewer.goto("/queue");
  await expect(reviewer.getByRole("row").filter({ hasText: middle })).toContainText("answered");
  await reviewer.close();

  // Withdraw asks first, says it cannot be undone, and Cancel changes nothing.
  await page.goto(`/my/${oldest}`);
  await page.getByRole("button", { name: "Withdraw" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("cannot be undone");
  await shoot(page, "my-observation-withdraw");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.locator(".status").first()).toHaveText("submitted");
  await page.getByRole("button", { name: "Withdraw" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Yes, withdraw" }).click();
  await expect(page.locator(".status").first()).toHaveText("withdrawn");

  // The REST route (issue 9 item 4): a reviewer's comment is a SHARED one by default; the contributor may not write
  // an INTERNAL note (403 that says why); outside NEEDS_INFO the contributor's comment is no second answer.
  const asReviewer = await request.post(`/api/v1/observations/${middle}/comments`, {
    headers: { authorization: `Bearer ${readE2eTokens().reviewer}` },
    data: { body: "A reviewer's note.", version: 4 },
  });
  expect(asReviewer.status()).toBe(201);
  expect(await asReviewer.json()).toMatchObject({
    id: middle,
    status: "SUBMITTED",
    version: 4,
    comment: { body: "A reviewer's note.", visibility: "SHARED", role: "reviewer" },
  });
  const internal = await request.post(`/api/v1/observations/${middle}/comments`, {
    headers: { authorization: `Bearer ${readE2eTokens().contributor}` },
    data: { body: "A note.", visibility: "INTERNAL" },
  });
  expect(internal.status()).toBe(403);
  expect(((await internal.json()) as { error: { message: string } }).error.message).toMatch(/reviewers only/i);
  const notAsked = await request.post(`/api/v1/observations/${middle}/comments`, {
    headers: { authorization: `Bearer ${readE2eTokens().contributor}` },
    data: { body: "Another answer.", version: 4 },
  });
  expect(notAsked.status()).toBe(201);
  expect(await notAsked.json()).toMatchObject({ status: "SUBMITTED", version: 4, comment: { role: "contributor" } });
});
