// The question loop: a reviewer asks, the contributor is e-mailed, edits and resubmits, and the
// observation is back in the queue with the edit in its history.
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

test("a reviewer's question reaches the contributor, who edits and resubmits", async ({
  browser,
  request,
  signIn,
  mail,
}) => {
  const created = await request.post("/api/v1/observations", {
    headers: { authorization: `Bearer ${readE2eTokens().contributor}` },
    data: {
      technique: "T1053.005",
      actor: { id: "G0016" },
      procedure: "created a scheduled task on sql02.corp.local that ran a renamed rclone binary every night.",
      references: [
        {
          sourceName: "Acme Labs 2026b",
          url: "https://example.org/r2",
          description: "Acme Labs. (2026). Exfiltration notes.",
          public: true,
        },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const reviewer = await browser.newPage();
  await signIn(reviewer, E2E_USERS.reviewer.email);
  await reviewer.goto(`/queue/${id}`);
  await reviewer.getByRole("button", { name: "Claim for review" }).click();
  await reviewer.getByLabel(/^Comment/).fill("Which account created the task?");
  await reviewer.getByRole("button", { name: "Ask for more information" }).click();
  await expect(reviewer.locator(".status").first()).toHaveText("needs info");

  const question = await mail.waitForMail(E2E_USERS.contributor.email, { subject: /question/i });
  expect(question.text).toContain("Which account created the task?");
  const link = question.text.match(/https?:\/\/\S+\/my\/OBS-\d{6}/)?.[0];
  expect(link).toBeTruthy();

  const contributor = await browser.newPage();
  await signIn(contributor, E2E_USERS.contributor.email);
  await contributor.goto(link!);
  await expect(contributor.getByText("Which account created the task?")).toBeVisible();
  const text = contributor.getByLabel("Procedure text");
  await text.fill(`${await text.inputValue()} The task ran as a service account, svc-backup@corp.local.`);
  await contributor.getByLabel(/^Why/).fill("answered the reviewer's question");
  await contributor.getByRole("button", { name: "Save edit" }).click();
  await expect(contributor.getByText(/Saved as version \d+/)).toBeVisible();
  await expect(contributor.getByTestId("procedure")).toContainText("service account, [EMAIL-1]");
  await contributor.getByRole("button", { name: "Resubmit" }).click();
  await expect(contributor.locator(".status").first()).toHaveText("submitted");

  await reviewer.goto("/queue");
  await reviewer.getByRole("link", { name: id }).click();
  await expect(reviewer.getByTestId("procedure")).toContainText("[EMAIL-1]");
  await expect(reviewer.getByRole("cell", { name: "answered the reviewer's question" })).toBeVisible();
});
