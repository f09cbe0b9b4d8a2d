// What the process derives from the imported catalog and keeps in memory: the search index
// (lib/attack/search-index-store), the suggestion index (lib/attack/suggest-store) and the queue's catalog data
// (lib/review/queue-catalog). Each is built from the database on first use and rebuilt when the catalog changes:
// - an import in this process says so at once (invalidateCatalogCaches, called by importCatalog);
// - an import by another process (the CLI) is noticed from the current CatalogVersion rows (ids, sha256 and
//   import times: one small indexed query), checked at most every CHECK_INTERVAL_MS.
// One value per database client: a transaction client gets its own.
import type { Tx } from "../db/client";

// Long enough that a burst of keystrokes costs one check; short enough that a CLI import shows within a second.
export const CHECK_INTERVAL_MS = 1000;

interface Entry<T> {
  fingerprint: string;
  generation: number;
  checkedAt: number;
  value: Promise<T>;
}

// On globalThis: Next.js may bundle this module once per route, and an import must invalidate every copy.
const shared = ((globalThis as unknown as { __catalogCaches?: { generation: number } }).__catalogCaches ??= {
  generation: 0,
});

/** Drops every value derived from the catalog: the next use rebuilds it from the database. */
export function invalidateCatalogCaches(): void {
  shared.generation++;
}

/** What identifies the catalog the tables hold: each domain's current version row (exported for the bench). */
export async function catalogFingerprint(db: Tx): Promise<string> {
  const rows = await db.catalogVersion.findMany({
    where: { current: true },
    select: { id: true, sha256: true, importedAt: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => `${r.id}:${r.sha256}:${r.importedAt.getTime()}`).join(" ");
}

/**
 * `load` cached per database client and catalog: the returned function gives the value for the current catalog,
 * current to within CHECK_INTERVAL_MS of another process's import (at once for this process's). `name` keys the
 * entries on globalThis, so every bundled copy of a module shares one cache. A failed load is forgotten.
 */
export function catalogCache<T>(name: string, load: (db: Tx) => Promise<T>): (db: Tx) => Promise<T> {
  const caches = ((
    globalThis as unknown as { __catalogCacheEntries?: Map<string, WeakMap<object, Entry<unknown>>> }
  ).__catalogCacheEntries ??= new Map());
  if (!caches.has(name)) caches.set(name, new WeakMap());
  const entries = caches.get(name) as WeakMap<object, Entry<T>>;
  const fresh = (entry: Entry<T> | undefined): entry is Entry<T> => entry?.generation === shared.generation;
  return async (db) => {
    const cached = entries.get(db);
    if (fresh(cached) && Date.now() - cached.checkedAt < CHECK_INTERVAL_MS) return cached.value;
    const generation = shared.generation;
    const fingerprint = await catalogFingerprint(db);
    const now = entries.get(db); // another caller may have rebuilt it meanwhile
    if (fresh(now) && now.fingerprint === fingerprint) {
      now.checkedAt = Date.now();
      return now.value;
    }
    const entry: Entry<T> = { fingerprint, generation, checkedAt: Date.now(), value: load(db) };
    entries.set(db, entry);
    entry.value.catch(() => entries.get(db) === entry && entries.delete(db));
    return entry.value;
  };
}
