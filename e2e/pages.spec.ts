// Every page × every role (and signed out): the status each one answers, from one table. The routes
// come from the file system (app/**/page.tsx), so a new page without a row here fails the first test.
// A refusal is a 403 page, a missing thing a 404 page, signed out a redirect to sign in and back; no
// answer is ever a 5xx (issue 7 item 1).
import { readdirSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";
import { exportRelease } from "./jobs";

type Who = "signedOut" | "contributor" | "reviewer" | "admin";
/** A status, or a redirect: to sign in (and back to the page asked for), or home. */
type Answer = 200 | 403 | 404 | "sign-in" | "home";
type Case = "existing" | "missing";
interface Row {
  route: string;
  case?: Case;
  /** signed out, contributor, reviewer, admin */
  expect: [Answer, Answer, Answer, Answer];
}

const WHO: Who[] = ["signedOut", "contributor", "reviewer", "admin"];
const MISSING = "OBS-999999";

// The outbox pages are 404 for everyone while SMTP_URL is set (as in this suite): they hold sign-in links.
const TABLE: Row[] = [
  { route: "/", expect: [200, 200, 200, 200] },
  { route: "/sign-in", expect: [200, "home", "home", "home"] },
  { route: "/sign-in/check", expect: [200, 200, 200, 200] },
  { route: "/sign-out", expect: [200, 200, 200, 200] },
  { route: "/submit", expect: ["sign-in", 200, 200, 200] },
  { route: "/my", expect: ["sign-in", 200, 200, 200] },
  { route: "/profile", expect: ["sign-in", 200, 200, 200] },
  // The contributor's own observation; reviewers and admins may read any submitted one.
  { route: "/my/[id]", case: "existing", expect: ["sign-in", 200, 200, 200] },
  { route: "/my/[id]", case: "missing", expect: ["sign-in", 404, 404, 404] },
  { route: "/queue", expect: ["sign-in", 403, 200, 200] },
  // The needs-remapping view (revoked or deprecated techniques after an ATT&CK import).
  { route: "/queue/remap", expect: ["sign-in", 403, 200, 200] },
  { route: "/queue/[id]", case: "existing", expect: ["sign-in", 403, 200, 200] },
  { route: "/queue/[id]", case: "missing", expect: ["sign-in", 403, 404, 404] },
  // What the latest ATT&CK import changed: public ATT&CK content, for every signed-in user.
  { route: "/catalog/changes", expect: ["sign-in", 200, 200, 200] },
  // The catalog browser: ATT&CK's domains, a domain's matrix, one object (a domain or ATT&CK ID that names nothing is
  // a 404 page).
  { route: "/catalog", expect: ["sign-in", 200, 200, 200] },
  { route: "/catalog/[domain]", case: "existing", expect: ["sign-in", 200, 200, 200] },
  { route: "/catalog/[domain]", case: "missing", expect: ["sign-in", 404, 404, 404] },
  { route: "/catalog/[domain]/[attackId]", case: "existing", expect: ["sign-in", 200, 200, 200] },
  { route: "/catalog/[domain]/[attackId]", case: "missing", expect: ["sign-in", 404, 404, 404] },
  { route: "/releases", expect: ["sign-in", 403, 403, 200] },
  // One release's page: the same people as /releases (the spec's own exported release, or one that does not exist).
  { route: "/releases/[id]", case: "existing", expect: ["sign-in", 403, 403, 200] },
  { route: "/releases/[id]", case: "missing", expect: ["sign-in", 403, 403, 404] },
  // The audit log: admins only.
  { route: "/audit", expect: ["sign-in", 403, 403, 200] },
  // Jobs (exports and their progress): admins only.
  { route: "/jobs", expect: ["sign-in", 403, 403, 200] },
  // People: admins only.
  { route: "/users", expect: ["sign-in", 403, 403, 200] },
  // An accepted TLP:CLEAR observation's public record: anyone may read it.
  { route: "/o/[id]", case: "existing", expect: [200, 200, 200, 200] },
  { route: "/o/[id]", case: "missing", expect: [404, 404, 404, 404] },
  // The API reference, rendered from the public OpenAPI document: no data, anyone may read it.
  { route: "/docs/api", expect: [200, 200, 200, 200] },
  { route: "/dev/outbox", expect: [404, 404, 404, 404] },
  { route: "/dev/outbox/[id]", case: "existing", expect: [404, 404, 404, 404] },
  { route: "/dev/outbox/[id]", case: "missing", expect: [404, 404, 404, 404] },
];

/** The URL path of every app/**\/page.tsx: route groups "(x)" left out, dynamic segments kept as [id]. */
function pageRoutes(): string[] {
  const app = path.resolve(__dirname, "../app");
  return readdirSync(app, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "page.tsx")
    .map((file) => {
      const segments = path.dirname(file).split(path.sep);
      return "/" + segments.filter((s) => s !== "." && !/^\(.*\)$/.test(s)).join("/");
    })
    .sort();
}

const ids: Record<Case, string> & { accepted: string; release: string } = {
  existing: "",
  missing: MISSING,
  accepted: "",
  release: "",
};

/** The URL a row visits: dynamic segments get an observation that exists, or one that does not. */
function urlOf(row: Row): string {
  const id =
    row.case === "missing"
      ? MISSING
      : row.route.startsWith("/o/")
        ? ids.accepted
        : row.route.startsWith("/releases/")
          ? ids.release
          : ids.existing;
  // Catalog pages: the last dynamic segment is the one that names nothing in the missing case.
  const domain = row.case === "missing" && !row.route.includes("[attackId]") ? "pre-attack" : "enterprise-attack";
  const attackId = row.case === "missing" ? "T9999" : "T1059.001";
  return row.route.replace("[id]", id).replace("[domain]", domain).replace("[attackId]", attackId);
}

test.beforeAll(async ({ playwright }, testInfo) => {
  // Two observations of the contributor's, made through the API: one submitted, one accepted (public).
  const tokens = readE2eTokens();
  const api = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  const as = (who: "contributor" | "reviewer") => ({ authorization: `Bearer ${tokens[who]}` });
  const create = async () => {
    const response = await api.post("/api/v1/observations", {
      headers: as("contributor"),
      data: {
        domain: "enterprise-attack",
        technique: "T1059.001",
        actor: { id: "G0016" },
        procedure: "Ran an encoded PowerShell command from a scheduled task to fetch a second stage.",
        references: [
          {
            sourceName: "Acme Labs 2026",
            url: "https://example.org/reports/scheduled-powershell",
            description: "Acme Labs. (2026, May 4). Scheduled PowerShell loaders.",
            public: true,
          },
        ],
        tlp: "CLEAR",
        credit: "anonymous",
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  ids.existing = await create();
  ids.accepted = await create();
  for (const [action, version] of [
    ["claim", 1],
    ["accept", 2],
  ] as const) {
    const moved = await api.post(`/api/v1/observations/${ids.accepted}/transitions`, {
      headers: as("reviewer"),
      data: { action, version },
    });
    expect(moved.status(), await moved.text()).toBe(200);
  }
  // Publish it in a release of this spec's own, so no accepted observation is left for later specs' exports (its
  // public record stays readable: PUBLISHED is public too).
  const admin = { authorization: `Bearer ${tokens.admin}` };
  const opened = await api.post("/api/v1/releases", {
    headers: admin,
    data: { name: `E2E pages release ${Date.now()}`, attackVersion: "18.1" },
  });
  const { items } = (await (await api.get("/api/v1/releases", { headers: admin })).json()) as {
    items: { id: string; status: string }[];
  };
  const open = opened.ok() ? ((await opened.json()) as { id: string }) : items.find((r) => r.status === "OPEN");
  expect(open, "an open release to publish into").toBeTruthy();
  expect((await exportRelease(api, open!.id, admin)).status).toBe("EXPORTED");
  ids.release = open!.id;
  await api.dispose();
});

/** What one URL answers, without following redirects (the request shares the page's cookies). */
async function answerOf(request: APIRequestContext, url: string): Promise<Answer | number | string> {
  const response = await request.get(url, { maxRedirects: 0 });
  const status = response.status();
  if (status < 300 || status >= 400) return status;
  const location = new URL(response.headers()["location"] ?? "", "http://x");
  if (location.pathname === "/") return "home";
  if (location.pathname === "/sign-in" && location.searchParams.get("callbackUrl") === url) return "sign-in";
  return `${status} to ${location.pathname}${location.search}`;
}

/** Walks the table as `who`, and compares every cell at once (the diff shows each wrong one). */
async function walk(page: Page, who: Who) {
  const column = WHO.indexOf(who);
  const expected: Record<string, Answer> = {};
  const actual: Record<string, Answer | number | string> = {};
  for (const row of TABLE) {
    const url = urlOf(row);
    const key = `${row.route}${row.case ? ` (${row.case})` : ""} ${url}`;
    expected[key] = row.expect[column];
    actual[key] = await answerOf(page.request, url);
  }
  const failures = Object.entries(actual).filter(([, a]) => typeof a === "number" && a >= 500);
  expect(failures, `${who}: no page answers 5xx`).toEqual([]);
  expect(actual, `${who}: status per page`).toEqual(expected);
}

test("the table has a row for every page, and both an existing and a missing id for each dynamic one", () => {
  expect([...new Set(TABLE.map((r) => r.route))].sort()).toEqual(pageRoutes());
  for (const route of pageRoutes().filter((r) => r.includes("["))) {
    expect(
      TABLE.filter((r) => r.route === route).map((r) => r.case),
      route,
    ).toEqual(["existing", "missing"]);
  }
});

test("signed out", async ({ page }) => {
  await walk(page, "signedOut");
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Sign in to contribute" })).toBeVisible();
});

test("contributor: their home, 403 and 404 pages that offer a way on, and a styled sign-out", async ({
  page,
  signIn,
}) => {
  await signIn(page, E2E_USERS.contributor.email);
  // Signing in lands home, where their own work is.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "New observation" })).toBeVisible();
  await expect(page.getByRole("link", { name: ids.existing })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the review queue" })).toHaveCount(0);
  await walk(page, "contributor");

  await page.goto("/queue");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByText("(contributor), and that role cannot open this page")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in as someone else" })).toHaveAttribute(
    "href",
    `/sign-out?callbackUrl=${encodeURIComponent("/sign-in?callbackUrl=%2Fqueue")}`,
  );
  await page.goto(`/my/${MISSING}`);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go home" }).click();
  await expect(page).toHaveURL(/\/$/);

  // The header's sign-out opens the app's own page; its button ends the session.
  await page.getByRole("link", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign out" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in to contribute" })).toBeVisible();
  await expect(page.getByText(E2E_USERS.contributor.email)).toHaveCount(0);
  expect(await answerOf(page.request, "/my")).toBe("sign-in");
});

test("reviewer: the queue on their home", async ({ page, signIn }) => {
  await signIn(page, E2E_USERS.reviewer.email);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Review" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the review queue" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Administration" })).toHaveCount(0);
  await walk(page, "reviewer");
});

test("admin: also releases, users and catalog versions on their home", async ({ page, signIn }) => {
  await signIn(page, E2E_USERS.admin.email);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Administration" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "ATT&CK catalog" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "enterprise-attack" })).toBeVisible();
  await walk(page, "admin");
});
