// The role × route matrix's page part for the callers e2e/pages.spec.ts does not walk (issue 12 §1): a second
// contributor on the first one's observation, a second reviewer while the first holds the claim, and an admin
// deactivated while signed in (their cookie kept). API routes and server actions are in
// lib/http/authz-matrix.integration.test.ts; next-auth's own route, which that suite cannot call in-process, is
// checked here (GET /api/auth/session names the user, or nobody). Pages come from app/**/page.tsx, so a new page
// without a row fails.
import { readdirSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";

type Who = "contributorB" | "reviewer2" | "deactivated";
type Answer = 200 | 403 | 404 | "sign-in" | "home";
const WHO: Who[] = ["contributorB", "reviewer2", "deactivated"];
const MISSING = "OBS-999999";

// contributorB, reviewer2, deactivated. A deactivated account is signed out (its sessions end with it); the outbox
// pages are 404 while SMTP_URL is set, as in this suite.
const TABLE: { route: string; expect: [Answer, Answer, Answer] }[] = [
  { route: "/", expect: [200, 200, 200] },
  { route: "/sign-in", expect: ["home", "home", 200] },
  { route: "/sign-in/check", expect: [200, 200, 200] },
  { route: "/sign-out", expect: [200, 200, 200] },
  { route: "/submit", expect: [200, 200, "sign-in"] },
  { route: "/my", expect: [200, 200, "sign-in"] },
  { route: "/profile", expect: [200, 200, "sign-in"] },
  // Contributor A's observation: another contributor learns nothing (not even that it exists).
  { route: "/my/[id]", expect: [404, 200, "sign-in"] },
  { route: "/queue", expect: [403, 200, "sign-in"] },
  { route: "/queue/remap", expect: [403, 200, "sign-in"] },
  // Claimed by the first reviewer: the second may still read it.
  { route: "/queue/[id]", expect: [403, 200, "sign-in"] },
  { route: "/catalog/changes", expect: [200, 200, "sign-in"] },
  { route: "/catalog", expect: [200, 200, "sign-in"] },
  { route: "/catalog/[domain]", expect: [200, 200, "sign-in"] },
  { route: "/catalog/[domain]/[attackId]", expect: [200, 200, "sign-in"] },
  { route: "/releases", expect: [403, 403, "sign-in"] },
  // The permission is checked before the release is looked up: the id here is not even a release's.
  { route: "/releases/[id]", expect: [403, 403, "sign-in"] },
  { route: "/audit", expect: [403, 403, "sign-in"] },
  { route: "/jobs", expect: [403, 403, "sign-in"] },
  { route: "/users", expect: [403, 403, "sign-in"] },
  // Not accepted yet, so it has no public record.
  { route: "/o/[id]", expect: [404, 404, 404] },
  { route: "/docs/api", expect: [200, 200, 200] },
  { route: "/dev/outbox", expect: [404, 404, 404] },
  { route: "/dev/outbox/[id]", expect: [404, 404, 404] },
];

function pageRoutes(): string[] {
  const app = path.resolve(__dirname, "../app");
  return readdirSync(app, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "page.tsx")
    .map(
      (file) =>
        "/" +
        path
          .dirname(file)
          .split(path.sep)
          .filter((s) => s !== "." && !/^\(.*\)$/.test(s))
          .join("/"),
    )
    .sort();
}

const run = Date.now().toString(36);
const emails: Record<Who, string> = {
  contributorB: `contributor-b-${run}@e2e.test`,
  reviewer2: `reviewer-2-${run}@e2e.test`,
  deactivated: `deactivated-${run}@e2e.test`,
};
let observation = "";

// The mail sink runs from here on: an invitation is e-mailed (with SMTP down the invite is a 500 today; issue 12 §5).
test.beforeAll(async ({ playwright, mail }, testInfo) => {
  void mail;
  const tokens = readE2eTokens();
  const api = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  const as = (who: "contributor" | "reviewer" | "admin") => ({ authorization: `Bearer ${tokens[who]}` });
  for (const [who, role] of [
    ["reviewer2", "REVIEWER"],
    ["deactivated", "ADMIN"],
  ] as const) {
    const invited = await api.post("/api/v1/users", { headers: as("admin"), data: { email: emails[who], role } });
    expect(invited.status(), await invited.text()).toBe(201);
  }
  const created = await api.post("/api/v1/observations", {
    headers: as("contributor"),
    data: {
      domain: "enterprise-attack",
      technique: "T1059.001",
      actor: { id: "G0016" },
      procedure: "Ran an encoded PowerShell command from a scheduled task to fetch a second stage.",
      references: [{ sourceName: "Acme Labs 2026", url: "https://example.org/r", description: "Acme.", public: true }],
      tlp: "CLEAR",
      credit: "anonymous",
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  observation = ((await created.json()) as { id: string }).id;
  const claimed = await api.post(`/api/v1/observations/${observation}/transitions`, {
    headers: as("reviewer"),
    data: { action: "claim", version: 1 },
  });
  expect(claimed.status(), await claimed.text()).toBe(200);
  await api.dispose();
});

function urlOf(route: string): string {
  return route
    .replace("[id]", route.startsWith("/dev/") ? MISSING : observation)
    .replace("[domain]", "enterprise-attack")
    .replace("[attackId]", "T1059.001");
}

async function answerOf(request: APIRequestContext, url: string): Promise<Answer | number | string> {
  const response = await request.get(url, { maxRedirects: 0 });
  const status = response.status();
  if (status < 300 || status >= 400) return status;
  const location = new URL(response.headers()["location"] ?? "", "http://x");
  if (location.pathname === "/") return "home";
  if (location.pathname === "/sign-in" && location.searchParams.get("callbackUrl") === url) return "sign-in";
  return `${status} to ${location.pathname}${location.search}`;
}

async function walk(page: Page, who: Who) {
  const column = WHO.indexOf(who);
  const expected: Record<string, Answer> = {};
  const actual: Record<string, Answer | number | string> = {};
  for (const row of TABLE) {
    const url = urlOf(row.route);
    expected[`${row.route} ${url}`] = row.expect[column];
    actual[`${row.route} ${url}`] = await answerOf(page.request, url);
  }
  expect(
    Object.values(actual).filter((a) => typeof a === "number" && a >= 500),
    `${who}: no 5xx`,
  ).toEqual([]);
  expect(actual, `${who}: status per page`).toEqual(expected);
}

async function sessionEmail(page: Page): Promise<string | null> {
  const response = await page.request.get("/api/auth/session");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { user?: { email?: string } };
  return body.user?.email ?? null;
}

test("the table has a row for every page", () => {
  expect(TABLE.map((r) => r.route).sort()).toEqual(pageRoutes());
});

test("contributor B on contributor A's observation", async ({ page, signIn }) => {
  await signIn(page, emails.contributorB);
  expect(await sessionEmail(page)).toBe(emails.contributorB);
  await walk(page, "contributorB");
});

test("a second reviewer while the first holds the claim", async ({ page, signIn }) => {
  await signIn(page, emails.reviewer2);
  expect(await sessionEmail(page)).toBe(emails.reviewer2);
  await walk(page, "reviewer2");
});

test("an admin deactivated while signed in is signed out at once, cookie and all", async ({ page, signIn }) => {
  await signIn(page, emails.deactivated);
  expect(await sessionEmail(page)).toBe(emails.deactivated);
  expect(await answerOf(page.request, "/users")).toBe(200);
  const tokens = readE2eTokens();
  const admin = { authorization: `Bearer ${tokens.admin}` };
  const { items } = (await (await page.request.get("/api/v1/users", { headers: admin })).json()) as {
    items: { id: string; email: string }[];
  };
  const user = items.find((u) => u.email === emails.deactivated);
  const changed = await page.request.patch(`/api/v1/users/${user!.id}`, {
    headers: admin,
    data: { deactivated: true },
  });
  expect(changed.status(), await changed.text()).toBe(200);
  // The browser still sends its session cookie: it names nobody now.
  expect((await page.context().cookies()).some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
  expect(await sessionEmail(page)).toBeNull();
  await walk(page, "deactivated");
});
