import { defineConfig } from "@playwright/test";
import { E2E_POSTGRES_URL, E2E_SQLITE_URL } from "./e2e/users";
import { SERVER_NODE_ARGS } from "./lib/server-args";

// The flow runs against a production build on its own SQLite file, with mail sent over real SMTP to
// the sink the tests start on E2E_SMTP_PORT (e2e/fixtures.ts).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3107);
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2597);
const baseURL = `http://127.0.0.1:${E2E_PORT}`;
// E2E_DB=postgres runs the same build against PostgreSQL: the user flows only, since the API and
// sign-in specs also read the SQLite file directly to prove what was (not) written.
const onPostgres = process.env.E2E_DB === "postgres";
// The limits stay on (set here, so a RATE_LIMITS in the shell cannot lift them), at their defaults but three
// that the suite, not a person, exceeds: each spec signs its users in afresh (the contributor about 20 links in 15
// minutes, all from 127.0.0.1, plus the rate-limit spec's flood), and researcher@e2e.test submits far more than a
// person would in an hour (the API spec's bad-input matrix counts too). e2e/rate-limit.spec.ts reads the limits from here; the integration tests prove the defaults.
export const E2E_RATE_LIMITS = "signin-address=40,signin-ip=300,submit-user=200";

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
    // server.ts, as `npm start` runs it: the suite tests what users run.
    command: `npx tsx e2e/prepare.ts && node ${SERVER_NODE_ARGS.join(" ")} --import tsx server.ts`,
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
      HOST: "127.0.0.1",
      PORT: String(E2E_PORT),
      RATE_LIMITS: E2E_RATE_LIMITS,
      // No hourly digest run in the middle of a spec: e2e/digest.spec.ts sends them with the CLI.
      DIGEST: "off",
    },
  },
});
