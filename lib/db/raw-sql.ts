// What statements written out for both providers share (lib/review/queue-sql.ts, lib/stats/queue.ts,
// lib/review/duplicates-count.ts): placeholders (`?` on SQLite, `$1`, `$2` … on PostgreSQL), instants bound as each
// provider's column holds them, and the spelling of the few functions that differ.
import { urlOf, type Db } from "./client";

export const isPostgres = (db: Db) => !urlOf(db).startsWith("file:");

/** Collects a statement's parameters: `bind(value)` appends one and returns its placeholder. */
export function sqlParams(postgres: boolean, params: unknown[] = []) {
  const bind = (value: unknown) => {
    params.push(value);
    return postgres ? `$${params.length}` : "?";
  };
  return { params, bind };
}

/** A bound instant as the column holds it: SQLite ISO text with "+00:00" (as Prisma writes it), PostgreSQL a UTC timestamp. */
export function instant(bind: (value: unknown) => string, d: Date, postgres: boolean): string {
  return postgres ? `CAST(${bind(d.toISOString())} AS TIMESTAMP)` : bind(d.toISOString().replace(/Z$/, "+00:00"));
}

/** The smaller of two numbers: SQLite's scalar MIN, PostgreSQL's LEAST. */
export const leastFunction = (postgres: boolean) => (postgres ? "LEAST" : "MIN");

/**
 * Statistics for every table, as autovacuum soon gives a bulk-loaded database (benchmarks, after their seed): without
 * them PostgreSQL plans as if the tables were empty. VACUUM also fills PostgreSQL's visibility map, which index-only
 * scans need; it runs outside a transaction.
 */
export async function analyzeAll(db: Db): Promise<void> {
  await db.$executeRawUnsafe(isPostgres(db) ? `VACUUM ANALYZE` : `ANALYZE`);
}
