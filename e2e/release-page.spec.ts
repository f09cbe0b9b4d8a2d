// Issue 10 "Release pages" and "Closing the loop": an admin opens a release from the Releases page, sees what it holds
// (by technique, by actor), who reviewed what and the picture per tactic, exports it from its own page and gets the
// downloads there. Then ATT&CK takes one of its observations: the page says 1 of 2, and the contributor's page and
// the public record show the badge. The mark is written straight into the database here (an import of a crafted newer
// catalog would change the catalog every later spec reads); lib/releases/upstream.integration.test.ts proves the
// import sets it and mails once. The observations are the admin's; the release is exported before the spec ends.
import path from "node:path";
import Database from "better-sqlite3";
import { callApi, checkPage } from "./a11y-pages";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

const DB_FILE = path.resolve(__dirname, "../data/e2e/app.db");

test.setTimeout(180_000);

const observation = (over: object) => ({
  domain: "enterprise-attack",
  technique: "T1059.001",
  actor: { id: "G0007" },
  procedure: "used PowerShell to pull a second stage from a staging server during the intrusion.",
  references: [
    {
      sourceName: "Acme Labs 2026 release page",
      url: "https://example.org/reports/release-page",
      description: "Acme Labs. (2026, May 4). Release page. Retrieved May 5, 2026.",
      public: true,
    },
  ],
  tlp: "CLEAR",
  credit: "anonymous",
  ...over,
});

test("a release's own page shows its contents, reviewers, picture, downloads and ATT&CK's share", async ({
  page,
  request,
  signIn,
  mail,
}) => {
  const tokens = readE2eTokens();
  const accept = async (data: object) => {
    const { id } = await callApi(request, tokens.admin, "/api/v1/observations", observation(data));
    const claimed = await callApi(request, tokens.reviewer, `/api/v1/observations/${id}/transitions`, {
      action: "claim",
      version: 1,
    });
    await callApi(request, tokens.reviewer, `/api/v1/observations/${id}/transitions`, {
      action: "accept",
      version: claimed.version,
    });
    // Take the mails it caused, so no later spec on this worker's sink mistakes one for its own.
    for (const subject of [`${id} received`, `${id} accepted`]) {
      await mail.waitForMail(E2E_USERS.admin.email, { subject: new RegExp(`^${subject}$`) });
    }
    return id;
  };
  const name = `E2E release page ${Date.now()}`;
  const release = await callApi(request, tokens.admin, "/api/v1/releases", { name, attackVersion: "18.1" });
  const apt28 = await accept({});
  const apt29 = await accept({ actor: { id: "G0016" }, technique: "T1003.001" });

  await signIn(page, E2E_USERS.admin.email);
  await page.goto("/releases");
  await page.getByTestId(`release-${name}`).getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/releases/${release.id}$`));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const lifecycle = page.getByTestId("release-lifecycle");
  await expect(lifecycle.getByText("open", { exact: true })).toBeVisible();
  const byTechnique = page.getByTestId("by-technique");
  await expect(byTechnique.getByText("T1059.001 Command and Scripting Interpreter: PowerShell")).toBeVisible();
  await expect(byTechnique.getByRole("link", { name: apt28 })).toHaveAttribute("href", `/queue/${apt28}`);
  await expect(page.getByTestId("by-actor").getByText("G0016 APT29")).toBeVisible();
  const reviewers = page.getByTestId("reviewers");
  await expect(reviewers.getByRole("row", { name: new RegExp(E2E_USERS.reviewer.email) })).toContainText(apt29);
  await expect(page.getByTestId(`chart-release-techniques-${name}`)).toContainText("Credential Access");

  // Export from the release's own page (it asks first); the downloads take the buttons' place.
  await lifecycle.getByRole("button", { name: "Export STIX bundle" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Yes, export and freeze" }).click();
  await expect(lifecycle.getByRole("link", { name: "Download bundle.json" })).toBeVisible();
  for (const file of ["changelog.md", "changelog.json", "layer.json", "sightings.json", "sightings.csv"]) {
    await expect(lifecycle.getByRole("link", { name: file, exact: true })).toHaveAttribute(
      "href",
      `/api/v1/releases/${release.id}/${file}`,
    );
  }
  await expect(page.getByTestId("upstream-share")).toContainText("ATT&CK took 0 of the 2 exported observation(s) (0%)");

  // ATT&CK v18.2 takes the APT28 one.
  const sqlite = new Database(DB_FILE, { fileMustExist: true, timeout: 10_000 });
  try {
    sqlite
      .prepare(
        `UPDATE "Observation" SET "upstreamVersion" = '18.2', "upstreamRelationshipId" = ?, "upstreamAt" = ? WHERE "publicId" = ?`,
      )
      .run("relationship--00000000-0000-4000-8000-000000000e2e", new Date().toISOString(), apt28);
  } finally {
    sqlite.close();
  }
  await page.reload();
  await expect(page.getByTestId("upstream-share")).toContainText(
    "ATT&CK took 1 of the 2 exported observation(s) (50%) in v18.2",
  );
  await expect(byTechnique.getByTestId("upstream-badge")).toHaveText("in ATT&CK v18.2");
  const api = await callApi(request, tokens.admin, `/api/v1/observations/${apt28}`);
  expect((api as unknown as { upstream: unknown }).upstream).toEqual({
    version: "18.2",
    relationshipId: "relationship--00000000-0000-4000-8000-000000000e2e",
  });

  await checkPage(page, "release-page", `/releases/${release.id}`);
  await page.goto(`/my/${apt28}`);
  await expect(page.getByTestId("upstream-notice")).toContainText("ATT&CK v18.2 cites this observation");
  await checkPage(page, "my-observation-upstream", `/my/${apt28}`);
  await page.goto(`/o/${apt28}`);
  await expect(page.getByTestId("upstream-badge")).toHaveText("in ATT&CK v18.2");
  await checkPage(page, "public-record-upstream", `/o/${apt28}`);
  await page.goto(`/o/${apt29}`);
  await expect(page.getByRole("heading", { level: 1, name: apt29 })).toBeVisible();
  await expect(page.getByTestId("upstream-badge")).toHaveCount(0);
});
