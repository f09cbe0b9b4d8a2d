// Duplicate candidates for one observation (issue 9 item 5): the nearest pending or accepted observations and
// the nearest ATT&CK procedure examples, for the reviewer's page and GET /api/v1/observations/:id/duplicates.
// Bounded work: every query is narrowed by the technique's family (the technique, its parent, its sibling and
// child sub-techniques) through an index (Observation by techniqueStixId, KnownProcedure by targetRef) and
// capped; the ranking (./duplicates-rank.ts) runs in memory on what those queries return.
import { catalogNames } from "../attack/catalog";
import { procedureWording } from "../attack/similarity";
import { assertCan, type Actor } from "../auth/permissions";
import { attackMarkdown } from "../catalog/attack-markdown";
import type { Db, Tx } from "../db/client";
import { storedCitations } from "../markdown/references";
import { findObservationRow } from "../observations/service";
import { audienceOf, tlpLevelsFor } from "../observations/tlp";
import { actorNameOf, techniqueNaming } from "../observations/view";
import { rankCandidates, type RankSubject } from "./duplicates-rank";

export { CANDIDATE_STATUSES } from "./duplicates-count";
import { CANDIDATE_STATUSES } from "./duplicates-count";
/** How many of each list a reviewer gets. */
export const OBSERVATION_CANDIDATES_MAX = 5;
export const ATTACK_CANDIDATES_MAX = 5;
// Rows read per query, newest first: the same pair, the same technique, the rest of the family. A technique
// with thousands of observations is compared with its newest few hundred, never the whole table.
const FETCH_PAIR = 100;
const FETCH_TECHNIQUE = 200;
const FETCH_FAMILY = 200;
const FETCH_FAMILY_MIN = 20;
// ATT&CK's busiest technique (T1105) has ~700 examples across its family in Enterprise 18.1.
const FETCH_ATTACK = 2000;

const observationSelect = {
  id: true,
  publicId: true,
  status: true,
  techniqueStixId: true,
  techniqueAttackId: true,
  actorKind: true,
  actorStixId: true,
  proposedActor: true,
  procedure: true,
} as const;

/** The STIX ids of the technique's family: the technique, its parent or sub-techniques, and its siblings. */
export async function techniqueFamily(db: Tx, domain: string, techniqueStixId: string): Promise<string[]> {
  const technique = await db.attackObject.findUnique({
    where: { domain_stixId: { domain, stixId: techniqueStixId } },
    select: { attackId: true, parentAttackId: true },
  });
  const root = technique?.parentAttackId ?? technique?.attackId;
  if (!root) return [techniqueStixId];
  // (domain, kind) is the prefix of an index: the domain's techniques, never the whole catalog.
  const rows = await db.attackObject.findMany({
    where: { domain, kind: "technique", OR: [{ attackId: root }, { parentAttackId: root }] },
    select: { stixId: true },
  });
  return [...new Set([techniqueStixId, ...rows.map((r) => r.stixId)])];
}

