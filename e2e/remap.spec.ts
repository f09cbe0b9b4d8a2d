// Remapping after a newer ATT&CK import: the observation's technique is revoked (or deprecated) in the
// current catalog, simulated by flipping the technique rows in the e2e SQLite database. The reviewer sees
// the notice and applies the replacement with one click; the contributor sees the notice on their page;
// the needs-remapping page counts them. The rows are restored afterwards (other specs use the catalog).
import path from "node:path";
import Database from "better-sqlite3";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { remapFlagUpdate } from "../lib/review/remap-flag";
import { readE2eTokens } from "./tokens";
import { E2E_USERS } from "./users";

test.describe.configure({ mode: "serial" });

const DB_FILE = path.resolve(__dirname, "../data/e2e/app.db");
// Techniques no other spec uses: flipping them touches nothing else.
const REVOKED = "T1134.001";
const REPLACEMENT = "T1134.002";
const DEPRECATED = "T1134.003";
// A group no other spec names (Kimsuky), revoked in favour of another (Lazarus Group).
const REVOKED_GROUP = "G0094";
const GROUP_REPLACEMENT = "G0032";

let sqlite: Database.Database;
test.beforeAll(() => {
  sqlite = new Database(DB_FILE, { fileMustExist: true });
  restore();
});
test.afterAll(() => {
  restore();
  sqlite?.close();
});

function restore() {
  sqlite
    .prepare(`UPDATE "AttackObject" SET revoked = 0, revokedBy = NULL, deprecated = 0 WHERE attackId IN (?, ?)`)
    .run(REVOKED, DEPRECATED);
  sqlite.prepare(`UPDATE "AttackObject" SET revoked = 0, revokedBy = NULL WHERE attackId = ?`).run(REVOKED_GROUP);
  refreshFlags();
}

/** What an import does after changing rows: Observation.needsRemapping follows (lib/review/remap-flag.ts). */
function refreshFlags() {
  sqlite.prepare(remapFlagUpdate("?")).run("enterprise-attack");
}

function flip() {
  const by = sqlite.prepare(`SELECT stixId FROM "AttackObject" WHERE attackId = ?`).get(REPLACEMENT) as {
    stixId: string;
  };
  sqlite.prepare(`UPDATE "AttackObject" SET revoked = 1, revokedBy = ? WHERE attackId = ?`).run(by.stixId, REVOKED);
  sqlite.prepare(`UPDATE "AttackObject" SET deprecated = 1 WHERE attackId = ?`).run(DEPRECATED);
  refreshFlags();
}

