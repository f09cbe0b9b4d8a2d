// Issue 7 item 6: axe-core on every main page, per role and signed out, at 1280×900 and 390×844, light and dark:
// no serious or critical violation, and no sideways scroll on the phone. Each page leaves screenshots in
// e2e/screenshots/ (e2e/a11y-pages.ts). The data it makes is settled before it ends: the accepted observation is
// exported in a release of its own, so no later spec finds an open release or an extra accepted observation.
import { callApi, checkPage } from "./a11y-pages";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";
import { exportRelease } from "./jobs";

// Each page is scanned four times (two widths, two schemes).
test.setTimeout(240_000);

const ids: { inReview?: string; published?: string } = {};

const OBSERVATION = {
  domain: "enterprise-attack",
  technique: "T1059.001",
  actor: { id: "G0016" },
  references: [
    {
      sourceName: "Acme Labs 2026a",
      url: "https://example.org/reports/a11y",
      description: "Acme Labs. (2026, May 4). PowerShell loaders. Retrieved May 5, 2026.",
      public: true,
    },
  ],
  tlp: "CLEAR",
  credit: "anonymous",
};

test.beforeAll(async ({ playwright, mail }, testInfo) => {
  const tokens = readE2eTokens();
  const request = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  const create = (procedure: string) =>
    callApi(request, tokens.contributor, "/api/v1/observations", { ...OBSERVATION, procedure });
  const transition = (id: string, data: object) =>
    callApi(request, tokens.reviewer, `/api/v1/observations/${id}/transitions`, data);

  const reviewing = await create(
    "Ran `powershell -enc` from a scheduled task on [HOST-1], then:\n\n- listed shares\n- copied the archive out",
  );
  await transition(reviewing.id, { action: "claim", version: 1 });
  ids.inReview = reviewing.id;

  const accepted = await create("Used PowerShell remoting to reach the backup server and stage tools.");
  await transition(accepted.id, { action: "claim", version: 1 });
  await transition(accepted.id, { action: "accept", version: 2 });
  const release = await callApi(request, tokens.admin, "/api/v1/releases", {
    name: `A11y spec release ${Date.now()}`,
    attackVersion: "18.1",
  });
  await exportRelease(request, release.id, { Authorization: `Bearer ${tokens.admin}` });
  ids.published = accepted.id;
  await request.dispose();
  // Take the mails this set-up caused, so a later spec on this worker's sink does not read them.
  for (const subject of [`${reviewing.id} received`, `${accepted.id} received`, `${accepted.id} accepted`]) {
    await mail.waitForMail(E2E_USERS.contributor.email, { subject: new RegExp(`^${subject}$`) });
  }
});

test("the favicon is linked and served (no 404 on every page)", async ({ page }) => {
  await page.goto("/sign-in");
  const href = await page.locator('head link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("signed out: sign-in, check your mail, home, a public record, 404", async ({ page }) => {
  await checkPage(page, "sign-in", "/sign-in");
  await checkPage(page, "sign-in-check", "/sign-in/check?email=someone%40example.org");
  await checkPage(page, "home-signed-out", "/");
  await checkPage(page, "public-record", `/o/${ids.published}`);
  await checkPage(page, "not-found", "/o/OBS-999999");
});

test("contributor: home, submit, my observations, one observation, profile, catalog changes", async ({
  page,
  signIn,
}) => {
  await signIn(page, E2E_USERS.contributor.email);
  await checkPage(page, "home-contributor", "/");
  await checkPage(page, "submit", "/submit");
  await checkPage(page, "my", "/my");
  await checkPage(page, "my-observation", `/my/${ids.inReview}`);
  await checkPage(page, "profile", "/profile");
  await checkPage(page, "catalog-changes", "/catalog/changes");
});

test("contributor: the catalog, a matrix, its coverage, a technique, a campaign", async ({ page, signIn }) => {
  await signIn(page, E2E_USERS.contributor.email);
  await checkPage(page, "catalog", "/catalog");
  await checkPage(page, "catalog-matrix", "/catalog/enterprise-attack");
  await checkPage(page, "catalog-coverage", "/catalog/enterprise-attack?view=coverage");
  await checkPage(page, "catalog-technique", "/catalog/enterprise-attack/T1543");
  await checkPage(page, "catalog-campaign", "/catalog/enterprise-attack/C0023");
});

test("contributor: the 403 page", async ({ page, signIn }) => {
  await signIn(page, E2E_USERS.contributor.email);
  // The reviewers' queue is refused to a contributor: the refusal page must be as usable as the rest.
  await checkPage(page, "forbidden", "/queue");
});

test("reviewer: home, queue, an observation in review", async ({ page, signIn }) => {
  await signIn(page, E2E_USERS.reviewer.email);
  await checkPage(page, "home-reviewer", "/");
  await checkPage(page, "queue", "/queue");
  await checkPage(page, "queue-observation", `/queue/${ids.inReview}`);
});

test("admin: home, releases, audit log", async ({ page, signIn }) => {
  await signIn(page, E2E_USERS.admin.email);
  await checkPage(page, "home-admin", "/");
  await checkPage(page, "releases", "/releases");
  await checkPage(page, "audit", "/audit");
  await checkPage(page, "users", "/users");
});
