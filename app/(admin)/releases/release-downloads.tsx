// The six files of an exported release (the bundle and the files beside it), as the releases list and each
// release's page offer them.
import { RELEASE_FILES } from "@/lib/releases/changelog-service";

export function ReleaseDownloads({ releaseId, sha256 }: { releaseId: string; sha256: string | null }) {
  return (
    <div>
      <a href={`/api/v1/releases/${releaseId}/bundle.json`} download>
        Download bundle.json
      </a>
      <br />
      <span className="muted">Beside it: </span>
      {/* Each separator stays with the link before it: a phone wraps between files, never before a dot. */}
      {RELEASE_FILES.map((file, i) => (
        <span key={file}>
          <span className="nowrap">
            <a href={`/api/v1/releases/${releaseId}/${file}`} download>
              {file}
            </a>
            {i < RELEASE_FILES.length - 1 && <span aria-hidden="true"> ·</span>}
          </span>{" "}
        </span>
      ))}
      <br />
      <span className="mono muted">sha256 {sha256?.slice(0, 16)}…</span>
    </div>
  );
}
