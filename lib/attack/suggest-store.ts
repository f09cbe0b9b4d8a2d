// The process's technique-suggestion index (lib/attack/suggest), built from the database's catalog on first use
// and rebuilt when the catalog changes: at once after an import in this process (invalidateSuggestIndex, called
// by importCatalog), and within CHECK_INTERVAL_MS of another process's (the CLI), noticed from the current
// CatalogVersion rows (the same fingerprint the search index uses).
import type { Tx } from "../db/client";
import { ACTOR_KINDS } from "./parse";
import { catalogFingerprint, CHECK_INTERVAL_MS } from "./search-index-store";
import {
  buildSuggestIndex,
  suggestTechniques,
  type SuggestExampleRow,
  type SuggestIndex,
  type SuggestQuery,
  type Suggestion,
} from "./suggest";

interface Entry {
  fingerprint: string;
  generation: number;
  checkedAt: number;
  index: Promise<SuggestIndex>;
}

// On globalThis: Next.js may bundle this module once per route, and an import must invalidate every copy.
const store = ((
  globalThis as unknown as { __suggestIndex?: { generation: number; entries: WeakMap<object, Entry> } }
).__suggestIndex ??= { generation: 0, entries: new WeakMap() });

/** Drops every built index: the next suggestion rebuilds from the database. */
export function invalidateSuggestIndex(): void {
  store.generation++;
}

/** The suggestion index for this database client, current to within CHECK_INTERVAL_MS of another process's import. */
export async function catalogSuggestIndex(db: Tx): Promise<SuggestIndex> {
  const fresh = (entry: Entry | undefined): entry is Entry => entry?.generation === store.generation;
  const cached = store.entries.get(db);
  if (fresh(cached) && Date.now() - cached.checkedAt < CHECK_INTERVAL_MS) return cached.index;
  const generation = store.generation;
  const fingerprint = await catalogFingerprint(db);
  const now = store.entries.get(db);
  if (fresh(now) && now.fingerprint === fingerprint) {
    now.checkedAt = Date.now();
    return now.index;
  }
  const entry: Entry = { fingerprint, generation, checkedAt: Date.now(), index: loadIndex(db) };
  store.entries.set(db, entry);
  entry.index.catch(() => store.entries.get(db) === entry && store.entries.delete(db));
  return entry.index;
}

/** Suggestions for a text from the database's current catalog (see suggestTechniques). */
export async function suggestFromCatalog(db: Tx, query: SuggestQuery): Promise<Suggestion[]> {
  return suggestTechniques(await catalogSuggestIndex(db), query);
}

async function loadIndex(db: Tx): Promise<SuggestIndex> {
  const techniques = await db.attackObject.findMany({
    where: { kind: "technique" },
    select: {
      domain: true,
      stixId: true,
      attackId: true,
      name: true,
      description: true,
      isSubtechnique: true,
      parentAttackId: true,
      revoked: true,
      deprecated: true,
    },
  });
  const actors = await db.attackObject.findMany({
    where: { kind: { in: [...ACTOR_KINDS] } },
    select: { domain: true, stixId: true, name: true, aliases: true },
  });
  const names = new Map(actors.map((a) => [`${a.domain} ${a.stixId}`, [a.name, ...stringsOf(a.aliases)]]));
  const procedures = await db.knownProcedure.findMany({
    select: { domain: true, sourceRef: true, targetRef: true, description: true },
  });
  const examples: SuggestExampleRow[] = procedures.map((p) => ({
    domain: p.domain,
    targetRef: p.targetRef,
    description: p.description,
    actorNames: names.get(`${p.domain} ${p.sourceRef}`) ?? [],
  }));
  return buildSuggestIndex(techniques, examples);
}

function stringsOf(json: unknown): string[] {
  return Array.isArray(json) ? json.filter((x): x is string => typeof x === "string") : [];
}
