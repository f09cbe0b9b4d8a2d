// Bulk work on its own driver connection (better-sqlite3 or pg) in ONE transaction, for the two jobs Prisma is
// too slow for: a catalog import (lib/attack/import-write.ts) and seeding (lib/cli/seed-write.ts). Prisma's
// createMany spends most of its time encoding rows; the driver writes tens of thousands in a few hundred ms.
//
// Values are written in the formats Prisma reads back: on SQLite booleans as 0/1, Json as text and DateTime as
// ISO text with "+00:00" (what @prisma/adapter-better-sqlite3 writes); on PostgreSQL native booleans, jsonb and
// timestamp(3) in UTC.
import Database from "better-sqlite3";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pgConfig, providerOf, sqliteFilePath, SQLITE_PRAGMAS, type DbProvider } from "./adapter";

export type Value = string | number | boolean | null;
export type Row = Record<string, unknown>;

/** One SQL connection inside a transaction; SQL is written with `?` placeholders for both providers. */
export interface BulkSql {
  provider: DbProvider;
  query(sql: string, params?: Value[]): Promise<Row[]>;
  run(sql: string, params?: Value[]): Promise<void>;
  /** Runs an INSERT, UPDATE or DELETE and returns how many rows it changed. */
  change(sql: string, params?: Value[]): Promise<number>;
  /** Writes rows that share one shape, reporting how many are written as it goes. */
  insert(table: string, rows: object[], report?: (done: number) => void): Promise<void>;
  /** How a JS value is stored in a column of this provider. */
  encode(value: unknown): Value;
}

// Progress is reported every this many rows.
const REPORT_EVERY = 1000;
// A COPY is streamed in pieces of about this many characters.
const COPY_CHUNK_CHARS = 64 * 1024;

/**
 * Runs `body` inside one transaction on a new connection to `url`: committed when it returns, rolled back when it
 * throws (a process killed half-way commits nothing). On SQLite the write lock is taken first (BEGIN IMMEDIATE).
 */
export async function inBulkTransaction<T>(
  url: string,
  body: (sql: BulkSql) => Promise<T>,
  options: BulkOptions = {},
): Promise<T> {
  return providerOf(url) === "postgres" ? inPostgres(url, body) : inSqlite(url, body, options);
}

export interface BulkOptions {
  /**
   * SQLite: after a large write, copy the write-ahead log into the database file on a worker thread instead of at
   * COMMIT. The commit is as durable either way (the log is synced); what moves is the copy (~100 ms for a catalog's
   * 27 MB), which otherwise blocks this thread. Should the worker not get to it, the next commit of any connection
   * checkpoints as usual.
   */
  checkpointInBackground?: boolean;
}

/** The columns of rows that share one shape: the first row's keys. */
const columnsOf = (rows: object[]) => (rows.length ? Object.keys(rows[0]) : []);
const quoted = (columns: string[]) => columns.map((c) => `"${c}"`).join(", ");

/** Dates as Prisma stores them; arrays and objects are the Json columns; the rest as is. */
function encodeCommon(value: unknown, date: (d: Date) => string): Value | undefined {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return date(value);
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return undefined;
}

function encoder(date: (d: Date) => string, booleans: (b: boolean) => Value) {
  return (value: unknown): Value => {
    if (typeof value === "boolean") return booleans(value);
    const encoded = encodeCommon(value, date);
    if (encoded === undefined) throw new Error(`Cannot store a ${typeof value} in a database column.`);
    return encoded;
  };
}

async function inSqlite<T>(url: string, body: (sql: BulkSql) => Promise<T>, options: BulkOptions): Promise<T> {
  const file = sqliteFilePath(url);
  const connection = new Database(file);
  let committed = false;
  const statements = new Map<string, Database.Statement>();
  const statement = (text: string) => {
    let cached = statements.get(text);
    if (!cached) statements.set(text, (cached = connection.prepare(text)));
    return cached;
  };
  try {
    connection.exec(SQLITE_PRAGMAS);
    if (options.checkpointInBackground) connection.pragma("wal_autocheckpoint = 0");
    const sql: BulkSql = {
      provider: "sqlite",
      async query(text, params = []) {
        return statement(text).all(...params) as Row[];
      },
      async run(text, params = []) {
        statement(text).run(...params);
      },
      async change(text, params = []) {
        return statement(text).run(...params).changes;
      },
      encode: encoder(
        (d) => d.toISOString().replace(/Z$/, "+00:00"),
        (b) => (b ? 1 : 0),
      ),
      // One prepared INSERT run once per row: in-process SQLite has no round trips to save.
      async insert(table, rows, report = () => {}) {
        const columns = columnsOf(rows);
        report(0);
        if (!rows.length) return;
        const insert = statement(
          `INSERT INTO "${table}" (${quoted(columns)}) VALUES (${columns.map(() => "?").join(", ")})`,
        );
        rows.forEach((row, i) => {
          insert.run(...columns.map((column) => sql.encode((row as Row)[column])));
          if ((i + 1) % REPORT_EVERY === 0 || i + 1 === rows.length) report(i + 1);
        });
      },
    };
    // BEGIN IMMEDIATE: take the write lock before reading, so what the body reads is what it then replaces.
    // better-sqlite3 runs synchronously, so the awaits below never yield to another statement on this connection.
    await beginImmediate(connection);
    try {
      const result = await body(sql);
      connection.exec("COMMIT");
      committed = true;
      return result;
    } catch (error) {
      connection.exec("ROLLBACK");
      throw error;
    }
  } finally {
    connection.close();
    if (committed && options.checkpointInBackground) checkpointInBackground(file);
  }
}

