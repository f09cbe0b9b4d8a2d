import { defineConfig } from "@playwright/test";
import { E2E_POSTGRES_URL, E2E_SQLITE_URL } from "./e2e/users";

// The flow runs against a production build on its own SQLite file, with mail sent over real SMTP to
// the sink the tests start on E2E_SMTP_PORT (e2e/fixtures.ts).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3107);
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2597);
const baseURL = `http://127.0.0.1:${E2E_PORT}`;
// E2E_DB=postgres runs the same build against PostgreSQL: the user flows only, since the API and
// sign-in specs also read the SQLite file directly to prove what was (not) written.
const onPostgres = process.env.E2E_DB === "postgres";

export default defineConfig({
  testDir: "e2e",
  testMatch: onPostgres ? ["submit-review-export.spec.ts", "needs-info.spec.ts"] : "*.spec.ts",
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? "line" : "list",
  use: {
    baseURL,
    acceptDownloads: true,
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
  },
  webServer: {
    command: `npx tsx e2e/prepare.ts && node node_modules/next/dist/bin/next start -p ${E2E_PORT} -H 127.0.0.1`,
    url: `${baseURL}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATABASE_URL: onPostgres ? E2E_POSTGRES_URL : E2E_SQLITE_URL,
      DATA_DIR: "data/e2e",
      OUTBOX_DIR: "data/e2e/outbox",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production",
      NEXT_TELEMETRY_DISABLED: "1",
      // The limits stay on (set here, so a RATE_LIMITS in the shell cannot lift them), at their
      // defaults but one. Sign-in: the suite asks for 12 links, all from 127.0.0.1 (7 by the flows,
      // 5 let through by e2e/rate-limit.spec.ts; the limit is 30), at most 2 per address (limit 5).
      // Submissions: researcher@e2e.test makes 31 (the API spec's bad-input matrix counts too; the
      // flow's own submission is the 31st), the default allows 30 an hour: 31 is the smallest that
      // passes; raise it when a spec adds submissions as that user. API: each per-role token makes
      // far fewer than 600 calls a minute; the rate-limit spec uses a token of its own.
      RATE_LIMITS: "submit-user=31",
    },
  },
});
