// The database side of the role × route matrix and the fuzzers: a fingerprint of every table (to prove a refused
// call changed nothing) and a snapshot of the seeded world to put back after a call that changed it.
import { createHash } from "node:crypto";
import { providerOf } from "../db/adapter";
import type { Db } from "../db/client";
import type { TestDb } from "../db/testing";

// ---------------------------------------------------------------------------------------------------------------
// The database's fingerprint: row count and a checksum per table, listed by the database itself (a table added
// later is covered). Excluded, because counting a caller is their purpose and no refusal can be told apart from
// an accepted call by them: the rate-limit counters and an API token's lastUsedAt.

const VOLATILE: Record<string, string[]> = { ApiToken: ["lastUsedAt"] };
const SKIPPED_TABLES = new Set(["RateLimit", "_prisma_migrations"]);

export async function fingerprint(t: TestDb): Promise<Record<string, string>> {
  const db = t.db;
  const tables =
    providerOf(t.url) === "postgres"
      ? await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`,
        )
      : await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
        );
  const out: Record<string, string> = {};
  for (const { name } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIPPED_TABLES.has(name)) continue;
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}"`);
    const lines = rows
      .map((row) => {
        const copy = { ...row };
        for (const column of VOLATILE[name] ?? []) delete copy[column];
        return JSON.stringify(copy, (_, v) =>
          typeof v === "bigint" ? String(v) : v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v,
        );
      })
      .sort();
    out[name] = `${rows.length} ${createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16)}`;
  }
  return out;
}

export async function auditCount(db: Db): Promise<number> {
  return db.auditEvent.count();
}

// ---------------------------------------------------------------------------------------------------------------
// Back to the seeded world after a call that changed it: the rows of every table a call can write, put back as they
// were (same ids, tokens and timestamps), much faster than seeding again (which exports a release).

/** Parents first (inserts in this order, deletes in reverse). */
const WRITABLE_MODELS = [
  "user",
  "account",
  "session",
  "verificationToken",
  "apiToken",
  "provisionalId",
  "release",
  "observation",
  "revision",
  "comment",
  "auditEvent",
  "rateLimit",
  "draft",
  "mailJob",
  "job",
] as const;

export type Snapshot = Record<(typeof WRITABLE_MODELS)[number], Record<string, unknown>[]>;

type Delegate = {
  findMany(args?: object): Promise<Record<string, unknown>[]>;
  deleteMany(): Promise<unknown>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<unknown>;
};
const delegate = (db: Db, model: string) => (db as unknown as Record<string, Delegate>)[model];

export async function snapshotWorld(db: Db): Promise<Snapshot> {
  const out = {} as Snapshot;
  for (const model of WRITABLE_MODELS) out[model] = await delegate(db, model).findMany();
  return out;
}

export async function restoreWorld(db: Db, snapshot: Snapshot): Promise<void> {
  for (const model of [...WRITABLE_MODELS].reverse()) await delegate(db, model).deleteMany();
  for (const model of WRITABLE_MODELS) {
    // A null is left out (every nullable column defaults to null; Json columns refuse a plain null).
    const data = snapshot[model].map((row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null)));
    if (data.length) await delegate(db, model).createMany({ data });
  }
}
