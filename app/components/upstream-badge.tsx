// "In ATT&CK v18.2": an exported observation a newer ATT&CK version cites (lib/releases/upstream.ts). Shown on the
// contributor's page, the public record and each release's page.
import type { TUpstream } from "@/lib/releases/upstream-view";

export function UpstreamBadge({ upstream }: { upstream: TUpstream | null }) {
  if (!upstream) return null;
  return (
    <span
      className="status upstream"
      data-testid="upstream-badge"
      title={`ATT&CK v${upstream.version} cites it in ${upstream.relationshipId}`}
    >
      in ATT&amp;CK v{upstream.version}
    </span>
  );
}
