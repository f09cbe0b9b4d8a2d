// The reviewers' e-mail digest (issue 9 item 8): a reviewer opts in on their profile, `npm run cli -- digest:send`
// mails it to the SMTP sink, and a second run sends nothing. A contributor is not offered the choice. The reviewer is
// new (made with the CLI), so other specs' observations cannot push this one out of "Waiting for you".
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import type { Page } from "@playwright/test";
import { E2E_SMTP_PORT } from "../playwright.config";
import { checkPage } from "./a11y-pages";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_POSTGRES_URL, E2E_SQLITE_URL, E2E_USERS } from "./users";

const run = promisify(execFile);
const PROCEDURE = "scheduled a task on [HOST-1] that re-ran the loader every hour (digest spec).";

/** `npm run cli -- …` against the suite's database, mailing through the suite's SMTP sink. */
async function cli(baseURL: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "lib/cli/index.ts", ...args], {
    cwd: path.resolve(__dirname, ".."),
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DB === "postgres" ? E2E_POSTGRES_URL : E2E_SQLITE_URL,
      DATA_DIR: "data/e2e",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      NEXTAUTH_URL: baseURL,
    },
  });
  return stdout;
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

test("a reviewer opts in to a daily digest, the CLI mails it once, a contributor is not offered one", async ({
  page,
  browser,
  request,
  signIn,
  mail,
  baseURL,
}) => {
  const created = await request.post("/api/v1/observations", {
    headers: { authorization: `Bearer ${readE2eTokens().contributor}` },
    data: {
      technique: "T1053.005",
      actor: { id: "G0016" },
      procedure: PROCEDURE,
      references: [{ sourceName: "Digest spec", description: "Digest spec write-up." }],
      tlp: "AMBER",
      credit: "anonymous",
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const reviewer = `digest-${randomUUID().slice(0, 8)}@e2e.test`;
  await cli(baseURL!, "user:create", "--email", reviewer, "--role", "REVIEWER");
  await signIn(page, reviewer);
  await page.goto(`/queue/${id}`);
  await page.getByRole("button", { name: "Claim for review" }).click();
  await expect(page.getByText("Claimed: you can edit and decide it now.")).toBeVisible();

  await page.getByRole("link", { name: "Profile" }).click();
  const digest = page.getByRole("region", { name: "Review digest" });
  await expect(digest.getByRole("radio", { name: "No digest" })).toBeChecked();
  await digest.getByRole("radio", { name: "Daily" }).check();
  await digest.getByRole("button", { name: "Save digest choice" }).click();
  await expect(digest.getByRole("status")).toHaveText("Saved. You get a daily digest of the review queue.");

  const said = await cli(baseURL!, "digest:send");
  expect(said).toMatch(/[1-9]\d* sent/);
  const message = await mail.waitForMail(reviewer, { subject: /Your daily review digest: 1 waiting for you/ });
  expect(message.text).toContain("Waiting for you: 1.");
  expect(message.text).toMatch(new RegExp(`${id} · T1053\\.005 [^·]+ · APT29 · in review · waiting less than an hour`));
  expect(message.text).toContain(`${baseURL}/queue/${id}`);
  expect(message.text).toContain(
    `You get this because you chose a daily digest on your profile. Change or turn it off: ${baseURL}/profile#digest`,
  );
  for (const body of [message.text, message.html]) {
    expect(body).not.toContain(E2E_USERS.contributor.email);
    expect(body).not.toContain("re-ran the loader");
  }

  // Due again only tomorrow: a second run mails nothing more.
  expect(await cli(baseURL!, "digest:send")).toMatch(/ 0 sent/);
  expect(mail.messages.filter((m) => m.to.includes(reviewer) && /digest/.test(m.subject))).toHaveLength(1);

  // The mail's link leads back to the choice, which says when the last digest went out.
  await page.goto("/");
  await page.goto(`${baseURL}/profile#digest`);
  await expect(digest.getByRole("radio", { name: "Daily" })).toBeChecked();
  await expect(digest).toContainText("Last digest run for you:");
  // axe at both widths, light and dark, with the digest section shown (the a11y spec sees a contributor's profile).
  await checkPage(page, "profile-reviewer", "/profile");
  await page.setContent(message.html);
  await shoot(page, "digest-mail");

  const contributor = await browser.newPage();
  await signIn(contributor, E2E_USERS.contributor.email);
  await contributor.goto("/profile");
  await expect(contributor.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await expect(contributor.getByRole("region", { name: "Review digest" })).toHaveCount(0);
  await contributor.close();
});
