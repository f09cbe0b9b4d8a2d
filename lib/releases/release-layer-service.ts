// layer.json of an exported release, read from the database (release-layer.ts shapes it).
import type { Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { exportedRelease, loadReleaseContents, releaseFileName, type TReleaseArtifact } from "./changelog-service";
import { serializeReleaseLayer } from "./release-layer";

export async function getReleaseLayer(actor: Actor, releaseId: string, db: Db): Promise<TReleaseArtifact> {
  const release = await exportedRelease(actor, releaseId, db, "layer.json");
  return {
    fileName: releaseFileName(release.name, "layer.json"),
    contentType: "application/json",
    text: serializeReleaseLayer(await loadReleaseContents(db, release)),
  };
}
