// The write half of a catalog import: swaps a domain's rows for a new release in ONE transaction, on its
// own driver connection (better-sqlite3 or pg) rather than through Prisma. Prisma's createMany spent four
// of the five seconds of an Enterprise import encoding 18,000 rows (issue 8 asks for ≤ 3× a bare
// JSON.parse); the driver writes them in a few hundred milliseconds. Readers see the old release or the
// new one, never a mix, and a process killed half-way commits nothing (import-crash.integration.test.ts).
//
// The rows are written in the formats Prisma reads back: on SQLite booleans as 0/1, Json as text and
// DateTime as ISO text with "+00:00" (what @prisma/adapter-better-sqlite3 writes); on PostgreSQL native
// booleans, jsonb and timestamp(3) in UTC.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pgConfig, providerOf, sqliteFilePath, SQLITE_PRAGMAS } from "../db/adapter";
import { diffCatalog } from "./catalog-diff";
import type { AttackObjectRow, KnownProcedureRow } from "./parse";

export interface CatalogWrite {
  domain: string;
  version: string;
  sha256: string;
  objects: AttackObjectRow[];
  procedures: KnownProcedureRow[];
  onProgress: (done: number, total: number, phase: "objects" | "procedures") => void;
}

type Value = string | number | boolean | null;
type Row = Record<string, unknown>;

/** One SQL connection inside a transaction; SQL is written with `?` placeholders for both providers. */
interface Sql {
  query(sql: string, params?: Value[]): Promise<Row[]>;
  run(sql: string, params?: Value[]): Promise<void>;
  /** Writes rows that share one shape, reporting how many are written as it goes. */
  insert(table: string, rows: object[], report?: (done: number) => void): Promise<void>;
  /** How a JS value is stored in a column of this provider. */
  encode(value: unknown): Value;
}

// Progress is reported every this many rows.
const REPORT_EVERY = 1000;

/**
 * Writes a parsed release. The newest version of a domain is current for new work: importing an older one
 * (6.3 after 7.0) records it and the change set from it to the current version, and leaves the rows alone.
 * Returns whether the rows now hold this version.
 */
export async function writeCatalog(url: string, write: CatalogWrite): Promise<WriteResult> {
  const body = (sql: Sql) => swapRows(sql, write);
  return providerOf(url) === "postgres" ? inPostgres(url, body) : inSqlite(url, body);
}

export interface WriteResult {
  /** Same bytes already on record, and either current or older than the current version: nothing written. */
  skipped: boolean;
  /** Whether the rows hold this version (false for a release older than the current one). */
  current: boolean;
}

/** Release versions in numeric order: 6.3 < 7.0 < 17.1 < 18.1 (text order would put 18.1 before 6.3). */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

async function swapRows(sql: Sql, write: CatalogWrite): Promise<WriteResult> {
  const { domain, version, sha256, objects, procedures, onProgress } = write;
  const [previous] = await sql.query(
    `SELECT "version", "sha256" FROM "CatalogVersion" WHERE "domain" = ? AND "current" = ?`,
    [domain, sql.encode(true)],
  );
  const older = previous !== undefined && compareVersions(version, String(previous.version)) < 0;
  // Same bytes already loaded and still what the rows hold, or an older release already on record with its
  // change set: nothing to do. A version imported before another one since is loaded again.
  const [existing] = await sql.query(
    `SELECT "sha256", "current" FROM "CatalogVersion" WHERE "domain" = ? AND "version" = ?`,
    [domain, version],
  );
  if (existing?.sha256 === sha256 && (Boolean(existing.current) || older)) {
    return { skipped: true, current: Boolean(existing.current) };
  }
  // The change set first: once the old rows are gone there is nothing left to compare with. For an older
  // release it runs the other way: from it to the current rows.
  if (previous && previous.sha256 !== sha256) {
    const currentRows = (
      await sql.query(
        `SELECT "stixId", "attackId", "kind", "name", "revoked", "revokedBy", "deprecated" FROM "AttackObject" WHERE "domain" = ?`,
        [domain],
      )
    ).map((r) => ({
      stixId: String(r.stixId),
      attackId: (r.attackId as string | null) ?? null,
      kind: String(r.kind),
      name: String(r.name),
      revoked: Boolean(r.revoked),
      revokedBy: (r.revokedBy as string | null) ?? null,
      deprecated: Boolean(r.deprecated),
    }));
    const [from, to] = older ? [version, String(previous.version)] : [String(previous.version), version];
    await sql.run(`DELETE FROM "CatalogChange" WHERE "domain" = ? AND "fromVersion" = ? AND "toVersion" = ?`, [
      domain,
      from,
      to,
    ]);
    await sql.insert("CatalogChange", [
      {
        id: randomUUID(),
        domain,
        fromVersion: from,
        toVersion: to,
        createdAt: new Date(),
        changes: older ? diffCatalog(objects, currentRows) : diffCatalog(currentRows, objects),
      },
    ]);
  }

  if (!older) {
    await sql.run(`DELETE FROM "KnownProcedure" WHERE "domain" = ?`, [domain]);
    await sql.run(`DELETE FROM "AttackObject" WHERE "domain" = ?`, [domain]);
    await sql.insert("AttackObject", withIds(objects), (done) => onProgress(done, objects.length, "objects"));
    await sql.insert("KnownProcedure", withIds(procedures), (done) =>
      onProgress(done, procedures.length, "procedures"),
    );
    // Exactly one current version per domain: the one whose rows the tables now hold.
    await sql.run(`UPDATE "CatalogVersion" SET "current" = ? WHERE "domain" = ? AND "current" = ?`, [
      sql.encode(false),
      domain,
      sql.encode(true),
    ]);
  }
  // Re-importing a version with other bytes (the STIX 2.1 layout of a release loaded as 2.0) updates its row.
  await sql.run(
    `INSERT INTO "CatalogVersion" ("id", "domain", "version", "sha256", "objectCount", "importedAt", "current")
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT ("domain", "version") DO UPDATE SET
       "sha256" = excluded."sha256", "objectCount" = excluded."objectCount",
       "importedAt" = excluded."importedAt", "current" = excluded."current"`,
    [randomUUID(), domain, version, sha256, objects.length, sql.encode(new Date()), sql.encode(!older)],
  );
  return { skipped: false, current: !older };
}

