// The Prisma client for DATABASE_URL. Both generated clients come from the same model, so the
// SQLite client's types describe either; the provider is chosen at run time and one build serves both.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaClient as SqliteClient } from "../../prisma/sqlite/client";
import { PrismaClient as PostgresClient } from "../../prisma/postgres/client";
import { createAdapterFactory, databaseUrl, providerOf, sqliteFilePath } from "./adapter";

export type Db = SqliteClient;
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(url = databaseUrl()): Db {
  const provider = providerOf(url);
  const adapter = createAdapterFactory(url);
  if (provider === "sqlite") {
    mkdirSync(path.dirname(path.resolve(sqliteFilePath(url))), { recursive: true });
    return new SqliteClient({ adapter });
  }
  return new PostgresClient({ adapter }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { __procedureExchangeDb?: Db };

/** The process-wide client (one per process, reused across Next.js hot reloads). */
export function db(): Db {
  globalForDb.__procedureExchangeDb ??= createDb();
  return globalForDb.__procedureExchangeDb;
}
