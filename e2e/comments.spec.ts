// The conversation (issue 9 item 4): a reviewer writes an internal note and a shared comment; only the shared one
// reaches the contributor (page and mail), who replies; the reviewer reads the reply. The question loop (ask →
// answer → "answered") is my-observations.spec.ts's.
import { checkPage } from "./a11y-pages";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

const INTERNAL = "Internal: looks like the Acme Labs report again, check before accepting.";
const SHARED = "Was the task created by ops-admin@victim-corp.com, or by another account?";

test("internal notes stay with reviewers; shared comments reach the contributor, who replies", async ({
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
      procedure: "created a scheduled task that ran a renamed rclone binary every night to copy the file shares.",
      references: [
        {
          sourceName: "Acme Labs 2026c",
          url: "https://example.org/r3",
          description: "Acme Labs. (2026). Scheduled exfiltration.",
          public: true,
        },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  // Contexts, not bare pages: the axe scan (checkPage) needs one.
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, E2E_USERS.reviewer.email);
  await reviewer.goto(`/queue/${id}`);
  await reviewer.getByRole("button", { name: "Claim for review" }).click();
  await expect(reviewer.locator(".status").first()).toHaveText("in review");
  const conversation = reviewer.getByRole("region", { name: "Conversation" });
  await expect(conversation.getByText("No comments yet.")).toBeVisible();

  await conversation.getByLabel("Internal note (reviewers only)").check();
  await conversation.getByLabel(/^Your comment/).fill(INTERNAL);
  await conversation.getByRole("button", { name: "Save internal note" }).click();
  await expect(conversation.getByRole("status")).toHaveText("Internal note saved.");
  const thread = conversation.getByRole("list", { name: "Comments, oldest first" });
  await expect(thread.getByRole("listitem")).toHaveCount(1);
  await expect(thread.getByRole("listitem").first()).toContainText(INTERNAL);
  await expect(thread.getByRole("listitem").first()).toContainText("internal");

  await conversation.getByLabel("Shared with the contributor (e-mailed)").check();
  await conversation.getByLabel(/^Your comment/).fill(SHARED);
  await conversation.getByRole("button", { name: "Preview the comment's anonymization" }).click();
  await expect(conversation.getByText("[EMAIL-1]").first()).toBeVisible();
  await conversation.getByRole("button", { name: "Send comment" }).click();
  await expect(conversation.getByRole("status")).toHaveText("Comment sent.");
  await expect(thread.getByRole("listitem")).toHaveCount(2);
  const shared = thread.getByRole("listitem").nth(1);
  await expect(shared).toContainText("Was the task created by [EMAIL-1], or by another account?");
  await expect(shared).toContainText("shared");

  // Exactly one mail for the contributor: the shared comment, scrubbed, linking their page.
  const mailed = await mail.waitForMail(E2E_USERS.contributor.email, {
    subject: new RegExp(`^${id}: a reviewer commented`),
  });
  expect(mailed.subject).toBe(`${id}: a reviewer commented`);
  expect(mailed.text).toContain("[EMAIL-1]");
  expect(mailed.text).not.toContain("ops-admin@victim-corp.com");
  const about = mail.messages.filter(
    (m) => m.to.includes(E2E_USERS.contributor.email) && m.subject.startsWith(`${id}:`),
  );
  expect(about.map((m) => m.subject)).toEqual([`${id}: a reviewer commented`]);
  for (const m of mail.messages) expect(m.text).not.toContain("Acme Labs report again");
  const link = mailed.text.match(/https?:\/\/\S+\/my\/OBS-\d{6}/)?.[0];
  expect(link).toBeTruthy();

  const contributor = await (await browser.newContext()).newPage();
  await signIn(contributor, E2E_USERS.contributor.email);
  await contributor.goto(link!);
  const theirs = contributor.getByRole("region", { name: "Conversation" });
  await expect(theirs.getByRole("listitem")).toHaveCount(1);
  await expect(theirs).toContainText("Was the task created by [EMAIL-1], or by another account?");
  await expect(contributor.locator("body")).not.toContainText("Acme Labs report again");
  await expect(theirs.getByRole("radio")).toHaveCount(0); // no internal notes for contributors
  await theirs.getByLabel(/^Your comment/).fill("It was a second account, backup-svc, created the day before.");
  await theirs.getByRole("button", { name: "Send comment" }).click();
  await expect(theirs.getByRole("status")).toHaveText("Comment sent.");
  await expect(theirs.getByRole("listitem")).toHaveCount(2);
  await checkPage(contributor, "conversation-contributor", `/my/${id}`);

  // The reviewer who claimed it is mailed, and reads the reply on the review page.
  const reply = await mail.waitForMail(E2E_USERS.reviewer.email, {
    subject: new RegExp(`^${id}: the contributor commented`),
  });
  expect(reply.text).toContain("backup-svc");
  expect(reply.text).toContain(`/queue/${id}`);
  await reviewer.reload();
  await expect(thread.getByRole("listitem")).toHaveCount(3);
  await expect(thread.getByRole("listitem").nth(2)).toContainText("It was a second account, backup-svc");
  await expect(thread.getByRole("listitem").nth(2)).toContainText("contributor");
  await checkPage(reviewer, "conversation-reviewer", `/queue/${id}`);

  // GET …/comments: the same thread, oldest first; the contributor's without the internal note.
  const tokens = readE2eTokens();
  const apiThread = async (token: string) => {
    const res = await request.get(`/api/v1/observations/${id}/comments`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status()).toBe(200);
    return ((await res.json()) as { comments: { visibility: string; role: string }[] }).comments;
  };
  expect((await apiThread(tokens.reviewer)).map((c) => [c.visibility, c.role])).toEqual([
    ["INTERNAL", "reviewer"],
    ["SHARED", "reviewer"],
    ["SHARED", "contributor"],
  ]);
  const contributors = await apiThread(tokens.contributor);
  expect(contributors.map((c) => [c.visibility, c.role])).toEqual([
    ["SHARED", "reviewer"],
    ["SHARED", "contributor"],
  ]);
  expect(JSON.stringify(contributors)).not.toContain("Acme Labs report again");
});