async function create(request: APIRequestContext, technique: string, actor = "G0016"): Promise<string> {
  const created = await request.post("/api/v1/observations", {
    headers: { authorization: `Bearer ${readE2eTokens().contributor}` },
    data: {
      technique,
      actor: { id: actor },
      procedure: "duplicated the token of a logged-on administrator on app07.corp.local to run a loader.",
      references: [
        {
          sourceName: "Acme Labs 2026c",
          url: "https://example.org/r3",
          description: "Acme Labs. (2026). Token notes.",
          public: true,
        },
      ],
    },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** The needs-remapping page's counts: [revoked, deprecated]. */
async function counts(page: Page): Promise<[number, number]> {
  await page.goto("/queue/remap");
  const text = (await page.getByTestId("remap-counts").textContent()) ?? "";
  const [, revoked, deprecated] = text.match(/(\d+) revoked · (\d+) deprecated/) ?? [];
  return [Number(revoked), Number(deprecated)];
}

test("a revoked technique is flagged for both sides and remapped with one click", async ({
  browser,
  request,
  signIn,
}) => {
  const revokedId = await create(request, REVOKED);
  const deprecatedId = await create(request, DEPRECATED);
  const reviewer = await browser.newPage();
  await signIn(reviewer, E2E_USERS.reviewer.email);
  const [revoked0, deprecated0] = await counts(reviewer);

  flip();
  const api = await request.get(`/api/v1/observations/${revokedId}`, {
    headers: { authorization: `Bearer ${readE2eTokens().reviewer}` },
  });
  const { catalog } = (await api.json()) as { catalog: { status: string; replacements: { technique: string }[] } };
  expect(catalog.status).toBe("REVOKED");
  expect(catalog.replacements[0].technique).toBe(REPLACEMENT);
  expect(await counts(reviewer)).toEqual([revoked0 + 1, deprecated0 + 1]);
  await expect(reviewer.getByRole("link", { name: revokedId })).toBeVisible();

  const contributor = await browser.newPage();
  await signIn(contributor, E2E_USERS.contributor.email);
  await contributor.goto(`/my/${revokedId}`);
  await expect(
    contributor.getByText(new RegExp(`${REVOKED} .* was revoked in ATT&CK .*: replaced by ${REPLACEMENT}`)),
  ).toBeVisible();
  await expect(contributor.getByRole("button", { name: `Apply ${REPLACEMENT}` })).toHaveCount(0);
  await contributor.goto(`/my/${deprecatedId}`);
  await expect(contributor.getByText(new RegExp(`${DEPRECATED} .* is deprecated in ATT&CK`))).toBeVisible();

  await reviewer.goto(`/queue/${revokedId}`);
  await expect(reviewer.getByText(new RegExp(`was revoked in ATT&CK .*: replaced by ${REPLACEMENT}`))).toBeVisible();
  await reviewer.getByRole("button", { name: `Apply ${REPLACEMENT}` }).click();
  await expect(reviewer.getByRole("heading", { name: "Needs remapping" })).toHaveCount(0);
  await expect(
    reviewer.getByRole("cell", { name: new RegExp(`^Remapped ${REVOKED} → ${REPLACEMENT}: revoked`) }),
  ).toBeVisible();
  await expect(reviewer.getByText(new RegExp(`Technique: ${REPLACEMENT.replace(".", "\\.")} `))).toBeVisible();

  await contributor.goto(`/my/${revokedId}`);
  await expect(contributor.getByText(/was revoked in ATT&CK/)).toHaveCount(0);
  expect(await counts(reviewer)).toEqual([revoked0, deprecated0 + 1]);
});

test("a revoked actor is flagged and remapped to the group ATT&CK names with one click", async ({
  browser,
  request,
  signIn,
}) => {
  const id = await create(request, "T1134.004", REVOKED_GROUP);
  const by = sqlite.prepare(`SELECT stixId FROM "AttackObject" WHERE attackId = ?`).get(GROUP_REPLACEMENT) as {
    stixId: string;
  };
  sqlite
    .prepare(`UPDATE "AttackObject" SET revoked = 1, revokedBy = ? WHERE attackId = ?`)
    .run(by.stixId, REVOKED_GROUP);
  refreshFlags();

  const reviewer = await browser.newPage();
  await signIn(reviewer, E2E_USERS.reviewer.email);
  await reviewer.goto(`/queue/${id}`);
  await expect(reviewer.getByRole("heading", { name: "Needs remapping" })).toBeVisible();
  await expect(reviewer.getByText(new RegExp(`${REVOKED_GROUP} .* was revoked in ATT&CK`))).toBeVisible();
  await reviewer.getByRole("button", { name: new RegExp(`^Apply ${GROUP_REPLACEMENT} `) }).click();
  await expect(reviewer.getByRole("heading", { name: "Needs remapping" })).toHaveCount(0);
  await expect(
    reviewer.getByRole("cell", { name: new RegExp(`^Remapped ${REVOKED_GROUP} → ${GROUP_REPLACEMENT}: revoked`) }),
  ).toBeVisible();
  const api = await request.get(`/api/v1/observations/${id}`, {
    headers: { authorization: `Bearer ${readE2eTokens().reviewer}` },
  });
  expect(((await api.json()) as { catalog: { actor: unknown } }).catalog.actor).toBeNull();
});
