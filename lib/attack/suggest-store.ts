// The process's technique-suggestion index (lib/attack/suggest), built from the database's catalog on first use
// and rebuilt when the catalog changes (lib/attack/catalog-cache says when).
import type { Tx } from "../db/client";
import { catalogCache } from "./catalog-cache";
import { ACTOR_KINDS } from "./parse";
import {
  buildSuggestIndex,
  suggestTechniques,
  type SuggestExampleRow,
  type SuggestIndex,
  type SuggestQuery,
  type Suggestion,
} from "./suggest";

/** The suggestion index for this database client, current with its catalog (lib/attack/catalog-cache). */
export const catalogSuggestIndex: (db: Tx) => Promise<SuggestIndex> = catalogCache("suggestIndex", loadIndex);

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
