// The context the submit form shows while a procedure is typed (POST /api/v1/catalog/examples): what
// ATT&CK already has for the technique and actor, and how many submissions on the same pair await review.
// The typed text ranks ATT&CK's examples and is then dropped: never stored, logged or returned.
import { parentNames, resolveActor } from "../attack/catalog";
import { findKnownExamples, type KnownExamples, type NamedRef } from "../attack/known-examples";
import { assertCan, can, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError, validationError } from "../errors";
import { QUEUE_STATUSES } from "../review/queue";
import { ZKnownExamplesInput } from "./schema";
import { resolveUsableTechnique } from "./technique";
import { canSeeTlp } from "./tlp";

/** Ids listed per answer; the count covers the rest. */
export const PENDING_IDS_MAX = 20;

export interface SimilarPending {
  /** Every pending submission on the pair, whoever made it. */
  count: number;
  /** The caller's own among them. */
  mine: string[];
  /** Reviewers only: the ids they may open (TLP rule). Contributors get the count alone. */
  ids?: string[];
}

export interface SubmitContext extends KnownExamples {
  technique: NamedRef & { parentName: string | null };
  actor?: NamedRef;
  pending: SimilarPending;
}

export async function getSubmitContext(actor: Actor, raw: unknown, db: Db): Promise<SubmitContext> {
  assertCan(actor, "observation:create");
  const parsed = ZKnownExamplesInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The examples request");
  const input = parsed.data;
  const technique = await resolveUsableTechnique(db, input.domain, input.technique);
  const who = input.actor ? await resolveActor(db, input.domain, input.actor) : null;
  if (input.actor && !who) {
    throw new AppError(
      "VALIDATION",
      `Unknown group, software or campaign "${input.actor}" in ${input.domain}: search the catalog for its ATT&CK ID (e.g. G0016).`,
      [{ path: "actor", message: "Unknown actor" }],
    );
  }
  const [known, pending, parents] = await Promise.all([
    findKnownExamples(db, { technique, actor: who, text: input.text }),
    similarPending(actor, { domain: input.domain, techniqueStixId: technique.stixId, actorStixId: who?.stixId }, db),
    parentNames(db, input.domain, [technique]),
  ]);
  const parentName = technique.parentAttackId ? (parents.get(technique.parentAttackId) ?? null) : null;
  return {
    technique: { attackId: technique.attackId, name: technique.name, parentName },
    ...(who ? { actor: { attackId: who.attackId, name: who.name } } : {}),
    ...known,
    pending,
  };
}

/**
 * Submissions on the same technique (and actor) awaiting review. Others' work may be TLP:AMBER and is
 * not a contributor's to read, so a contributor learns how many there are and which are their own.
 */
export async function similarPending(
  actor: Actor,
  pair: { domain: string; techniqueStixId: string; actorStixId?: string },
  db: Db,
): Promise<SimilarPending> {
  const where = {
    domain: pair.domain,
    techniqueStixId: pair.techniqueStixId,
    ...(pair.actorStixId ? { actorStixId: pair.actorStixId } : {}),
    status: { in: [...QUEUE_STATUSES] },
  };
  const select = { publicId: true, contributorId: true, tlp: true } as const;
  const newest = { orderBy: { id: "desc" as const }, take: PENDING_IDS_MAX };
  const [count, mine, visible] = await Promise.all([
    db.observation.count({ where }),
    // A contributor's rows are selected by the query itself, never filtered from others' after loading.
    db.observation.findMany({ where: { ...where, contributorId: actor.id }, select, ...newest }),
    can(actor, "observation:read-any") ? db.observation.findMany({ where, select, ...newest }) : null,
  ]);
  const ids = (rows: { publicId: string }[]) => rows.map((r) => r.publicId);
  if (!visible) return { count, mine: ids(mine) };
  return { count, mine: ids(mine), ids: ids(visible.filter((r) => canSeeTlp(actor, r))) };
}
