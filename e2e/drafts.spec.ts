// Issue 6: the submit form autosaves a server-side draft (stored anonymized), restores it on reload, can discard it,
// and warns before the page is left with changes not saved. A fresh contributor per test, so no other spec's
// /submit ever starts from this one's draft.
import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";

const DB_FILE = path.resolve(__dirname, "../data/e2e/app.db");
const RAW_PROCEDURE =
  "Ran an encoded PowerShell loader on fin-ws-12.corp.local and mailed the output to jane.doe@victim-bank.com.";

const newContributor = () => `drafts-${randomUUID().slice(0, 8)}@e2e.test`;

/** The stored draft rows of one user, as text (read-only, straight from the e2e database). */
function storedDrafts(email: string): string {
  const sqlite = new Database(DB_FILE, { readonly: true, fileMustExist: true });
  try {
    const rows = sqlite
      .prepare(`SELECT d.* FROM "Draft" d JOIN "User" u ON u.id = d."userId" WHERE u.email = ?`)
      .all(email);
    return JSON.stringify(rows);
  } finally {
    sqlite.close();
  }
}

const status = (page: Page) => page.getByTestId("draft-status");

test("the form autosaves an anonymized draft, restores it on reload, and discards it", async ({ page, signIn }) => {
  const email = newContributor();
  await signIn(page, email);
  await page.goto("/submit");
  await page.getByLabel(/^Technique/).fill("T1059.001");
  await page.getByRole("option", { name: /T1059\.001 .*PowerShell/ }).click();
  await page.getByLabel(/^What was seen/).fill(RAW_PROCEDURE);
  await page.getByLabel("Source name").fill("Internal notes");
  await expect(status(page)).toContainText("Draft saved");

  // The server's copy is the anonymized one; the raw text was never stored.
  const stored = storedDrafts(email);
  expect(stored).toContain("[HOST-1]");
  for (const raw of ["fin-ws-12", "corp.local", "jane.doe", "victim-bank"]) expect(stored).not.toContain(raw);
  // While typing, the form keeps what was typed.
  await expect(page.getByLabel(/^What was seen/)).toHaveValue(RAW_PROCEDURE);

  await page.reload();
  await expect(page.getByTestId("draft-restored")).toContainText(
    /Restored your draft saved at \d{1,2}:\d{2}.*Identifiers were replaced by placeholders when it was saved/,
  );
  const procedure = page.getByLabel(/^What was seen/);
  await expect(procedure).toHaveValue(/on \[HOST-1\] and mailed the output to \[EMAIL-1\]\.$/);
  await expect(page.getByTestId("technique-chosen")).toContainText("T1059.001");
  await expect(page.getByLabel("Source name")).toHaveValue("Internal notes");

  page.once("dialog", (dialog) => {
    expect(dialog.type()).toBe("confirm");
    expect(dialog.message()).toContain("Discard this draft?");
    void dialog.accept();
  });
  await page.getByRole("button", { name: "Discard draft" }).click();
  await expect(procedure).toHaveValue("");
  await expect(page.getByTestId("draft-restored")).toHaveCount(0);
  await expect(page.getByTestId("technique-chosen")).toHaveCount(0);
  expect(storedDrafts(email)).toBe("[]");
  await page.reload();
  await expect(page.getByLabel(/^What was seen/)).toHaveValue("");
  await expect(page.getByTestId("draft-restored")).toHaveCount(0);
});

test("leaving with changes not saved asks first, in the app and in the browser", async ({ page, signIn }) => {
  await signIn(page, newContributor());
  await page.goto("/submit");
  await page.getByLabel(/^What was seen/).fill("Ran a loader from a scheduled task on a build server.");
  // A URL on a reference not marked public cannot be saved (it names a host): the rest is saved, the URL is named,
  // and it stays unsaved work.
  await page.getByLabel("URL").fill("https://intranet.example.org/ticket/42");
  await expect(status(page)).toContainText(/Draft saved .*, without reference 1 URL until valid/);
  await expect(page.getByLabel("URL")).toHaveValue("https://intranet.example.org/ticket/42");

  // An in-app link: the person is asked, and staying keeps the form as it was.
  const asked = page.waitForEvent("dialog");
  const click = page.getByRole("link", { name: "My observations" }).click();
  const confirm = await asked;
  expect(confirm.type()).toBe("confirm");
  expect(confirm.message()).toContain("not saved");
  await confirm.dismiss();
  await click;
  await expect(page).toHaveURL(/\/submit$/);
  await expect(page.getByLabel(/^What was seen/)).toHaveValue("Ran a loader from a scheduled task on a build server.");

  // Closing the tab: the browser's own "leave site?" dialog.
  const unload = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await unload;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.accept();
});

test("REST: GET/PUT/DELETE /api/v1/drafts/current keep the caller's own draft, anonymized", async ({ request }) => {
  const url = "/api/v1/drafts/current";
  const auth = { authorization: `Bearer ${readE2eTokens().reviewer}` };
  for (const method of ["GET", "PUT", "DELETE"] as const) {
    const response = await request.fetch(url, { method, data: method === "PUT" ? { procedure: "x" } : undefined });
    expect(response.status(), method).toBe(401);
  }

  const put = await request.put(url, { headers: auth, data: { technique: "T1059.001", procedure: RAW_PROCEDURE } });
  expect(put.status(), await put.text()).toBe(200);
  const saved = await put.json();
  expect(saved.data.procedure).toContain("[HOST-1]");
  expect(saved.replaced).toBe(2);
  const got = await request.get(url, { headers: auth });
  expect(got.status()).toBe(200);
  expect(JSON.stringify(await got.json())).not.toContain("fin-ws-12");
  // Nobody else's draft: the contributor has none.
  const other = await request.get(url, { headers: { authorization: `Bearer ${readE2eTokens().contributor}` } });
  expect(other.status()).toBe(404);

  // Fields that are not valid yet are left out and named; the rest of the draft is saved.
  const partial = await request.put(url, {
    headers: auth,
    data: { procedure: "a".repeat(5_001), sector: "5", tlp: "AMBER" },
  });
  expect(partial.status(), await partial.text()).toBe(200);
  const { data, skipped } = await partial.json();
  expect(skipped.map((i: { path: string }) => i.path)).toEqual(["procedure", "sector"]);
  expect(data).toEqual(expect.objectContaining({ tlp: "AMBER" }));
  expect(data).not.toHaveProperty("procedure");
  // A body that is not a draft is refused whole.
  const bad = await request.put(url, { headers: auth, data: { procedure: "x", notAField: 1 } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe("VALIDATION");

  expect((await request.delete(url, { headers: auth })).status()).toBe(204);
  expect((await request.get(url, { headers: auth })).status()).toBe(404);
  expect((await request.delete(url, { headers: auth })).status()).toBe(404);
});
