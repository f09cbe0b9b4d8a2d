// The reviewer's history (issue 9 item 3): compare any two revisions field by field, then revert to an older
// one, which is itself a new revision. The observation is made and edited through the API.
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

const auth = (who: "contributor" | "reviewer") => ({ authorization: `Bearer ${readE2eTokens()[who]}` });

async function editedObservation(request: APIRequestContext): Promise<string> {
  const created = await request.post("/api/v1/observations", {
    headers: auth("contributor"),
    data: {
      technique: "T1053.005",
      actor: { id: "G0016" },
      procedure: "created a scheduled task named UpdaterCheck to run a loader every hour.",
      references: [
        {
          sourceName: "Acme Labs 2026h",
          url: "https://example.org/h",
          description: "Acme Labs. (2026). Tasks.",
          public: true,
        },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const claim = await request.post(`/api/v1/observations/${id}/transitions`, {
    headers: auth("reviewer"),
    data: { action: "claim", version: 1 },
  });
  expect(claim.status()).toBe(200);
  const edit = await request.patch(`/api/v1/observations/${id}`, {
    headers: auth("reviewer"),
    data: {
      version: 2,
      procedure: "created a scheduled task named UpdaterCheck to run a backdoor every hour.",
      reason: "it is a backdoor",
    },
  });
  expect(edit.status()).toBe(200);
  return id;
}

test("a reviewer compares two revisions and reverts to the older one", async ({ page, request, signIn }) => {
  const id = await editedObservation(request);
  await signIn(page, E2E_USERS.reviewer.email);
  await page.goto(`/queue/${id}`);

  const compare = page.getByRole("form", { name: "Compare two revisions" });
  await compare.getByLabel("From version").selectOption("2");
  await compare.getByLabel("to version").selectOption("3");
  await compare.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(new RegExp(`/queue/${id}\\?from=2&to=3$`));
  await expect(page.getByRole("heading", { name: "Changes from version 2 to version 3" })).toBeVisible();
  const procedure = page.getByTestId("diff-procedure");
  await expect(procedure.locator("del")).toHaveText("loader");
  await expect(procedure.locator("ins")).toHaveText("backdoor");

  await page.getByRole("button", { name: "Revert to 2" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Yes, revert to 2" }).click();
  await expect(page.getByText("Reverted to version 2: now version 4.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Reverted to version 2" })).toBeVisible();

  const api = await request.get(`/api/v1/observations/${id}/revisions/diff?from=2&to=4`, { headers: auth("reviewer") });
  expect(api.status()).toBe(200);
  expect(((await api.json()) as { changes: { field: string }[] }).changes).toEqual([]);
  const bad = await request.get(`/api/v1/observations/${id}/revisions/diff?from=two&to=4`, {
    headers: auth("reviewer"),
  });
  expect(bad.status()).toBe(400);
});
