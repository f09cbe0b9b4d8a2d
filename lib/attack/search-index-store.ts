// The process's catalog search index (lib/attack/search-index), built from the database on first use and
// rebuilt when the catalog changes (lib/attack/catalog-cache says when).
import type { Tx } from "../db/client";
import { catalogCache } from "./catalog-cache";
import { ATTACK_KINDS } from "./parse";
import { buildSearchIndex, type IndexRow, type SearchIndex } from "./search-index";

/** The search index for this database client, current with its catalog (lib/attack/catalog-cache). */
export const catalogSearchIndex: (db: Tx) => Promise<SearchIndex> = catalogCache("searchIndex", loadIndex);

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
