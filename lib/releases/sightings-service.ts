// sightings.json/.csv of an exported release, read from the database (sightings.ts shapes them). Only the public
// rows are read: accepted or published, unattributed, TLP:CLEAR.
import type { Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { tlpLevelsFor } from "../observations/tlp";
import { exportedRelease, releaseFileName, type TReleaseArtifact } from "./changelog-service";
import { buildSightings, serializeSightingsCsv, serializeSightingsJson } from "./sightings";

export async function getReleaseSightings(
  actor: Actor,
  releaseId: string,
  format: "json" | "csv",
  db: Db,
): Promise<TReleaseArtifact> {
  const release = await exportedRelease(actor, releaseId, db, `sightings.${format}`);
  const rows = await db.observation.findMany({
    where: {
      releaseId: release.id,
      status: { in: ["ACCEPTED", "PUBLISHED"] },
      actorKind: "UNATTRIBUTED",
      tlp: { in: tlpLevelsFor("public") },
    },
    orderBy: { publicId: "asc" },
  });
  const sightings = buildSightings(rows);
  return format === "csv"
    ? {
        fileName: releaseFileName(release.name, "sightings.csv"),
        contentType: "text/csv; charset=utf-8",
        text: serializeSightingsCsv(sightings),
      }
    : {
        fileName: releaseFileName(release.name, "sightings.json"),
        contentType: "application/json",
        text: serializeSightingsJson(sightings),
      };
}
