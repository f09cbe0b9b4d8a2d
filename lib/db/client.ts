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
  const adapter = createAdapterFactory(url, { readConnection: true });
  let client: Db;
  if (provider === "sqlite") {
    mkdirSync(path.dirname(path.resolve(sqliteFilePath(url))), { recursive: true });
    client = new SqliteClient({ adapter });
  } else {
    client = new PostgresClient({ adapter }) as unknown as Db;
  }
  urls.set(client, url);
  return client;
}

// On globalThis, like the process-wide client below: Next.js bundles this module once per route handler and per
// server action, and a client made by one copy (db(), shared through globalThis) must be known to the others.
const globalForUrls = globalThis as unknown as { __procedureExchangeDbUrls?: WeakMap<Db, string> };
const urls = (globalForUrls.__procedureExchangeDbUrls ??= new WeakMap<Db, string>());

/** The database URL a client was created for (bulk work that talks to the driver directly, e.g. imports). */
export function urlOf(client: Db): string {
  const url = urls.get(client);
  if (!url) throw new Error("This database client was not made by createDb: its URL is unknown.");
  return url;
}

const globalForDb = globalThis as unknown as { __procedureExchangeDb?: Db };

/** The process-wide client (one per process, reused across Next.js hot reloads). */
export function db(): Db {
  globalForDb.__procedureExchangeDb ??= createDb();
  return globalForDb.__procedureExchangeDb;
}
