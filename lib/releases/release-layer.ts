// layer.json of an exported release: an ATT&CK Navigator layer (format 4.5, lib/catalog/layer.ts) of the techniques
// its bundle touches, each scored by the number of the release's observations behind it. Pure and deterministic.
import { buildLayer, type TNavigatorLayer } from "../catalog/layer";
import type { TReleaseContents } from "./changelog-contents";

export function releaseLayer(c: TReleaseContents): TNavigatorLayer {
  const counts = new Map<string, number>();
  for (const e of c.examples) counts.set(e.technique.attackId, (counts.get(e.technique.attackId) ?? 0) + 1);
  return buildLayer({
    domain: c.release.domain,
    attackVersion: c.release.attackVersion,
    statuses: ["PUBLISHED"],
    scope: "community",
    counts: [...counts].map(([techniqueId, count]) => ({ techniqueId, status: "PUBLISHED", count })),
    name: `${c.release.name} (Procedure Exchange release)`,
    subject: `The techniques of release "${c.release.name}" (ATT&CK ${c.release.domain} v${c.release.attackVersion})`,
  });
}

export function serializeReleaseLayer(c: TReleaseContents): string {
  return `${JSON.stringify(releaseLayer(c), null, 2)}\n`;
}
