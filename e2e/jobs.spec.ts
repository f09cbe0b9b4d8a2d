// Issue 12 item 5: long work runs as a job, with progress. An admin exports a release from its page: the button gives
// way to a progress bar (the export is queued at once, the worker runs it), then the downloads. /jobs lists the
// export and a failed one (an empty release: nothing to export) with its message; Retry queues it again.
// Screenshots of the progress and of /jobs at desktop and phone widths go to e2e/screenshots/.
import { callApi } from "./a11y-pages";
import { expect, test } from "./fixtures";
import { finishedJob } from "./jobs";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

test.setTimeout(180_000);

const WIDTHS = [
  [1280, 800],
  [390, 844],
] as const;

const observation = {
  domain: "enterprise-attack",
  technique: "T1105",
  actor: { id: "G0007" },
  procedure: "downloaded a second-stage tool over HTTPS from a staging server during the jobs spec intrusion.",
  references: [
    {
      sourceName: "Acme Labs 2026 jobs",
      url: "https://example.org/reports/jobs",
      description: "Acme Labs. (2026, May 4). Jobs. Retrieved May 5, 2026.",
      public: true,
    },
  ],
  tlp: "CLEAR",
  credit: "anonymous",
};

test("an admin exports a release from its page, sees its progress, then the downloads; /jobs shows and retries jobs", async ({
  page,
  request,
  signIn,
  mail,
}) => {
  const tokens = readE2eTokens();
  const admin = { authorization: `Bearer ${tokens.admin}` };
  const { items } = (await (await request.get("/api/v1/releases", { headers: admin })).json()) as {
    items: { id: string; name: string; status: string; domain: string }[];
  };
  const openIn = (domain: string) => items.find((r) => r.status === "OPEN" && r.domain === domain);
  const release =
    openIn("enterprise-attack") ??
    (await callApi(request, tokens.admin, "/api/v1/releases", {
      name: `E2E jobs ${Date.now()}`,
      attackVersion: "18.1",
    }));
  const { id } = await callApi(request, tokens.admin, "/api/v1/observations", observation);
  const claimed = await callApi(request, tokens.reviewer, `/api/v1/observations/${id}/transitions`, {
    action: "claim",
    version: 1,
  });
  await callApi(request, tokens.reviewer, `/api/v1/observations/${id}/transitions`, {
    action: "accept",
    version: claimed.version,
  });
  for (const subject of [`${id} received`, `${id} accepted`]) {
    await mail.waitForMail(E2E_USERS.admin.email, { subject: new RegExp(`^${subject}$`) });
  }

  await signIn(page, E2E_USERS.admin.email);
  await page.goto(`/releases/${release.id}`);
  const lifecycle = page.getByTestId("release-lifecycle");

  // Hold the page's looks at the job, so the progress stays on screen to be checked and photographed: the first
  // answer is the job mid-way (step 3 of 5), as the worker reports it; later looks wait until the photos are taken,
  // then get the real job.
  const gate = () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, opened };
  };
  const firstAnswer = gate();
  const photographed = gate();
  let looks = 0;
  await page.route("**/api/v1/jobs/*", async (route) => {
    if (++looks > 1) {
      await photographed.opened;
      return route.continue();
    }
    const real = await route.fetch();
    const job = await real.json();
    expect(job).toMatchObject({ kind: "release-export", progress: { total: 5 } });
    await firstAnswer.opened;
    await route.fulfill({
      response: real,
      json: {
        ...job,
        status: "RUNNING",
        progress: { done: 2, total: 5, phase: "Validating every object with MITRE's ATT&CK schemas" },
      },
    });
  });

  await lifecycle.getByRole("button", { name: "Export STIX bundle" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Yes, export and freeze" }).click();
  // Queued at once: the button has given way to the progress bar.
  const progress = lifecycle.getByTestId("export-progress");
  await expect(progress.getByRole("progressbar", { name: /Export of/ })).toBeVisible();
  await expect(progress.getByRole("status")).toHaveText(/Queued: the export starts in a moment|step \d of 5/);
  await expect(lifecycle.getByRole("button", { name: "Export STIX bundle" })).toHaveCount(0);
  // Exporting freezes the release: Freeze steps aside while it runs.
  await expect(lifecycle.getByRole("button", { name: "Freeze" })).toHaveCount(0);
  firstAnswer.open();
  await expect(progress.getByRole("status")).toHaveText(
    "Validating every object with MITRE's ATT&CK schemas… (step 3 of 5)",
  );
  await expect(progress.getByRole("progressbar")).toHaveAttribute("value", "2");
  for (const [width, height] of WIDTHS) {
    await page.setViewportSize({ width, height });
    await progress.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `e2e/screenshots/export-progress-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  photographed.open();

  // The real job ends: the page shows the downloads where the progress was.
  await expect(lifecycle.getByRole("link", { name: "Download bundle.json" })).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveCount(0);
  await expect(page.getByText(/exported: the bundle validated and is ready to download/)).toBeVisible();
  const bundle = await request.get(`/api/v1/releases/${release.id}/bundle.json`, { headers: admin });
  expect(bundle.status()).toBe(200);
  expect(await bundle.text()).toContain("jobs spec intrusion");

  // An export with nothing to export fails, saying why.
  const ics =
    openIn("ics-attack") ??
    (await callApi(request, tokens.admin, "/api/v1/releases", {
      name: `E2E jobs empty ${Date.now()}`,
      domain: "ics-attack",
      attackVersion: "18.1",
    }));
  const failing = await finishedJob(
    request,
    await request.post(`/api/v1/releases/${ics.id}/export`, { headers: admin }),
    admin,
  );
  expect(failing).toMatchObject({ status: "FAILED", error: { code: "INVALID_STATE" } });

  await page.goto("/jobs");
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
  const rows = page.getByTestId("job-row");
  const done = rows.filter({ has: page.getByRole("link", { name: (release as { name: string }).name, exact: true }) });
  await expect(done.first()).toContainText("done");
  await expect(done.first()).toContainText("5 of 5");
  await expect(done.first()).toContainText(E2E_USERS.admin.email);
  const failed = rows
    .filter({ has: page.getByRole("link", { name: (ics as { name: string }).name, exact: true }) })
    .first();
  await expect(failed).toContainText("failed");
  await expect(failed).toContainText(failing.error!.message);
  for (const [width, height] of WIDTHS) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `e2e/screenshots/jobs-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // Retry queues it again (here it fails again: the release is still empty).
  await failed.getByRole("button", { name: `Retry job ${failing.id}` }).click();
  await expect(page.getByText(`job ${failing.id} is queued again.`)).toBeVisible();
  const again = await request.get(`/api/v1/jobs/${failing.id}`, { headers: admin });
  expect(["QUEUED", "RUNNING", "FAILED"]).toContain((await again.json()).status);
  await expect
    .poll(async () => (await (await request.get(`/api/v1/jobs/${failing.id}`, { headers: admin })).json()).status)
    .toBe("FAILED");
});
