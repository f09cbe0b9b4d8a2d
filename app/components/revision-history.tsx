// The history of an observation (issue 9 item 3): every revision, a form to compare any two (a GET of the
// same page, so a comparison is a link), the field-level differences, and a revert per older revision for
// whoever may edit. Server component; the revert button is the only client part.
import type { FieldChange } from "@/lib/observations/revision-diff";
import { RevertButton } from "./revert-button";
import styles from "./revision-history.module.css";

export interface HistoryRow {
  version: number;
  editor: string;
  reason: string | null;
  createdAt: string;
}

export function RevisionHistory(props: {
  publicId: string;
  version: number;
  revisions: HistoryRow[];
  comparison: { from: number; to: number; changes: FieldChange[] } | null;
  compareError: string | null;
  canRevert: boolean;
}) {
  const { revisions, comparison } = props;
  const latest = revisions.at(-1)?.version ?? props.version;
  const from = comparison?.from ?? Math.max(1, latest - 1);
  const to = comparison?.to ?? latest;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <div className="table-scroll" role="region" aria-labelledby="history-heading" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th>Version</th>
              <th>By</th>
              <th>What</th>
              <th>When</th>
              {props.canRevert && <th>Revert</th>}
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.version}>
                <td>{r.version}</td>
                <td>{r.editor}</td>
                <td>{r.reason}</td>
                <td className="mono">{r.createdAt.slice(0, 19).replace("T", " ")}</td>
                {props.canRevert && (
                  <td>
                    {r.version < latest && (
                      <RevertButton publicId={props.publicId} version={props.version} toVersion={r.version} />
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {revisions.length > 1 && (
        <form method="get" className={styles.compare} aria-label="Compare two revisions">
          <VersionSelect label="From version" name="from" value={from} revisions={revisions} />
          <VersionSelect label="to version" name="to" value={to} revisions={revisions} />
          <button type="submit" className="secondary shrink">
            Compare
          </button>
        </form>
      )}
      {props.compareError && (
        <p className="notice bad" role="alert">
          {props.compareError}
        </p>
      )}
      {comparison && <Differences {...comparison} />}
    </section>
  );
}

function VersionSelect(props: { label: string; name: string; value: number; revisions: HistoryRow[] }) {
  return (
    <label>
      {props.label}{" "}
      <select name={props.name} defaultValue={props.value}>
        {props.revisions.map((r) => (
          <option key={r.version} value={r.version}>
            {r.version}
          </option>
        ))}
      </select>
    </label>
  );
}

function Differences({ from, to, changes }: { from: number; to: number; changes: FieldChange[] }) {
  return (
    <section aria-labelledby="diff-heading" className={styles.diff}>
      <h3 id="diff-heading">
        Changes from version {from} to version {to}
      </h3>
      {changes.length === 0 ? (
        <p className="muted">No field differs between these two versions.</p>
      ) : (
        <dl>
          {changes.map((c) => (
            <div key={c.field} data-testid={`diff-${c.field}`}>
              <dt>{c.label}</dt>
              <dd className={styles.text}>
                {c.parts.map((p, i) =>
                  p.change === "added" ? (
                    <ins key={i}>{p.value}</ins>
                  ) : p.change === "removed" ? (
                    <del key={i}>{p.value}</del>
                  ) : (
                    <span key={i}>{p.value}</span>
                  ),
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
