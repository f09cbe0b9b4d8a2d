// Chooses and builds the Prisma driver adapter for DATABASE_URL. Used by the app, the CLI, the
// tests and prisma.config.ts, so every door talks to the database the same way.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

export type DbProvider = "sqlite" | "postgres";

export const DEFAULT_DATABASE_URL = "file:./data/app.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function providerOf(url: string): DbProvider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(
    `DATABASE_URL "${url}" is neither a SQLite file (file:./data/app.db) nor PostgreSQL (postgresql://user@host:5432/db).`,
  );
}

export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "");
}

// Every connection: durability over speed (a lost acknowledged review is worse than 0.1 ms), wait
// for writers instead of failing, and enforce foreign keys, which SQLite leaves off by default.
export const SQLITE_PRAGMAS =
  "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";

export interface AdapterOptions {
  /**
   * SQLite only: answer reads outside transactions from a second, read-only connection (splitReads below). The
   * app's client (createDb) sets it; the schema engine (prisma.config.ts) keeps one connection.
   */
  readConnection?: boolean;
}

class SqliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #inner: PrismaBetterSQLite3;
  readonly #options: AdapterOptions;
  constructor(url: string, options: AdapterOptions) {
    this.#inner = new PrismaBetterSQLite3({ url, timeout: 5000 });
    this.adapterName = this.#inner.adapterName;
    this.#options = options;
  }
  async connect(): Promise<SqlDriverAdapter> {
    const adapter = routeScripts(reuseStatements(await this.#inner.connect()));
    await adapter.executeScript(SQLITE_PRAGMAS);
    if (!this.#options.readConnection) return adapter;
    // Opened after the writer has put the file in WAL mode; query_only refuses any write on it.
    const reader = reuseStatements(await this.#inner.connect());
    await reader.executeScript(SQLITE_READER_PRAGMAS);
    return splitReads(adapter, reader);
  }
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return routeScripts(await this.#inner.connectToShadowDb());
  }
}

const SQLITE_READER_PRAGMAS = "PRAGMA busy_timeout = 5000; PRAGMA query_only = ON;";

// @prisma/adapter-better-sqlite3 has ONE connection. A transaction opens on it (BEGIN) and stays open across the
// awaits of its request, and every query outside a transaction runs on that same connection meanwhile: another
// request's read sees the open transaction's uncommitted rows, and its write (an updateMany, the mail worker's
// claims) silently joins that transaction and is undone by its rollback. And better-sqlite3 answers synchronously
// (each promise is already resolved), so a request's queries, compiled and run back to back, never give Node's
// event loop a turn: under load the server accepts no new connection for seconds (reads waited in the kernel's
// accept queue, not on the database: issue 12, bench/results.md "Load").
//
// splitReads keeps the writer connection for transactions and writes, and:
// - a SELECT outside a transaction runs on a second connection (WAL lets it read while the writer holds a
//   transaction open): it sees every committed write, including the request's own, and never an uncommitted one;
// - a write outside a transaction waits until no transaction is open (one FIFO lock with startTransaction);
// - every query outside a transaction, and each transaction's start, first yields to the event loop
//   (setImmediate), so accepting connections and reading requests take turns with the queries. Inside a
//   transaction nothing yields: the write lock is held as briefly as before.
// Reads inside a transaction run on the writer connection and see the transaction's own writes.
function splitReads(writer: SqlDriverAdapter, reader: SqlDriverAdapter): SqlDriverAdapter {
  const lock = fifoLock();
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const isRead = (sql: string) => /^\s*SELECT\b/i.test(sql);
  const write = async <T>(run: () => Promise<T>): Promise<T> => {
    await turn();
    const release = await lock();
    try {
      return await run();
    } finally {
      release();
    }
  };
  return {
    provider: writer.provider,
    adapterName: writer.adapterName,
    async queryRaw(query) {
      if (!isRead(query.sql)) return write(() => writer.queryRaw(query));
      await turn();
      return reader.queryRaw(query);
    },
    executeRaw: (query) => write(() => writer.executeRaw(query)),
    executeScript: (script) => write(() => writer.executeScript(script)),
    async startTransaction(isolationLevel) {
      await turn();
      const release = await lock();
      let tx: Transaction;
      try {
        tx = await writer.startTransaction(isolationLevel);
      } catch (error) {
        release();
        throw error;
      }
      // Prisma runs COMMIT / ROLLBACK through executeRaw, then calls commit() / rollback(), also on a timeout.
      const commit = tx.commit.bind(tx);
      const rollback = tx.rollback.bind(tx);
      tx.commit = () => commit().finally(release);
      tx.rollback = () => rollback().finally(release);
      return tx;
    },
    ...(writer.getConnectionInfo ? { getConnectionInfo: () => writer.getConnectionInfo!() } : {}),
    async dispose() {
      await reader.dispose();
      await writer.dispose();
    },
  };
}

/** A FIFO lock: resolves to its release function; each release is used once. */
function fifoLock(): () => Promise<() => void> {
  let tail = Promise.resolve();
  return () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const acquired = tail.then(() => release);
    tail = tail.then(() => held);
    return acquired;
  };
}

// The schema engine replays a whole migration file through executeRaw, which better-sqlite3 runs
// one statement at a time (it rejects the rest): send argument-less multi-statement SQL to exec.
function routeScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0 && /;\s*\S/.test(query.sql)) {
      await adapter.executeScript(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  return adapter;
}

// The adapter prepares every statement anew (`client.prepare(sql).bind(args)`), which costs more than running the
// short queries a request makes. Keep the prepared statements of this connection by their SQL (at most
// STATEMENT_CACHE) and hand the adapter a view of one with its arguments: better-sqlite3 binds a statement's
// arguments for good, so they are passed to each run instead. better-sqlite3 is synchronous, so a statement never
// runs twice at once.
const STATEMENT_CACHE = 500;

interface Prepared {
  reader: boolean;
  run(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[];
  columns(): unknown[];
  raw(on?: boolean): Prepared;
}

function reuseStatements(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const client = (adapter as unknown as { client?: { prepare(sql: string): Prepared } }).client;
  if (!client) return adapter;
  const prepare = client.prepare.bind(client);
  const cache = new Map<string, Prepared>();
  const bound = (statement: Prepared, args: unknown[]) => ({
    reader: statement.reader,
    run: () => statement.run(...args),
    all: () => statement.all(...args),
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(...args) }),
  });
  client.prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql); // re-inserted below: the map's order is the order of last use
    } else {
      statement = prepare(sql);
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement);
    const s = statement;
    return { ...bound(s, []), bind: (args: unknown[]) => bound(s, args) } as unknown as Prepared;
  };
  return adapter;
}

