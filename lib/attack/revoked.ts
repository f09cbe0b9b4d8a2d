// Revoked ATT&CK objects and what replaced them. The catalog keeps revoked rows with `revokedBy`, the
// stixId their bundle's `revoked-by` relationship names (lib/attack/parse), so old IDs can point forward.
import type { AttackObject } from "../../prisma/sqlite/client";
import type { Tx } from "../db/client";
import { parentNames, type SearchCatalogInput } from "./catalog";
import { qualifiedName } from "./label";
import { ATTACK_KINDS, type AttackKind } from "./parse";

// Revocation chains in 18.1 are at most two long (T1150 → T1547.011 → T1647); the bound only stops a cycle.
const REPLACEMENT_HOPS = 10;
// A whole ATT&CK ID, not a prefix: only then does "you meant its replacement" make sense.
const EXACT_ID = /^(TA|T|G|S|C)\d{4}(\.\d{3})?$/i;

export interface Replacement {
  stixId: string;
  attackId: string | null;
  /** "Parent: Sub" for a sub-technique, as the catalog search shows it. */
  name: string;
  kind: string;
}

/**
 * What ATT&CK replaced a revoked object with, following the chain when the replacement was itself revoked;
 * null when the catalog names none, or the chain ends at an object that is revoked or deprecated.
 */
export async function findReplacement(
  db: Tx,
  domain: string,
  revoked: Pick<AttackObject, "revokedBy">,
): Promise<Replacement | null> {
  let next = revoked.revokedBy;
  for (let hop = 0; next && hop < REPLACEMENT_HOPS; hop++) {
    const row = await db.attackObject.findFirst({ where: { domain, stixId: next } });
    if (!row) return null;
    if (!row.revoked) {
      if (row.deprecated) return null;
      const parents = row.parentAttackId ? await parentNames(db, domain, [row]) : new Map<string, string>();
      const parentName = row.parentAttackId ? parents.get(row.parentAttackId) : undefined;
      const name = qualifiedName({ name: row.name, parentName });
      return { stixId: row.stixId, attackId: row.attackId, name, kind: row.kind };
    }
    next = row.revokedBy;
  }
  return null;
}

/** The revoked object of these kinds an ATT&CK ID (any case) or STIX id names, or null. */
export async function resolveRevoked(
  db: Tx,
  domain: string,
  ref: string,
  kinds: readonly AttackKind[],
): Promise<AttackObject | null> {
  const key = ref.trim();
  if (!key) return null;
  const match = key.includes("--") ? { stixId: key } : { attackId: key.toUpperCase() };
  return db.attackObject.findFirst({ where: { domain, ...match, kind: { in: [...kinds] }, revoked: true } });
}

export interface RevokedHit {
  attackId: string | null;
  name: string;
  replacement: Replacement | null;
}

/**
 * For a search that is a whole ATT&CK ID of a revoked object (`T1086`): the object and its replacement, so
 * the picker can say "T1086 was revoked: use T1059.001 instead" rather than "nothing matches".
 */
export async function findRevokedHit(db: Tx, input: SearchCatalogInput): Promise<RevokedHit | null> {
  const q = input.q.trim();
  if (!EXACT_ID.test(q)) return null;
  const domain = input.domain ?? "enterprise-attack";
  const row = await resolveRevoked(db, domain, q, input.kinds?.length ? input.kinds : ATTACK_KINDS);
  if (!row) return null;
  return { attackId: row.attackId, name: row.name, replacement: await findReplacement(db, domain, row) };
}
