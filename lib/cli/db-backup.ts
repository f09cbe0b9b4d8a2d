// `db:backup <file>` and `db:restore <file> [--force]`: a consistent copy of the whole database while the app runs,
// and putting one back. SQLite: the online backup API (better-sqlite3 `.backup()`), page by page, safe alongside
// writers. PostgreSQL: `pg_dump --format=custom` and `pg_restore` (the postgresql-client tools). What must stay true:
// a restore never overwrites a database that holds data unless --force says so, and a restored database is migrated
// up to this version of the app.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { Db } from "../db/client";
import { databaseUrl, pgConfig, providerOf, sqliteFilePath } from "../db/adapter";
import { migrateDatabase } from "../db/migrate";
import { AppError } from "../errors";

const LEDGER = "_prisma_migrations";

/** Copies the database at `url` into `file` (which must not exist yet). */
export async function backupDatabase(url: string, file: string): Promise<void> {
  const target = path.resolve(file);
  if (existsSync(target))
    throw new AppError("CONFLICT", `${target} already exists: choose a new file name, or remove it first.`);
  mkdirSync(path.dirname(target), { recursive: true });
  if (providerOf(url) === "sqlite") {
    const source = new Database(path.resolve(sqliteFilePath(url)), { fileMustExist: true });
    try {
      await source.backup(target);
    } finally {
      source.close();
    }
    return;
  }
  runPgTool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", target], url);
}

/** Rows in the app's tables (the migrations ledger aside): 0 means nothing would be lost by a restore. */
export async function countRows(url: string): Promise<number> {
  if (providerOf(url) === "sqlite") {
    const file = path.resolve(sqliteFilePath(url));
    if (!existsSync(file)) return 0;
    const db = new Database(file, { readonly: true });
    try {
      const tables = db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ?`)
        .all(LEDGER) as { name: string }[];
      let total = 0;
      for (const { name } of tables)
        total += (db.prepare(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n;
      return total;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client(pgConfig(url));
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> $1`,
      [LEDGER],
    );
    let total = 0;
    for (const { name } of rows) {
      const result = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`);
      total += Number(result.rows[0].n);
    }
    return total;
  } finally {
    await client.end();
  }
}

/**
 * Replaces the database at `url` with the backup in `file`, then applies any newer migrations. Refuses (CONFLICT)
 * a database that holds rows unless `force`.
 */
export async function restoreDatabase(url: string, file: string, { force = false } = {}): Promise<void> {
  const source = path.resolve(file);
  if (!existsSync(source) || !statSync(source).isFile())
    throw new AppError("NOT_FOUND", `No backup file at ${source}: give the path db:backup wrote.`);
  const rows = await countRows(url);
  if (rows > 0 && !force)
    throw new AppError(
      "CONFLICT",
      `The database is not empty (${rows} rows): restoring would replace them. Back it up first, then add --force.`,
    );
  if (providerOf(url) === "sqlite") {
    let backup: Database.Database;
    try {
      backup = new Database(source, { readonly: true, fileMustExist: true });
      backup.prepare(`SELECT COUNT(*) FROM "${LEDGER}"`).get();
    } catch {
      throw new AppError("VALIDATION", `${source} is not a SQLite backup of this app (made by db:backup).`);
    }
    try {
      const target = path.resolve(sqliteFilePath(url));
      mkdirSync(path.dirname(target), { recursive: true });
      // The backup API writes every page of the destination under its lock: readers never see half a database.
      await backup.backup(target);
    } finally {
      backup.close();
    }
  } else {
    const list = spawnSync("pg_restore", ["--list", source], { encoding: "utf8" });
    if (list.error) throw missingTool("pg_restore", list.error);
    if (list.status !== 0)
      throw new AppError("VALIDATION", `${source} is not a PostgreSQL backup of this app (made by db:backup).`);
    const client = new pg.Client(pgConfig(url));
    await client.connect();
    try {
      // Everything goes, so objects of a newer schema cannot clash with the backup's; the migrations then redo them.
      await client.query(`DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;`);
    } finally {
      await client.end();
    }
    runPgTool("pg_restore", ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", source], url);
  }
  await migrateDatabase(url);
}

/** Runs a PostgreSQL client tool against `url`, passing the connection in PG* variables (no password in `ps`). */
function runPgTool(tool: "pg_dump" | "pg_restore", args: string[], url: string): void {
  const u = new URL(url);
  const env = {
    ...process.env,
    PGHOST: u.hostname,
    PGPORT: u.port || "5432",
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
  };
  if (!u.password) delete (env as Record<string, string | undefined>).PGPASSWORD;
  const dbArgs = tool === "pg_restore" ? ["--dbname", env.PGDATABASE] : [];
  const run = spawnSync(tool, [...args, ...dbArgs], { env, encoding: "utf8" });
  if (run.error) throw missingTool(tool, run.error);
  if (run.status !== 0) {
    const detail = (run.stderr || "").trim().split("\n").slice(-3).join(" ");
    throw new Error(`${tool} failed (exit ${run.status}): ${detail}`);
  }
}

function missingTool(tool: string, error: Error): Error {
  return (error as NodeJS.ErrnoException).code === "ENOENT"
    ? new Error(`${tool} is not installed: install the PostgreSQL client tools (apt-get install postgresql-client).`)
    : error;
}

/** `db:backup <file>` */
export async function dbBackupCommand(args: string[], db: Db): Promise<number> {
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    console.error("Usage: npm run cli -- db:backup <file>   (the file must not exist yet)");
    return 2;
  }
  await db.$disconnect();
  await backupDatabase(databaseUrl(), file);
  console.log(`Backed up the ${providerOf(databaseUrl())} database to ${path.resolve(file)}.`);
  return 0;
}

/** `db:restore <file> [--force]` */
export async function dbRestoreCommand(args: string[], db: Db): Promise<number> {
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    console.error("Usage: npm run cli -- db:restore <file> [--force]   (--force replaces a database that holds data)");
    return 2;
  }
  await db.$disconnect();
  await restoreDatabase(databaseUrl(), file, { force: args.includes("--force") });
  console.log(`Restored ${path.resolve(file)} into the ${providerOf(databaseUrl())} database.`);
  return 0;
}
