// Pictures and numbered citations (issue 7 items 5 and 7): the queue's charts and a release's chart count a
// few observations this spec creates (other specs share the database, so the queue is compared before and
// after), and the queue's detail page shows ATT&CK's examples and the observation's own text with numbered
// references. The release is exported at the end, so no accepted observation is left for later specs; the
// observations are the admin's, so the contributor's mail (which later specs read) gets nothing from here.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";
import { exportRelease } from "./jobs";

type Who = "reviewer" | "admin";

async function api(request: APIRequestContext, who: Who, method: "GET" | "POST", url: string, data?: unknown) {
  const res = await request.fetch(url, {
    method,
    data,
    headers: { authorization: `Bearer ${readE2eTokens()[who]}` },
  });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

/** A chart's numbers, read from its table (label → count); a chart not shown counts nothing. */
async function chartCounts(page: Page, testId: string): Promise<Record<string, number>> {
  const chart = page.getByTestId(testId);
  if ((await chart.count()) === 0) return {};
  const rows = await chart
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector("th")?.textContent ?? "", tr.querySelector("td")?.textContent]),
    );
  return Object.fromEntries(rows.map(([label, n]) => [label, Number(n)]));
}

const plus = (before: Record<string, number>, delta: Record<string, number>) =>
  Object.fromEntries(Object.entries(delta).map(([label, n]) => [label, (before[label] ?? 0) + n]));

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

// PowerShell: execution; Scheduled Task: execution, persistence, privilege escalation; LSASS Memory: credential access.
const TECHNIQUES = ["T1059.001", "T1053.005", "T1003.001"];
const PER_TACTIC = { Execution: 2, Persistence: 1, "Privilege Escalation": 1, "Credential Access": 1 };

test("the queue and a release show their numbers as charts, and citations are numbered", async ({
  page,
  request,
  signIn,
  mail,
}) => {
  await signIn(page, E2E_USERS.admin.email);
  await page.goto("/queue");
  const ageBefore = await chartCounts(page, "chart-queue-age");
  const tacticsBefore = await chartCounts(page, "chart-queue-tactics");

  const ids: string[] = [];
  for (const technique of TECHNIQUES) {
    // Filed by the admin, so the decision mails go to the admin, not to the contributor whose mail later specs read.
    const created = await api(request, "admin", "POST", "/api/v1/observations", {
      technique,
      actor: { id: "G0007" },
      procedure: `ran the loader from a scheduled job (${technique}).(Citation: Acme Labs 2026) Seen twice.(Citation: Acme Labs 2026)`,
      references: [
        {
          sourceName: "Acme Labs 2026",
          url: "https://example.org/reports/apt28",
          description: "Acme Labs. (2026, May 4). APT28 loaders. Retrieved May 5, 2026.",
          public: true,
        },
      ],
    });
    ids.push(created.id);
  }

  await page.reload();
  const age = page.getByTestId("chart-queue-age");
  await expect(age.getByRole("img")).toHaveAttribute(
    "aria-label",
    /^Waiting for review, by time since submission: < 1 day \d+/,
  );
  expect(await chartCounts(page, "chart-queue-age")).toMatchObject(plus(ageBefore, { "< 1 day": 3 }));
  expect(await chartCounts(page, "chart-queue-tactics")).toMatchObject(plus(tacticsBefore, PER_TACTIC));
  // Tactics in ATT&CK's order (the matrix's columns), whatever else the queue holds.
  const order = Object.keys(await chartCounts(page, "chart-queue-tactics"));
  expect(Object.keys(PER_TACTIC).map((t) => order.indexOf(t))).toEqual(
    Object.keys(PER_TACTIC)
      .map((t) => order.indexOf(t))
      .sort((a, b) => a - b),
  );
  await shoot(page, "charts-queue");

  // The detail page: the observation's own citations use its references; ATT&CK's example uses its own.
  await page.goto(`/queue/${ids[0]}`);
  const procedure = page.getByTestId("procedure");
  await expect(procedure.locator("sup")).toHaveText(["[1]", "[1]"]);
  await expect(procedure.locator("ol li")).toHaveText([
    "Acme Labs. (2026, May 4). APT28 loaders. Retrieved May 5, 2026.",
  ]);
  await expect(procedure.getByRole("link", { name: /APT28 loaders/ })).toHaveAttribute(
    "href",
    "https://example.org/reports/apt28",
  );
  await procedure.locator("sup a").first().click();
  await expect(page).toHaveURL(/#md\w+-ref-1$/);
  // The pair's own list (the duplicates section may show the same example again, ranked).
  const known = page
    .getByRole("region", { name: "Already in ATT&CK for this pair" })
    .locator("li", { hasText: "downloads and executes PowerShell scripts" });
  await expect(known.locator("sup")).toHaveText(["[1]", "[2]", "[3]"]);
  await expect(known.locator("ol li")).toHaveCount(3);
  await expect(known.locator("ol li").first()).toContainText("Sofacy Group’s Parallel Attacks");
  await shoot(page, "charts-citations");

  // Accept all three, open a release: its chart counts them per tactic.
  for (const id of ids) {
    const claimed = await api(request, "reviewer", "POST", `/api/v1/observations/${id}/transitions`, {
      action: "claim",
      version: 1,
    });
    await api(request, "reviewer", "POST", `/api/v1/observations/${id}/transitions`, {
      action: "accept",
      version: claimed.version,
    });
  }
  // Take the decision mails, so no later spec mistakes one of them for its own.
  for (const _ of ids) await mail.waitForMail(E2E_USERS.admin.email, { subject: /accepted/i });
  const name = "E2E charts release";
  const release = await api(request, "admin", "POST", "/api/v1/releases", { name, attackVersion: "18.1" });
  await page.goto("/releases");
  const chart = page.getByTestId(`chart-release-${name}`);
  await expect(chart.getByRole("img")).toHaveAttribute(
    "aria-label",
    `${name}: observations by tactic: Execution 2, Persistence 1, Privilege Escalation 1, Credential Access 1.`,
  );
  expect(await chartCounts(page, `chart-release-${name}`)).toEqual(PER_TACTIC);
  await shoot(page, "charts-releases");
  await exportRelease(request, release.id, { authorization: `Bearer ${readE2eTokens().admin}` });
});
