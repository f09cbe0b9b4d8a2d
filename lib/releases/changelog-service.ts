// The files beside an exported release's bundle, read from the database: changelog.json/.md here, and the shared
// steps of every artifact (the release must exist and be exported; who may read; a safe file name). Like the bundle,
// they hold only public content, so any signed-in user may read them.
import { assertCan, type Actor } from "../auth/permissions";
import type { Download } from "../http/download";
import { parentNames } from "../attack/catalog";
import { creditString } from "../auth/profile";
import type { Db } from "../db/client";
import { appUrl } from "../env";
import { AppError } from "../errors";
import { tlpLevelsFor } from "../observations/tlp";
import { serializeChangelogJson, changelogMarkdown } from "./changelog";
import {
  releaseContents,
  type TCatalogRef,
  type TChangelogObservation,
  type TReleaseContents,
} from "./changelog-contents";
import { parseReleaseId, releaseFileBase } from "./release-id";
import type { ProposedActorType, StixBundle } from "./types";

/** The files beside the bundle, as the routes under /api/v1/releases/:id/ serve them (the releases page lists them). */
export const RELEASE_FILES = [
  "changelog.md",
  "changelog.json",
  "layer.json",
  "sightings.json",
  "sightings.csv",
] as const;

/** A file of a release, as the routes offer it (lib/http/download). */
export type TReleaseArtifact = Download;

/** "Community additions 2026-12" + "changelog.md" → "Community-additions-2026-12-changelog.md". */
export function releaseFileName(name: string, suffix: string): string {
  return `${releaseFileBase(name)}-${suffix}`;
}

/** The release, once exported: NOT_FOUND for an unknown id, INVALID_STATE (409) before its export. */
export async function exportedRelease(actor: Actor, releaseId: string, db: Db, artifact: string) {
  assertCan(actor, "observation:read-own");
  parseReleaseId(releaseId);
  const release = await db.release.findUnique({ where: { id: releaseId } });
  if (!release) throw new AppError("NOT_FOUND", `No release ${releaseId}.`);
  if (release.status !== "EXPORTED" || !release.bundle || !release.exportedAt || !release.bundleSha256) {
    throw new AppError(
      "INVALID_STATE",
      `Release "${release.name}" has not been exported yet, so it has no ${artifact}: an admin exports it on the Releases page first.`,
    );
  }
  return { ...release, bundle: release.bundle, exportedAt: release.exportedAt, bundleSha256: release.bundleSha256 };
}

type Exported = Awaited<ReturnType<typeof exportedRelease>>;

/** What the release's bundle holds and which of its observations (public ones only) stand behind it. */
export async function loadReleaseContents(db: Db, release: Exported): Promise<TReleaseContents> {
  // Only what could have gone public is read at all: the builder filters again, and names only what the bundle has.
  const rows = await db.observation.findMany({
    where: {
      releaseId: release.id,
      status: "PUBLISHED",
      actorKind: { not: "UNATTRIBUTED" },
      tlp: { in: tlpLevelsFor("public") },
    },
    orderBy: { publicId: "asc" },
    include: { contributor: { select: { creditName: true, creditOrg: true } } },
  });
  const stixIds = [...new Set(rows.flatMap((r) => [r.techniqueStixId, r.actorStixId ?? ""]).filter(Boolean))];
  const objects = await db.attackObject.findMany({ where: { domain: release.domain, stixId: { in: stixIds } } });
  const parents = await parentNames(db, release.domain, objects);
  const catalog = new Map<string, TCatalogRef>(
    objects.map((o) => [
      o.stixId,
      {
        stixId: o.stixId,
        type: o.stixType,
        attackId: o.attackId,
        name: o.name,
        parentName: o.parentAttackId ? (parents.get(o.parentAttackId) ?? null) : null,
        url: o.url,
      },
    ]),
  );
  const observations: TChangelogObservation[] = rows.map((r) => ({
    publicId: r.publicId,
    contributorId: r.contributorId,
    status: r.status,
    tlp: r.tlp,
    actorKind: r.actorKind,
    technique: catalog.get(r.techniqueStixId) ?? {
      stixId: r.techniqueStixId,
      attackId: r.techniqueAttackId,
      name: r.techniqueAttackId,
    },
    actor: r.actorStixId ? (catalog.get(r.actorStixId) ?? null) : null,
    actorStixId: r.actorStixId,
    proposed: (r.proposedActor as { type: ProposedActorType; name: string } | null) ?? null,
    credit:
      creditString({
        mode: r.credit as "named" | "organization" | "anonymous",
        name: r.contributor.creditName,
        org: r.contributor.creditOrg,
      }) ?? null,
  }));
  const bundle = JSON.parse(release.bundle) as StixBundle;
  return releaseContents(
    {
      id: release.id,
      name: release.name,
      domain: release.domain,
      attackVersion: release.attackVersion,
      exportedAt: release.exportedAt.toISOString(),
      sha256: release.bundleSha256,
    },
    bundle,
    observations,
  );
}

/** The platform's public record of an observation (`/o/OBS-000123`), as the bundle cites it. */
export const recordUrl = (publicId: string) => `${appUrl()}/o/${encodeURIComponent(publicId)}`;

export async function getReleaseChangelog(
  actor: Actor,
  releaseId: string,
  format: "md" | "json",
  db: Db,
): Promise<TReleaseArtifact> {
  const release = await exportedRelease(actor, releaseId, db, `changelog.${format}`);
  const contents = await loadReleaseContents(db, release);
  return format === "md"
    ? {
        fileName: releaseFileName(release.name, "changelog.md"),
        contentType: "text/markdown; charset=utf-8",
        text: changelogMarkdown(contents, recordUrl),
      }
    : {
        fileName: releaseFileName(release.name, "changelog.json"),
        contentType: "application/json",
        text: serializeChangelogJson(contents, recordUrl),
      };
}
