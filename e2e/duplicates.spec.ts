// Duplicate detection: two near-identical observations; the reviewer sees the other as a candidate (with its
// score, beside ATT&CK's own examples) and marks this one a duplicate of it in one click.
import { expect, test } from "./fixtures";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

const REFERENCES = [
  {
    sourceName: "Acme Labs 2026d",
    url: "https://example.org/dupes",
    description: "Acme Labs. (2026). Credential theft notes.",
    public: true,
  },
];

test("a reviewer sees a near-identical observation as a candidate and marks a duplicate", async ({
  browser,
  request,
  signIn,
}) => {
  const tokens = readE2eTokens();
  const submit = async (procedure: string) => {
    const created = await request.post("/api/v1/observations", {
      headers: { authorization: `Bearer ${tokens.contributor}` },
      data: { technique: "T1003.001", actor: { id: "G0007" }, procedure, references: REFERENCES },
    });
    expect(created.status()).toBe(201);
    return ((await created.json()) as { id: string }).id;
  };
  const first = await submit(
    "ran procdump against lsass.exe and carried the minidump off in a password-protected RAR archive named ntds-bak.rar.",
  );
  const second = await submit(
    "dumped lsass.exe memory with procdump and took the minidump out in a password-protected RAR archive, ntds-bak.rar.",
  );

  // The API: reviewers only.
  const api = `/api/v1/observations/${second}/duplicates`;
  expect((await request.get(api, { headers: { authorization: `Bearer ${tokens.contributor}` } })).status()).toBe(403);
  const listed = await request.get(api, { headers: { authorization: `Bearer ${tokens.reviewer}` } });
  expect(listed.status()).toBe(200);
  const body = (await listed.json()) as { observations: { id: string; score: number }[]; attack: unknown[] };
  expect(body.observations[0].id).toBe(first);

  const reviewer = await browser.newPage();
  await signIn(reviewer, E2E_USERS.reviewer.email);
  await reviewer.goto(`/queue/${second}`);
  const section = reviewer.getByRole("region", { name: "Possible duplicates" });
  const candidates = section.getByTestId("duplicate-observations");
  await expect(candidates.getByRole("link", { name: first })).toBeVisible();
  await expect(candidates.locator("li").first()).toContainText(/\d+% similar/);
  await expect(section.getByTestId("duplicate-attack").locator("li").first()).toContainText("APT28");
  // Not claimed yet: no marking.
  await expect(section.getByRole("button", { name: `Mark as duplicate of ${first}` })).toHaveCount(0);

  await reviewer.getByRole("button", { name: "Claim for review" }).click();
  await expect(reviewer.locator(".status").first()).toHaveText("in review");
  await section.getByRole("button", { name: `Mark as duplicate of ${first}` }).click();
  const dialog = reviewer.getByRole("alertdialog");
  await expect(dialog).toContainText(`Mark ${second} as a duplicate of ${first}?`);
  await dialog.getByRole("button", { name: "Yes, mark duplicate" }).click();
  await expect(reviewer.locator(".status").first()).toHaveText("duplicate");
  await expect(section).toContainText(`Marked as a duplicate of ${first}.`);
  await expect(reviewer.getByRole("cell", { name: `duplicate of ${first}` })).toBeVisible();
});
