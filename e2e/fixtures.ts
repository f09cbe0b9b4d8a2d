import { test as base, expect, type Page } from "@playwright/test";
import { E2E_SMTP_PORT } from "../playwright.config";
import { extractMagicLink, startMailSink, type MailSink } from "./mail";

export const test = base.extend<{ signIn: (page: Page, email: string) => Promise<void> }, { mail: MailSink }>({
  mail: [
    async ({}, use) => {
      const sink = await startMailSink({ port: E2E_SMTP_PORT });
      await use(sink);
      await sink.close();
    },
    { scope: "worker" },
  ],
  // Signs in the way a person does: ask for a link, read it from the real mail, open it.
  signIn: async ({ mail }, use) => {
    await use(async (page, email) => {
      await page.goto("/sign-in");
      await page.getByLabel("E-mail address").fill(email);
      await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
      await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
      const message = await mail.waitForMail(email, { subject: /sign in/i, timeoutMs: 20_000 });
      await page.goto(extractMagicLink(message.text));
      await expect(page.getByText(email)).toBeVisible();
      // Every spec starts from a blank submit form: the shared users' autosaved drafts from earlier specs would be
      // restored into it (e2e/drafts.spec.ts, which tests them, signs in users of its own).
      const cleared = await page.request.delete("/api/v1/drafts/current", {
        headers: { origin: new URL(page.url()).origin },
      });
      expect([204, 404]).toContain(cleared.status());
    });
  },
});

export { expect };
