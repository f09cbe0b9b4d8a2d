// The process's catalog search index (lib/attack/search-index), built from the database on first use and
// rebuilt when the catalog changes. An import in this process says so at once (invalidateSearchIndex, called by
// importCatalog); an import by another process (the CLI) is noticed from the current CatalogVersion rows — ids,
// sha256 and import times, one small indexed query — checked at most every CHECK_INTERVAL_MS.
import type { Tx } from "../db/client";
import { ATTACK_KINDS } from "./parse";
import { buildSearchIndex, type IndexRow, type SearchIndex } from "./search-index";

// Long enough that a burst of keystrokes costs one check; short enough that a CLI import shows within a second.
export const CHECK_INTERVAL_MS = 1000;

interface Entry {
  fingerprint: string;
  generation: number;
  checkedAt: number;
  index: Promise<SearchIndex>;
}

// On globalThis: Next.js may bundle this module once per route, and an import must invalidate every copy.
const store = ((
  globalThis as unknown as { __catalogSearchIndex?: { generation: number; entries: WeakMap<object, Entry> } }
).__catalogSearchIndex ??= { generation: 0, entries: new WeakMap() });

/** Drops every built index: the next search rebuilds from the database. */
export function invalidateSearchIndex(): void {
  store.generation++;
}

/** Bumped by every in-process import: other catalog-derived caches (lib/review/queue-catalog) follow it too. */
export function catalogGeneration(): number {
  return store.generation;
}

/**
 * The search index for this database client, current to within CHECK_INTERVAL_MS of another process's import
 * (at once for this process's). One index per client: a transaction client gets its own.
 */
export async function catalogSearchIndex(db: Tx): Promise<SearchIndex> {
  const fresh = (entry: Entry | undefined): entry is Entry => entry?.generation === store.generation;
  const cached = store.entries.get(db);
  if (fresh(cached) && Date.now() - cached.checkedAt < CHECK_INTERVAL_MS) return cached.index;
  const generation = store.generation;
  const fingerprint = await catalogFingerprint(db);
  const now = store.entries.get(db); // another search may have rebuilt it meanwhile
  if (fresh(now) && now.fingerprint === fingerprint) {
    now.checkedAt = Date.now();
    return now.index;
  }
  const entry: Entry = { fingerprint, generation, checkedAt: Date.now(), index: loadIndex(db) };
  store.entries.set(db, entry);
  entry.index.catch(() => store.entries.get(db) === entry && store.entries.delete(db));
  return entry.index;
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

async function loadIndex(db: Tx): Promise<SearchIndex> {
  // Deprecated rows too: they are left out of the index, but their names still label sub-techniques' parents.
  const rows: IndexRow[] = await db.attackObject.findMany({
    where: { revoked: false, kind: { in: [...ATTACK_KINDS] } },
    select: {
      stixId: true,
      attackId: true,
      name: true,
      kind: true,
      domain: true,
      aliases: true,
      isSubtechnique: true,
      parentAttackId: true,
      description: true,
      revoked: true,
      deprecated: true,
    },
  });
  return buildSearchIndex(rows);
}
