// Issue 6 item 5 in the browser: a reviewer who spots a leaked value in an observation's history purges it from
// the detail page; the text and the history no longer show it, and the API then finds it nowhere.
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

// A customer's project code name the anonymizer cannot know: it reached the text and an edit reason.
const LEAK = "Pelicanrise";

async function api(request: APIRequestContext, token: string, method: "POST" | "PATCH", url: string, data: object) {
  const res = await request.fetch(url, { method, data, headers: { Authorization: `Bearer ${token}` } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as { id: string; version: number };
}

test("a reviewer purges a leaked value from the detail page and the history no longer shows it", async ({
  browser,
  request,
  signIn,
}) => {
  const tokens = readE2eTokens();
  const created = await api(request, tokens.contributor, "POST", "/api/v1/observations", {
    domain: "enterprise-attack",
    technique: "T1059.001",
    actor: { id: "G0016" },
    procedure: `ran an encoded PowerShell loader for the ${LEAK} rollout every night.`,
    references: [{ sourceName: "Incident notes", description: "Internal ticket, May 2026." }],
    tlp: "CLEAR",
    credit: "anonymous",
  });
  const id = created.id;
  await api(request, tokens.reviewer, "POST", `/api/v1/observations/${id}/transitions`, {
    action: "claim",
    version: 1,
  });
  await api(request, tokens.reviewer, "PATCH", `/api/v1/observations/${id}`, {
    version: 2,
    procedure: `ran an encoded PowerShell loader for the ${LEAK} rollout every night, then cleared logs.`,
    reason: `${LEAK} detail added`,
  });

  const page = await browser.newPage();
  await signIn(page, E2E_USERS.reviewer.email);
  await page.goto(`/queue/${id}`);
  const history = page.locator("table").filter({ hasText: "Version" });
  await expect(history).toContainText(`${LEAK} detail added`);

  const form = page.getByRole("form", { name: "Purge a leaked value" });
  await form.getByLabel("Leaked value").fill(LEAK.toLowerCase());
  const button = form.getByRole("button", { name: "Purge everywhere" });
  await expect(button).toBeDisabled();
  await form.getByLabel("This rewrites the whole history; it cannot be undone").check();
  await button.click();
  await expect(form.getByRole("status")).toContainText(/Purged: 1 field\(s\) of the current text, 3 revision\(s\)/);

  await expect(history).toContainText("[TERM-1] detail added");
  await expect(history).toContainText("purge");
  await expect(page.locator("main")).not.toContainText(LEAK, { ignoreCase: true });
  await page.reload();
  await expect(page.locator("body")).not.toContainText(LEAK, { ignoreCase: true });
  await expect(page.locator("body")).toContainText("for the [TERM-1] rollout");

  // The value is gone everywhere: a second purge finds nothing, and does not echo the value.
  const again = await request.post(`/api/v1/observations/${id}/purge`, {
    data: { value: LEAK, version: 4 },
    headers: { Authorization: `Bearer ${tokens.reviewer}` },
  });
  expect(again.status()).toBe(404);
  expect(await again.text()).not.toContain(LEAK);
});
