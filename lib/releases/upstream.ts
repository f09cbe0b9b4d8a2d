// Closing the loop (issue 10): after a newer ATT&CK version is imported, every exported observation whose
// (actor, technique) pair that version holds, citing one of its references or its /o/ record, is marked as taken
// upstream, and its contributor is told by e-mail. Once per observation: the mark is set by a conditional update
// (only while unset) and the mail is queued in the same transaction, so a re-import never mails twice and a mark is
// never left without its mail (the mail worker retries while the mail server is down).
import { catalogNames } from "../attack/catalog";
import { compareVersions } from "../attack/import-write";
import { techniqueLabelOf } from "../attack/label";
import { recordAudit } from "../audit";
import type { Db, Tx } from "../db/client";
import { appUrl } from "../env";
import { enqueueMail, kickMail } from "../mail";
import type { Citation } from "../markdown/references";
import { recordUrl } from "./changelog-service";
import { upstreamRelationship, type UpstreamRelationship } from "./upstream-match";
export { upstreamOf, type TUpstream } from "./upstream-view";

export interface UpstreamResult {
  /** Observations newly marked by this import, with the relationship that took each. */
  marked: { publicId: string; relationshipId: string }[];
  /** Mails queued to contributors, one per marked observation whose contributor is active. */
  mailed: number;
}

// Technique ids per query: SQLite allows 999 parameters per statement.
const TARGET_CHUNK = 500;

export interface MarkOptions {
  now?: Date;
  /**
   * How many candidates have been matched (`done` of `total`): at the start, about every hundredth and at the end.
   * Answering false stops the matching (the job running it was taken over by another worker).
   */
  onProgress?: (done: number, total: number) => Promise<boolean | void> | boolean | void;
}

/**
 * Marks what the domain's newly imported `version` took. Only observations exported (PUBLISHED) in a release that
 * targeted an older version count: a relationship already in the version a release targeted was ATT&CK's before.
 * Runs as a job queued by the import (./upstream-job.ts).
 */
export async function markTakenUpstream(
  db: Db,
  catalog: { domain: string; version: string },
  { now = new Date(), onProgress = () => {} }: MarkOptions = {},
): Promise<UpstreamResult> {
  const candidates = (
    await db.observation.findMany({
      where: {
        domain: catalog.domain,
        status: "PUBLISHED",
        actorKind: "EXISTING",
        actorStixId: { not: null },
        upstreamAt: null,
        release: { status: "EXPORTED" },
      },
      orderBy: { id: "asc" },
      select: {
        id: true,
        publicId: true,
        contributorId: true,
        actorStixId: true,
        techniqueStixId: true,
        techniqueAttackId: true,
        references: true,
        release: { select: { attackVersion: true } },
      },
    })
  ).filter((o) => o.release && compareVersions(catalog.version, o.release.attackVersion) > 0);
  const total = candidates.length;
  if ((await onProgress(0, total)) === false || total === 0) return { marked: [], mailed: 0 };
  const step = Math.max(1, Math.ceil(total / 100));

  const byPair = await relationshipsByPair(db, catalog.domain, [...new Set(candidates.map((c) => c.techniqueStixId))]);
  const marked: UpstreamResult["marked"] = [];
  let mailed = 0;
  let stopped = false;
  for (const [i, row] of candidates.entries()) {
    if (i > 0 && i % step === 0 && (await onProgress(i, total)) === false) {
      stopped = true;
      break;
    }
    const candidate = { ...row, actorStixId: row.actorStixId! };
    const pair = byPair.get(`${candidate.actorStixId}|${row.techniqueStixId}`) ?? [];
    const hit = upstreamRelationship(candidate, pair, recordUrl(row.publicId));
    if (!hit) continue;
    const outcome = await db.$transaction(async (tx) => {
      // Only while unset: a concurrent or repeated import finds it marked and changes (and mails) nothing.
      const { count } = await tx.observation.updateMany({
        where: { id: row.id, upstreamAt: null },
        data: { upstreamVersion: catalog.version, upstreamRelationshipId: hit.stixId, upstreamAt: now },
      });
      if (count === 0) return null;
      await recordAudit(tx, {
        actorId: null,
        action: "observation.upstream",
        subjectType: "Observation",
        subjectId: row.publicId,
        data: { domain: catalog.domain, version: catalog.version, relationshipId: hit.stixId },
      });
      return { mailed: await queueUpstreamMail(tx, catalog.version, row) };
    });
    if (!outcome) continue;
    marked.push({ publicId: row.publicId, relationshipId: hit.stixId });
    if (outcome.mailed) mailed++;
  }
  if (mailed) kickMail(db);
  if (!stopped) await onProgress(total, total);
  return { marked, mailed };
}

/** The imported version's `uses` relationships to these techniques, by "actor|technique". */
async function relationshipsByPair(db: Db, domain: string, targets: string[]) {
  const byPair = new Map<string, UpstreamRelationship[]>();
  for (let i = 0; i < targets.length; i += TARGET_CHUNK) {
    const rows = await db.knownProcedure.findMany({
      where: { domain, targetRef: { in: targets.slice(i, i + TARGET_CHUNK) } },
      select: { stixId: true, sourceRef: true, targetRef: true, references: true },
    });
    for (const r of rows) {
      const key = `${r.sourceRef}|${r.targetRef}`;
      const list = byPair.get(key) ?? [];
      list.push({ ...r, references: Array.isArray(r.references) ? (r.references as Citation[]) : [] });
      byPair.set(key, list);
    }
  }
  return byPair;
}

async function queueUpstreamMail(
  tx: Tx,
  version: string,
  row: {
    publicId: string;
    contributorId: string;
    actorStixId: string | null;
    techniqueStixId: string;
    techniqueAttackId: string;
  },
): Promise<boolean> {
  // Only the observation's own contributor is mailed: they may always see their own work.
  const contributor = await tx.user.findUnique({ where: { id: row.contributorId } });
  if (!contributor || contributor.deactivatedAt) return false;
  const names = await catalogNames(tx, [row.techniqueStixId, row.actorStixId]);
  const actor = row.actorStixId ? names.get(row.actorStixId) : undefined;
  const technique = await tx.attackObject.findFirst({
    where: { stixId: row.techniqueStixId },
    select: { url: true },
  });
  await enqueueMail(tx, "upstream", contributor.email, {
    publicId: row.publicId,
    version,
    techniqueLabel: techniqueLabelOf(names.get(row.techniqueStixId), row.techniqueAttackId),
    actorLabel: actor ? [actor.attackId, actor.name].filter(Boolean).join(" ") : (row.actorStixId ?? "its actor"),
    attackUrl: technique?.url?.startsWith("https://") ? technique.url : undefined,
    observationUrl: `${appUrl()}/my/${row.publicId}`,
  });
  return true;
}
