// Writes seed rows in one transaction through the driver (lib/db/bulk.ts), as a catalog import does: 100,000
// observations plus their revisions must take under a minute (issue 9's speed), and an interrupted seed leaves
// nothing half-written.
import { inBulkTransaction } from "../db/bulk";
import { seedDuplicateCountsSql } from "../review/duplicates-count";

export interface SeedWriter {
  /** The first Observation id this seed may use, read inside the transaction: never one a deleted row had. */
  firstObservationId(): Promise<number>;
  insert(table: "Observation" | "Revision", rows: object[]): Promise<void>;
}

// SQLite's AUTOINCREMENT remembers the highest id ever used in sqlite_sequence; PostgreSQL's sequence likewise.
const SQLITE_NEXT_ID = `SELECT MAX(COALESCE((SELECT "seq" FROM "sqlite_sequence" WHERE "name" = 'Observation'), 0),
  COALESCE((SELECT MAX("id") FROM "Observation"), 0)) + 1 AS "next"`;
const PG_NEXT_ID = `SELECT nextval(pg_get_serial_sequence('"Observation"', 'id')) AS "next"`;

/** Runs `body` with a writer inside one transaction on its own connection to `url`. */
export async function withSeedWriter<T>(url: string, body: (writer: SeedWriter) => Promise<T>): Promise<T> {
  return inBulkTransaction(url, async (sql) => {
    const postgres = sql.provider === "postgres";
    // One seed at a time, and no observation created meanwhile takes an id this run has counted on.
    if (postgres) await sql.run(`LOCK TABLE "Observation" IN SHARE ROW EXCLUSIVE MODE`);
    const result = await body({
      async firstObservationId() {
        const [row] = await sql.query(postgres ? PG_NEXT_ID : SQLITE_NEXT_ID);
        return Number(row.next);
      },
      insert: (table, rows) => sql.insert(table, rows),
    });
    // Rows were written with explicit ids: move the sequence past them, or the next submission collides.
    if (postgres) {
      await sql.run(
        `SELECT setval(pg_get_serial_sequence('"Observation"', 'id'), (SELECT COALESCE(MAX("id"), 1) FROM "Observation"))`,
      );
    }
    // The queue's duplicates filter: every pair's count at once (lib/review/duplicates-count.ts).
    await sql.run(seedDuplicateCountsSql(sql.provider));
    // Fresh statistics: without them the database may sort a whole status instead of walking (createdAt, id).
    await sql.run(`ANALYZE "Observation"`);
    return result;
  });
}
