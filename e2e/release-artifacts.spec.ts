// Issue 10 "Beside the bundle": an admin exports a release on the Releases page and downloads every file of it
// (bundle.json, changelog.md/.json, layer.json, sightings.json/.csv). The observations are the admin's, made and
// accepted through the API (e2e/a11y-pages.ts callApi), so the contributor's mail gets nothing from here; the release
// is exported before the spec ends, so no later spec finds an open release or an extra accepted observation.
import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { callApi, checkPage } from "./a11y-pages";
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

// The releases page is scanned at two widths in two schemes (checkPage).
test.setTimeout(180_000);

const reference = {
  sourceName: "Acme Labs 2026 artifacts",
  url: "https://example.org/reports/artifacts",
  description: "Acme Labs. (2026, May 4). Release artifacts. Retrieved May 5, 2026.",
  public: true,
};
const observation = (over: object) => ({
  domain: "enterprise-attack",
  technique: "T1059.001",
  actor: { id: "G0007" },
  procedure: "used PowerShell to pull a second stage from a staging server during the intrusion.",
  references: [reference],
  tlp: "CLEAR",
  credit: "anonymous",
  ...over,
});

async function download(page: Page, link: Locator): Promise<{ name: string; text: string }> {
  const pending = page.waitForEvent("download");
  await link.click();
  const file = await pending;
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, "utf8") };
}

test("an exported release offers its bundle, changelog, layer and sightings for download", async ({
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
  const example = await accept({});
  const sighting = await accept({
    actor: { unattributed: true },
    technique: "T1003.001",
    procedure: "dumped LSASS memory with a renamed procdump binary on a finance workstation.",
    sector: "52",
    region: "RIPE NCC",
    detectionType: "host",
    detectionSource: "human-validated",
    privilegeLevel: "system",
  });
  const green = await accept({ technique: "T1105", tlp: "GREEN" });

  const name = `E2E artifacts ${Date.now()}`;
  const release = await callApi(request, tokens.admin, "/api/v1/releases", { name, attackVersion: "18.1" });
  // Before the export there is nothing to download: 409 saying so.
  const early = await request.get(`/api/v1/releases/${release.id}/changelog.md`, {
    headers: { authorization: `Bearer ${tokens.contributor}` },
  });
  expect(early.status()).toBe(409);
  expect((await early.json()).error).toMatchObject({ code: "INVALID_STATE", message: /not been exported yet/ });
  // Signed out: nothing, whatever the state.
  expect((await request.get(`/api/v1/releases/${release.id}/sightings.csv`)).status()).toBe(401);

  await signIn(page, E2E_USERS.admin.email);
  await page.goto("/releases");
  const row = page.getByTestId(`release-${name}`);
  // Freeze first (it asks), then export the frozen release: the open release offers both, a frozen one Export only.
  await page.screenshot({ path: "e2e/screenshots/releases-open-1280.png", fullPage: true });
  await row.getByRole("button", { name: "Freeze" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Yes, freeze" }).click();
  await expect(row.getByText("frozen", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: "Freeze" })).toHaveCount(0);
  await row.getByRole("button", { name: "Export STIX bundle" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Yes, export and freeze" }).click();
  await expect(row.getByRole("link", { name: "Download bundle.json" })).toBeVisible();

  const files: Record<string, { name: string; text: string }> = {};
  for (const [file, label] of [
    ["bundle.json", "Download bundle.json"],
    ["changelog.md", "changelog.md"],
    ["changelog.json", "changelog.json"],
    ["layer.json", "layer.json"],
    ["sightings.json", "sightings.json"],
    ["sightings.csv", "sightings.csv"],
  ]) {
    files[file] = await download(page, row.getByRole("link", { name: label, exact: true }));
  }
  const base = name.replace(/ /g, "-");
  expect(Object.values(files).map((f) => f.name)).toEqual([
    `${base}.json`,
    `${base}-changelog.md`,
    `${base}-changelog.json`,
    `${base}-layer.json`,
    `${base}-sightings.json`,
    `${base}-sightings.csv`,
  ]);

  const bundle = JSON.parse(files["bundle.json"].text);
  expect(bundle.objects.filter((o: { type: string }) => o.type === "relationship")).toHaveLength(1);
  const changelog = JSON.parse(files["changelog.json"].text);
  expect(changelog.release).toMatchObject({ id: release.id, name });
  expect(changelog.byTechnique).toEqual([
    expect.objectContaining({
      technique: expect.objectContaining({ id: "T1059.001", name: "Command and Scripting Interpreter: PowerShell" }),
      examples: [expect.objectContaining({ observation: example, change: "update" })],
    }),
  ]);
  expect(files["changelog.md"].text).toContain(`# ${name}: changelog`);
  expect(files["changelog.md"].text).toContain("## Contributors to this release");
  const layer = JSON.parse(files["layer.json"].text);
  expect(layer.versions.layer).toBe("4.5");
  expect(layer.techniques.map((t: { techniqueID: string; score: number }) => [t.techniqueID, t.score])).toEqual([
    ["T1059.001", 1],
  ]);
  const sightings = JSON.parse(files["sightings.json"].text);
  expect(sightings).toEqual([
    expect.objectContaining({ version: "2.0", tid: ["T1003.001"], sector: "52", region: "RIPE NCC" }),
  ]);
  const csv = files["sightings.csv"].text.split("\r\n");
  expect(csv[0]).toBe(
    "version,id,start_time,detection_type,tid,detection_source,sector,country,region,platform,privilege_level",
  );
  expect(csv[1]).toContain(`${sightings[0].id},`);
  // The GREEN observation is in no file; no sighting names the observation it came from.
  for (const f of Object.values(files)) expect(f.text).not.toContain(green);
  expect(files["sightings.json"].text + files["sightings.csv"].text).not.toContain(sighting);

  await checkPage(page, "release-downloads", "/releases");
});
