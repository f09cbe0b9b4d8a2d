// Runs before the e2e server starts: a fresh database with the real ATT&CK catalog, one user per
// role, and a personal API token for each (plus a revoked one) in data/e2e/tokens.json for the API
// spec. Refuses anything but the local e2e SQLite file (the suite's, or an extra server's from e2e/servers.ts,
// in DATA_DIR) or the local pe_e2e PostgreSQL database.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { importCatalog } from "../lib/attack/import";
import { createApiToken, revokeApiToken } from "../lib/auth/tokens";
import { upsertUser } from "../lib/auth/users";
import { adminQuery, pgConfig } from "../lib/db/adapter";
import { createDb } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/migrate";
import { E2E_DATA_DIR, tokensFile, type E2eTokens } from "./tokens";
import { E2E_POSTGRES_URL, E2E_SQLITE_URL, E2E_USERS } from "./users";

async function main() {
  const url = process.env.DATABASE_URL ?? "";
  const dataDir = process.env.DATA_DIR ?? E2E_DATA_DIR;
  const extraServer = /^data\/e2e-outbox-[a-z0-9-]+$/.test(dataDir) && url === `file:./${dataDir}/app.db`;
  if (url !== E2E_SQLITE_URL && url !== E2E_POSTGRES_URL && !extraServer) {
    throw new Error(`e2e/prepare.ts refuses DATABASE_URL=${url}`);
  }
  rmSync(path.resolve(dataDir), { recursive: true, force: true });
  mkdirSync(path.resolve(dataDir), { recursive: true });
  if (url === E2E_POSTGRES_URL) {
    await adminQuery(pgConfig(url), `DROP DATABASE IF EXISTS "pe_e2e" WITH (FORCE)`);
    await adminQuery(pgConfig(url), `CREATE DATABASE "pe_e2e"`);
  }
  await migrateDatabase(url);
  const db = createDb(url);
  await importCatalog(db, { path: path.resolve("../shared/attack/enterprise-attack-18.1.json") });
  const tokens: Partial<E2eTokens> = {};
  for (const [key, user] of Object.entries(E2E_USERS) as [
    keyof typeof E2E_USERS,
    (typeof E2E_USERS)[keyof typeof E2E_USERS],
  ][]) {
    const row = await upsertUser(db, user.email, user.role);
    tokens[key] = (await createApiToken(db, row.id, "e2e")).token;
    if (key === "contributor") {
      const revoked = await createApiToken(db, row.id, "e2e revoked");
      await revokeApiToken(db, row.id, revoked.id);
      tokens.revoked = revoked.token;
    }
  }
  writeFileSync(tokensFile(dataDir), JSON.stringify(tokens, null, 2), { mode: 0o600 });
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