// Ids that sort in insertion order (one random prefix per import, then a counter): each row lands at the end of
// the primary-key index instead of a random page of it, which halves the time of 16,000 inserts.
const withIds = <T extends object>(rows: T[]) => {
  const prefix = randomUUID().replace(/-/g, "").slice(0, 16);
  return rows.map((row, i) => ({ id: `${prefix}${i.toString(36).padStart(5, "0")}`, ...row }));
};

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
    if (encoded === undefined) throw new Error(`Cannot store a ${typeof value} in the catalog tables.`);
    return encoded;
  };
}

async function inSqlite<T>(url: string, body: (sql: Sql) => Promise<T>): Promise<T> {
  const connection = new Database(sqliteFilePath(url));
  const statements = new Map<string, Database.Statement>();
  const statement = (text: string) => {
    let cached = statements.get(text);
    if (!cached) statements.set(text, (cached = connection.prepare(text)));
    return cached;
  };
  try {
    connection.exec(SQLITE_PRAGMAS);
    const sql: Sql = {
      async query(text, params = []) {
        return statement(text).all(...params) as Row[];
      },
      async run(text, params = []) {
        statement(text).run(...params);
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
    // BEGIN IMMEDIATE: take the write lock before reading, so the change set is computed from the rows
    // that are then replaced. better-sqlite3 runs synchronously, so the awaits below never yield to
    // another statement on this connection.
    connection.exec("BEGIN IMMEDIATE");
    try {
      const result = await body(sql);
      connection.exec("COMMIT");
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
function csvField(value: Value): string {
  if (value === null) return "";
  return `"${String(value).replace(/"/g, '""')}"`;
}

async function inPostgres<T>(url: string, body: (sql: Sql) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgConfig(url));
  await client.connect();
  const numbered = (text: string) => {
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`);
  };
  try {
    const sql: Sql = {
      async query(text, params = []) {
        return (await client.query(numbered(text), params)).rows as Row[];
      },
      async run(text, params = []) {
        await client.query(numbered(text), params);
      },
      // COPY … FROM STDIN in CSV: one stream per table, several times faster than multi-row INSERTs.
      async insert(table, rows, report = () => {}) {
        const columns = columnsOf(rows);
        report(0);
        if (!rows.length) return;
        const copy = client.query(copyFrom(`COPY "${table}" (${quoted(columns)}) FROM STDIN WITH (FORMAT csv)`));
        // REPORT_EVERY rows per chunk written to the stream.
        async function* chunks() {
          for (let i = 0; i < rows.length; i += REPORT_EVERY) {
            let text = "";
            for (const row of rows.slice(i, i + REPORT_EVERY)) {
              text += columns.map((column) => csvField(sql.encode((row as Row)[column]))).join(",") + "\n";
            }
            yield text;
            report(Math.min(i + REPORT_EVERY, rows.length));
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
      // One import of a domain at a time: a second waits here rather than interleaving its deletes.
      await client.query(`LOCK TABLE "CatalogVersion" IN SHARE ROW EXCLUSIVE MODE`);
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