export async function findDuplicateCandidates(actor: Actor, publicId: string, db: Db) {
  assertCan(actor, "observation:read-any");
  const row = await findObservationRow(actor, publicId, db);
  const family = await techniqueFamily(db, row.domain, row.techniqueStixId);
  const others = family.filter((id) => id !== row.techniqueStixId);
  const visible = {
    domain: row.domain,
    id: { not: row.id },
    status: { in: [...CANDIDATE_STATUSES] },
    tlp: { in: tlpLevelsFor(audienceOf(actor)) },
  };
  const newest = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const [pair, technique, rest, known, marked] = await Promise.all([
    row.actorStixId
      ? db.observation.findMany({
          where: { ...visible, techniqueStixId: row.techniqueStixId, actorStixId: row.actorStixId },
          select: observationSelect,
          orderBy: newest,
          take: FETCH_PAIR,
        })
      : Promise.resolve([]),
    db.observation.findMany({
      where: { ...visible, techniqueStixId: row.techniqueStixId },
      select: observationSelect,
      orderBy: newest,
      take: FETCH_TECHNIQUE,
    }),
    // One capped query per related technique: each reads its newest rows straight off the index, where one
    // `IN (…)` query would read and sort every row of a popular family first.
    Promise.all(
      others.map((techniqueStixId) =>
        db.observation.findMany({
          where: { ...visible, techniqueStixId },
          select: observationSelect,
          orderBy: newest,
          take: Math.max(FETCH_FAMILY_MIN, Math.ceil(FETCH_FAMILY / others.length)),
        }),
      ),
    ).then((lists) => lists.flat()),
    db.knownProcedure.findMany({
      where: { domain: row.domain, targetRef: { in: family } },
      select: { stixId: true, sourceRef: true, targetRef: true, description: true, references: true },
      orderBy: { stixId: "asc" },
      take: FETCH_ATTACK,
    }),
    duplicateMark(db, row),
  ]);
  const subject: RankSubject = {
    text: row.procedure,
    techniqueStixId: row.techniqueStixId,
    actorStixId: row.actorStixId,
  };
  const seen = new Set<number>();
  const rows = [...pair, ...technique, ...rest].filter((r) => !seen.has(r.id) && seen.add(r.id));
  const nearObservations = rankCandidates(
    subject,
    rows,
    (r) => ({ ...r, text: r.procedure }),
    OBSERVATION_CANDIDATES_MAX,
  );
  const nearAttack = rankCandidates(
    subject,
    known,
    (k) => ({ text: procedureWording(k.description), techniqueStixId: k.targetRef, actorStixId: k.sourceRef }),
    ATTACK_CANDIDATES_MAX,
  );
  const names = await catalogNames(db, [
    ...nearObservations.flatMap((c) => [c.item.techniqueStixId, c.item.actorStixId]),
    ...nearAttack.flatMap((c) => [c.item.targetRef, c.item.sourceRef]),
  ]);
  return {
    observations: nearObservations.map(({ item, ...rank }) => ({
      id: item.publicId,
      status: item.status,
      technique: {
        id: item.techniqueAttackId,
        ...techniqueNaming(names.get(item.techniqueStixId), item.techniqueAttackId),
      },
      actorName: actorNameOf(item, names),
      procedure: item.procedure,
      ...rank,
    })),
    attack: nearAttack.map(({ item, ...rank }) => ({
      /** The relationship's STIX id: what "already in ATT&CK" records. */
      stixId: item.stixId,
      technique: techniqueNaming(names.get(item.targetRef), names.get(item.targetRef)?.attackId ?? item.targetRef),
      actor: {
        attackId: names.get(item.sourceRef)?.attackId ?? null,
        name: names.get(item.sourceRef)?.name ?? item.sourceRef,
      },
      description: attackMarkdown(item.description),
      references: storedCitations(item.references),
      ...rank,
    })),
    marked,
  };
}
export type DuplicateCandidates = Awaited<ReturnType<typeof findDuplicateCandidates>>;

/**
 * What a DUPLICATE observation was marked as: the observation it duplicates (its duplicateOfId), or the ATT&CK
 * relationship it repeats (kept in the `observation.duplicate` audit event's data, lib/review/duplicates-target.ts).
 */
async function duplicateMark(
  db: Db,
  row: { status: string; publicId: string; duplicateOfId: number | null },
): Promise<{ duplicateOf: string } | { alreadyInAttack: string } | null> {
  if (row.status !== "DUPLICATE") return null;
  if (row.duplicateOfId) {
    const original = await db.observation.findUnique({ where: { id: row.duplicateOfId }, select: { publicId: true } });
    return original ? { duplicateOf: original.publicId } : null;
  }
  const event = await db.auditEvent.findFirst({
    where: { subjectType: "Observation", subjectId: row.publicId, action: "observation.duplicate" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { data: true },
  });
  const stixId = (event?.data as { alreadyInAttack?: unknown } | null)?.alreadyInAttack;
  return typeof stixId === "string" ? { alreadyInAttack: stixId } : null;
}
