// Applies prisma/<provider>/migrations on start-up, recording them in Prisma's own
// _prisma_migrations table so `prisma migrate deploy` and this agree on what has run.
// It needs no CLI process: the app, the CLI and every test call it directly.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { type DbProvider, databaseUrl, pgConfig, providerOf, SQLITE_PRAGMAS, sqliteFilePath } from "./adapter";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsDir(provider: DbProvider): string {
  return path.join(process.cwd(), "prisma", provider, "migrations");
}

export function readMigrations(provider: DbProvider): Migration[] {
  const dir = migrationsDir(provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const LEDGER = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL,
    "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgres: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
};

function pending(migrations: Migration[], applied: { migration_name: string; checksum: string }[]): Migration[] {
  const done = new Map(applied.map((r) => [r.migration_name, r.checksum]));
  for (const m of migrations) {
    const checksum = done.get(m.name);
    if (checksum && checksum !== m.checksum) {
      throw new Error(
        `Migration ${m.name} was changed after it was applied to this database. Restore the original file and add a new migration instead (npm run db:migration -- <name>).`,
      );
    }
  }
  return migrations.filter((m) => !done.has(m.name));
}

export function migrateSqlite(url: string, migrations: Migration[]): string[] {
  const file = path.resolve(sqliteFilePath(url));
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, { timeout: 5000 });
  try {
    sqlite.exec(SQLITE_PRAGMAS);
    // Foreign keys off while migrating: Prisma's SQLite migrations rebuild a table (create a copy, DROP the original,
    // rename) and say `PRAGMA foreign_keys=OFF` themselves, but that pragma does nothing inside a transaction, so the
    // DROP would cascade and delete every row that references the table (an Observation rebuild took each revision
    // and comment with it). It is set here, before the transaction; the keys are checked before the commit.
    sqlite.exec("PRAGMA foreign_keys = OFF");
    sqlite.exec(LEDGER.sqlite);
    // BEGIN IMMEDIATE: two processes starting at once cannot both apply the same migration.
    const apply = sqlite.transaction(() => {
      const applied = sqlite
        .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`)
        .all() as {
        migration_name: string;
        checksum: string;
      }[];
      const todo = pending(migrations, applied);
      for (const m of todo) {
        sqlite.exec(m.sql);
        sqlite
          .prepare(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, ?, ?, 1)`,
          )
          .run(randomUUID(), m.checksum, new Date().toISOString(), m.name);
      }
      const broken = sqlite.prepare("PRAGMA foreign_key_check").all() as { table: string; parent: string }[];
      if (broken.length) {
        const pairs = [...new Set(broken.map((b) => `${b.table} → ${b.parent}`))].join(", ");
        throw new Error(
          `The migrations would leave ${broken.length} row(s) pointing at nothing (${pairs}); nothing was changed.`,
        );
      }
      return todo.map((m) => m.name);
    });
    return apply.immediate();
  } finally {
    sqlite.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client(pgConfig(url));
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(72707369)");
    await client.query(LEDGER.postgres);
    const { rows } = await client.query(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const todo = pending(migrations, rows);
    for (const m of todo) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
    return todo.map((m) => m.name);
  } finally {
    await client.query("SELECT pg_advisory_unlock(72707369)").catch(() => undefined);
    await client.end();
  }
}

/** Brings the database at `url` up to date; returns the names of the migrations it applied. */
export async function migrateDatabase(url = databaseUrl()): Promise<string[]> {
  const provider = providerOf(url);
  const migrations = readMigrations(provider);
  return provider === "sqlite" ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}
