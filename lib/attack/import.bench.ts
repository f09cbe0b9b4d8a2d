// `npm run bench`: importing the full ATT&CK Enterprise 18.1 bundle into a fresh database, and again
// (the no-op), on SQLite and on PostgreSQL.
import { ENTERPRISE_18_1 } from "../../prisma/factories";
import { createTestDb } from "../db/testing";
import { importCatalog } from "./import";

export async function benchImport(): Promise<void> {
  for (const provider of ["sqlite", "postgres"] as const) {
    process.env.TEST_DB = provider;
    const t = await createTestDb();
    try {
      const first = await importCatalog(t.db, { path: ENTERPRISE_18_1 });
      const again = await importCatalog(t.db, { path: ENTERPRISE_18_1 });
      console.log(
        `  ${provider.padEnd(9)} import ${(first.ms / 1000).toFixed(2)} s (${first.objects} objects, ${first.procedures} procedures); re-import ${(again.ms / 1000).toFixed(2)} s (skipped: ${again.skipped})`,
      );
    } finally {
      await t.drop();
    }
  }
}
