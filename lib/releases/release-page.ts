// The per-release page (/releases/[id]): its lifecycle, contents grouped by technique and by actor, who reviewed
// what, the picture per tactic, and how much of it ATT&CK took. The same people as the releases list (release:manage);
// an observation's content reaches them only as far as its TLP allows (lib/observations/tlp), the rest is a count.
import { catalogNames } from "../attack/catalog";
import { catalogLabel, techniqueLabelOf } from "../attack/label";
import { assertCan, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { audienceOf, tlpLevelsFor } from "../observations/tlp";
import { actorNameOf } from "../observations/view";
import { barsByTactic } from "../stats/by-tactic";
import { parseReleaseId } from "./release-id";
import {
  groupByActor,
  groupByTechnique,
  reviewersOf,
  upstreamShare,
  type TPageObservation,
  type TReviewAct,
} from "./release-page-groups";
import { upstreamOf } from "./upstream-view";

// The reviewers' acts the page lists; a contributor's own edits before review are not review.
const REVIEW_ACTIONS = {
  "observation.accept": "accept",
  "observation.edit": "edit",
  "observation.remap": "remap",
} as const;
// Observation ids per audit query: SQLite allows 999 parameters per statement.
const ID_CHUNK = 500;

export async function getReleasePage(actor: Actor, rawId: string, db: Db) {
  assertCan(actor, "release:manage");
  const releaseId = parseReleaseId(rawId);
  const release = await db.release.findUnique({ where: { id: releaseId } });
  if (!release) throw new AppError("NOT_FOUND", `No release ${releaseId}: open one from the Releases page.`);
  const levels = tlpLevelsFor(audienceOf(actor));
  const [rows, total] = await Promise.all([
    db.observation.findMany({
      where: { releaseId, tlp: { in: levels } },
      orderBy: { id: "asc" },
      select: {
        publicId: true,
        status: true,
        tlp: true,
        domain: true,
        contributorId: true,
        actorKind: true,
        actorStixId: true,
        proposedActor: true,
        techniqueStixId: true,
        techniqueAttackId: true,
        upstreamVersion: true,
        upstreamRelationshipId: true,
      },
    }),
    db.observation.count({ where: { releaseId } }),
  ]);
  const names = await catalogNames(db, [...rows.flatMap((r) => [r.techniqueStixId, r.actorStixId])]);
  const observations: TPageObservation[] = rows.map((r) => {
    const actorHit = r.actorStixId ? names.get(r.actorStixId) : undefined;
    return {
      publicId: r.publicId,
      status: r.status,
      tlp: r.tlp,
      techniqueAttackId: r.techniqueAttackId,
      techniqueLabel: techniqueLabelOf(names.get(r.techniqueStixId), r.techniqueAttackId),
      actorAttackId: actorHit?.attackId ?? null,
      actorLabel: actorHit ? catalogLabel(actorHit) : actorNameOf(r, names),
      upstream: upstreamOf(r),
    };
  });
  // The picture: each technique once, under every tactic it serves.
  const techniques = [...new Map(rows.map((r) => [`${r.domain} ${r.techniqueStixId}`, r])).values()];
  const [bars] = await barsByTactic(db, [
    techniques.map((r) => ({ domain: r.domain, techniqueStixId: r.techniqueStixId, count: 1 })),
  ]);
  return {
    release: {
      id: release.id,
      name: release.name,
      domain: release.domain,
      attackVersion: release.attackVersion,
      status: release.status,
      createdAt: release.createdAt.toISOString(),
      frozenAt: release.frozenAt?.toISOString() ?? null,
      exportedAt: release.exportedAt?.toISOString() ?? null,
      sha256: release.bundleSha256,
    },
    observations: observations.length,
    /** Observations of the release whose TLP keeps them from this actor: counted, never shown. */
    hiddenByTlp: total - observations.length,
    byTechnique: groupByTechnique(observations),
    byActor: groupByActor(observations),
    reviewers: reviewersOf(await reviewActs(db, rows)),
    techniquesPerTactic: bars,
    techniques: techniques.length,
    upstream: upstreamShare(observations),
  };
}

async function reviewActs(db: Db, rows: { publicId: string; contributorId: string }[]): Promise<TReviewAct[]> {
  const contributorOf = new Map(rows.map((r) => [r.publicId, r.contributorId]));
  const ids = [...contributorOf.keys()];
  const acts: TReviewAct[] = [];
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const events = await db.auditEvent.findMany({
      where: {
        subjectType: "Observation",
        subjectId: { in: ids.slice(i, i + ID_CHUNK) },
        action: { in: Object.keys(REVIEW_ACTIONS) },
      },
      select: { action: true, subjectId: true, actorId: true, actor: { select: { name: true, email: true } } },
    });
    for (const e of events) {
      if (!e.actor || e.actorId === contributorOf.get(e.subjectId)) continue;
      acts.push({
        reviewer: e.actor.name?.trim() || e.actor.email,
        action: REVIEW_ACTIONS[e.action as keyof typeof REVIEW_ACTIONS],
        publicId: e.subjectId,
      });
    }
  }
  return acts;
}
