// Runs before the e2e server starts: a fresh database with the real ATT&CK catalog and one user
// per role. Refuses anything but the local e2e SQLite file.
import { rmSync } from "node:fs";
import path from "node:path";
import { importCatalog } from "../lib/attack/import";
import { upsertUser } from "../lib/auth/users";
import { createDb } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/migrate";
import { E2E_USERS } from "./users";

async function main() {
  const url = process.env.DATABASE_URL ?? "";
  if (url !== "file:./data/e2e/app.db") throw new Error(`e2e/prepare.ts refuses DATABASE_URL=${url}`);
  rmSync(path.resolve("data/e2e"), { recursive: true, force: true });
  await migrateDatabase(url);
  const db = createDb(url);
  await importCatalog(db, { path: path.resolve("../shared/attack/enterprise-attack-18.1.json") });
  for (const user of Object.values(E2E_USERS)) await upsertUser(db, user.email, user.role);
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