// PostgreSQL reports catalog columns of type `name` (19) and `"char"` (18), which Prisma 6's
// schema engine cannot deserialize (prisma/orm#27403, fixed only in 7.x): report them as text.
class TextNamesClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const patch = (res: pg.QueryResult | undefined) => {
      for (const field of res?.fields ?? []) {
        if (field.dataTypeID === 19 || field.dataTypeID === 18) field.dataTypeID = 25;
      }
      return res;
    };
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = (err: Error | null, res: pg.QueryResult) => callback(err, patch(res));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    return result && typeof result.then === "function" ? result.then(patch) : result;
  }
}

export function pgConfig(url: string): pg.PoolConfig {
  // Separate fields, not connectionString: adapter-pg's shadow database silently becomes the main
  // database when it is configured with a connection string.
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || "postgres",
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
    max: Number(u.searchParams.get("connection_limit") ?? 10),
    Client: TextNamesClient,
  };
}

// adapter-pg drops its shadow database before closing the pool that still uses it, so
// `migrate diff --from-migrations` fails with "being accessed by other users": close, then drop.
class PgFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName: string;
  readonly #config: pg.PoolConfig;
  readonly #inner: PrismaPg;
  constructor(url: string) {
    this.#config = pgConfig(url);
    this.#inner = new PrismaPg(this.#config);
    this.adapterName = this.#inner.adapterName;
  }
  connect(): Promise<SqlDriverAdapter> {
    return this.#inner.connect();
  }
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const database = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await adminQuery(this.#config, `CREATE DATABASE "${database}"`);
    const adapter = await new PrismaPg({ ...this.#config, database, max: 1 }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await adminQuery(this.#config, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    };
    return adapter;
  }
}

export async function adminQuery(config: pg.PoolConfig, sql: string): Promise<void> {
  const client = new pg.Client({ ...config, database: "postgres" });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function createAdapterFactory(
  url = databaseUrl(),
  options: AdapterOptions = {},
): SqlMigrationAwareDriverAdapterFactory {
  return providerOf(url) === "postgres" ? new PgFactory(url) : new SqliteFactory(url, options);
}