// Runs on the worker: its own connection, a PASSIVE checkpoint (it never waits for readers), closed.
const CHECKPOINT_WORKER = `
const Database = require("better-sqlite3");
const { workerData } = require("node:worker_threads");
const db = new Database(workerData, { fileMustExist: true });
try { db.pragma("busy_timeout = 5000"); db.pragma("wal_checkpoint(PASSIVE)"); } finally { db.close(); }
`;

function checkpointInBackground(file: string): void {
  const worker = new Worker(CHECKPOINT_WORKER, { eval: true, workerData: file });
  // Nothing to report: a database dropped meanwhile (a test's), or a checkpoint left undone, costs nothing; the next
  // commit checkpoints.
  worker.on("error", () => {});
}

// How long BEGIN IMMEDIATE waits for another writer, as busy_timeout in SQLITE_PRAGMAS, and how often it retries.
const SQLITE_LOCK_WAIT_MS = 5000;
const SQLITE_LOCK_RETRY_MS = 10;

/**
 * BEGIN IMMEDIATE, waiting for the write lock without blocking the process: better-sqlite3's busy_timeout waits
 * synchronously, so when the writer holding the lock is this process's own Prisma connection (an accept's
 * transaction, say) it could never finish while we wait. Busy is retried on a timer instead, for as long.
 */
async function beginImmediate(connection: Database.Database): Promise<void> {
  const deadline = Date.now() + SQLITE_LOCK_WAIT_MS;
  connection.pragma("busy_timeout = 0");
  try {
    for (;;) {
      try {
        connection.exec("BEGIN IMMEDIATE");
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, SQLITE_LOCK_RETRY_MS));
      }
    }
  } finally {
    connection.pragma(`busy_timeout = ${SQLITE_LOCK_WAIT_MS}`);
  }
}

// CSV as COPY reads it: NULL is an unquoted empty field, every other value is quoted. The quote is \x01, not `"`:
// the STIX JSON is full of double quotes, and doubling each of them cost a fifth of an import's time. A value that
// does hold a \x01 has it doubled, as CSV escapes its quote.
const QUOTE = "\x01";
function csvField(value: Value): string {
  if (value === null) return "";
  const text = String(value);
  return QUOTE + (text.includes(QUOTE) ? text.replaceAll(QUOTE, QUOTE + QUOTE) : text) + QUOTE;
}

async function inPostgres<T>(url: string, body: (sql: BulkSql) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgConfig(url));
  await client.connect();
  const numbered = (text: string) => {
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`);
  };
  try {
    const sql: BulkSql = {
      provider: "postgres",
      async query(text, params = []) {
        return (await client.query(numbered(text), params)).rows as Row[];
      },
      async run(text, params = []) {
        await client.query(numbered(text), params);
      },
      async change(text, params = []) {
        return (await client.query(numbered(text), params)).rowCount ?? 0;
      },
      // COPY … FROM STDIN in CSV: one stream per table, several times faster than multi-row INSERTs.
      async insert(table, rows, report = () => {}) {
        const columns = columnsOf(rows);
        report(0);
        if (!rows.length) return;
        const copy = client.query(
          copyFrom(`COPY "${table}" (${quoted(columns)}) FROM STDIN WITH (FORMAT csv, QUOTE E'\\x01')`),
        );
        // Small chunks, so the server parses and stores one while this process encodes the next: on two cores the
        // COPY takes about as long as the slower side rather than the sum of both.
        async function* chunks() {
          let text = "";
          for (let i = 0; i < rows.length; i++) {
            const row = rows[i] as Row;
            for (let c = 0; c < columns.length; c++) {
              text += (c ? "," : "") + csvField(sql.encode(row[columns[c]]));
            }
            text += "\n";
            if (text.length >= COPY_CHUNK_CHARS || i + 1 === rows.length) {
              yield text;
              text = "";
            }
            if ((i + 1) % REPORT_EVERY === 0 || i + 1 === rows.length) report(i + 1);
          }
        }
        await pipeline(Readable.from(chunks()), copy);
      },
      // timestamp(3) without time zone, in UTC as Prisma keeps it: the ISO digits, offset dropped.
      encode: encoder(
        (d) => d.toISOString().replace(/Z$/, ""),
        (b) => b,
      ),
    };
    await client.query("BEGIN");
    try {
      const result = await body(sql);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    await client.end();
  }
}
