// The parts of a release's page: its contents grouped, the reviewers' table and ATT&CK's share.
import Link from "next/link";
import { StatusBadge } from "@/app/components/observation-summary";
import { UpstreamBadge } from "@/app/components/upstream-badge";
import type { TGroup, TPageObservation, TReviewer, upstreamShare } from "@/lib/releases/release-page-groups";

// Groups stay open while the page is short; a big release starts folded, one line per group.
const OPEN_UP_TO = 40;

/** The observation's record for the people on this page (reviewers and admins). */
function ObservationLink({ o }: { o: Pick<TPageObservation, "publicId"> }) {
  return (
    <Link href={`/queue/${o.publicId}`} className="mono">
      {o.publicId}
    </Link>
  );
}

export function ReleaseGroups({
  groups,
  show,
  testId,
}: {
  groups: TGroup[];
  show: "actor" | "technique";
  testId: string;
}) {
  const open = groups.reduce((n, g) => n + g.observations.length, 0) <= OPEN_UP_TO;
  return (
    <ul className="release-groups" data-testid={testId}>
      {groups.map((g) => (
        <li key={g.key}>
          <details open={open}>
            <summary>
              {g.label} <span className="muted">({g.observations.length})</span>
            </summary>
            <ul>
              {g.observations.map((o) => (
                <li key={o.publicId}>
                  <ObservationLink o={o} /> {show === "actor" ? o.actorLabel : o.techniqueLabel}{" "}
                  <StatusBadge status={o.status} /> {o.tlp !== "CLEAR" && <span className="muted">TLP:{o.tlp}</span>}{" "}
                  <UpstreamBadge upstream={o.upstream} />
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ul>
  );
}

export function ReviewerTable({ reviewers }: { reviewers: TReviewer[] }) {
  if (reviewers.length === 0) {
    return <p className="panel empty">No reviewer has accepted or edited an observation of this release yet.</p>;
  }
  const links = (ids: string[]) =>
    ids.length === 0
      ? "—"
      : ids.map((id, i) => (
          <span key={id}>
            <ObservationLink o={{ publicId: id }} />
            {i < ids.length - 1 && ", "}
          </span>
        ));
  return (
    <div className="table-scroll" role="region" aria-label="Who reviewed what" tabIndex={0}>
      <table className="stack" data-testid="reviewers">
        <thead>
          <tr>
            <th scope="col">Reviewer</th>
            <th scope="col">Accepted</th>
            <th scope="col">Edited</th>
          </tr>
        </thead>
        <tbody>
          {reviewers.map((r) => (
            <tr key={r.reviewer}>
              <td data-label="Reviewer">{r.reviewer}</td>
              <td data-label="Accepted">{links(r.accepted)}</td>
              <td data-label="Edited">{links(r.edited)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function UpstreamShare({ share }: { share: ReturnType<typeof upstreamShare> }) {
  return (
    <div className="panel upstream-share" data-testid="upstream-share">
      <h2>Taken by ATT&amp;CK</h2>
      <p>
        ATT&amp;CK took <strong>{share.taken}</strong> of the {share.exported} exported observation(s) ({share.percent}
        %){share.versions.length > 0 && <> in v{share.versions.join(", v")}</>}.
      </p>
      <meter min={0} max={Math.max(share.exported, 1)} value={share.taken} aria-label="Share taken by ATT&CK">
        {share.percent}%
      </meter>
      <p className="muted">
        An observation counts once a newer ATT&amp;CK version, when imported, cites one of its references or its public
        record for its (actor, technique) pair; its contributor is told by e-mail.
      </p>
    </div>
  );
}
