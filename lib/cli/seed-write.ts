// Writes seed rows through the driver, as lib/attack/import-write.ts writes a catalog: Prisma's createMany
// spends most of its time encoding rows, and 100,000 observations plus their revisions must take under a minute
// (issue 9's speed). One transaction: an interrupted seed leaves nothing half-written.
//
// Values are stored in the formats Prisma reads back: on SQLite Json as text and DateTime as ISO text with
// "+00:00" (what @prisma/adapter-better-sqlite3 writes); on PostgreSQL jsonb and timestamp(3) in UTC.
import Database from "better-sqlite3";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pgConfig, providerOf, sqliteFilePath, SQLITE_PRAGMAS } from "../db/adapter";

type Value = string | number | null;
type Row = object;

export interface SeedWriter {
  /** The first Observation id this seed may use, read inside the transaction: never one a deleted row had. */
  firstObservationId(): Promise<number>;
  insert(table: "Observation" | "Revision", rows: Row[]): Promise<void>;
}

// SQLite's AUTOINCREMENT remembers the highest id ever used in sqlite_sequence; PostgreSQL's sequence likewise.
const SQLITE_NEXT_ID = `SELECT MAX(COALESCE((SELECT "seq" FROM "sqlite_sequence" WHERE "name" = 'Observation'), 0),
  COALESCE((SELECT MAX("id") FROM "Observation"), 0)) + 1 AS "next"`;
const PG_NEXT_ID = `SELECT nextval(pg_get_serial_sequence('"Observation"', 'id')) AS "next"`;

function encode(value: unknown, date: (d: Date) => string): Value {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return date(value);
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value as string | number;
}

const columnsOf = (rows: Row[]) => Object.keys(rows[0] ?? {});
const quoted = (columns: string[]) => columns.map((c) => `"${c}"`).join(", ");

/** Runs `body` with a writer inside one transaction on its own connection to `url`. */
export async function withSeedWriter<T>(url: string, body: (writer: SeedWriter) => Promise<T>): Promise<T> {
  return providerOf(url) === "postgres" ? inPostgres(url, body) : inSqlite(url, body);
}

async function inSqlite<T>(url: string, body: (writer: SeedWriter) => Promise<T>): Promise<T> {
  const connection = new Database(sqliteFilePath(url));
  try {
    connection.exec(SQLITE_PRAGMAS);
    const date = (d: Date) => d.toISOString().replace(/Z$/, "+00:00");
    const writer: SeedWriter = {
      async firstObservationId() {
        return Number((connection.prepare(SQLITE_NEXT_ID).get() as { next: number }).next);
      },
      async insert(table, rows) {
        if (!rows.length) return;
        const columns = columnsOf(rows);
        const statement = connection.prepare(
          `INSERT INTO "${table}" (${quoted(columns)}) VALUES (${columns.map(() => "?").join(", ")})`,
        );
        for (const row of rows) {
          statement.run(...columns.map((c) => encode((row as Record<string, unknown>)[c], date)));
        }
      },
    };
    connection.exec("BEGIN IMMEDIATE");
    try {
      const result = await body(writer);
      connection.exec("COMMIT");
      // Fresh statistics: without them SQLite may sort a whole status instead of walking (createdAt, id).
      connection.exec(`ANALYZE "Observation"`);
      return result;
    } catch (error) {
      connection.exec("ROLLBACK");
      throw error;
    }
  } finally {
    connection.close();
  }
}

// CSV as COPY reads it: NULL is an unquoted empty field; every value is quoted, inner quotes doubled.
const csvField = (value: Value) => (value === null ? "" : `"${String(value).replace(/"/g, '""')}"`);

async function inPostgres<T>(url: string, body: (writer: SeedWriter) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgConfig(url));
  await client.connect();
  const date = (d: Date) => d.toISOString().replace(/Z$/, "");
  try {
    const writer: SeedWriter = {
      async firstObservationId() {
        return Number((await client.query(PG_NEXT_ID)).rows[0].next);
      },
      async insert(table, rows) {
        if (!rows.length) return;
        const columns = columnsOf(rows);
        const copy = client.query(copyFrom(`COPY "${table}" (${quoted(columns)}) FROM STDIN WITH (FORMAT csv)`));
        async function* chunks() {
          for (let i = 0; i < rows.length; i += 1000) {
            let text = "";
            for (const row of rows.slice(i, i + 1000)) {
              text += columns.map((c) => csvField(encode((row as Record<string, unknown>)[c], date))).join(",") + "\n";
            }
            yield text;
          }
        }
        await pipeline(Readable.from(chunks()), copy);
      },
    };
    await client.query("BEGIN");
    try {
      // One seed at a time, and no observation created meanwhile takes an id this run has counted on.
      await client.query(`LOCK TABLE "Observation" IN SHARE ROW EXCLUSIVE MODE`);
      const result = await body(writer);
      // Rows were written with explicit ids: move the sequence past them, or the next submission collides.
      await client.query(
        `SELECT setval(pg_get_serial_sequence('"Observation"', 'id'), (SELECT COALESCE(MAX("id"), 1) FROM "Observation"))`,
      );
      await client.query("COMMIT");
      await client.query(`ANALYZE "Observation"`);
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    await client.end();
  }
}
