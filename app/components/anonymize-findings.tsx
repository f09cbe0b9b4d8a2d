"use client";

// The two lists of the anonymization preview (anonymize-preview.tsx): the findings, each with its keep toggle, and
// the kept values, each with its Un-keep button. A private address or an internal name is never public: its toggle
// is disabled, since the server would refuse to keep it (lib/anonymize/internal isNeverPublic).
import { cannotKeep, fieldLabel, type PreviewFinding } from "@/lib/observations/anonymize-preview";

export function FindingsTable(props: {
  findings: PreviewFinding[];
  keep: string[];
  onToggle: (value: string, on: boolean) => void;
  /** The id of the "cannot be kept" hint the disabled toggles point to. */
  hintId: string;
}) {
  const { findings, keep } = props;
  if (findings.length === 0) return <p>No customer identifiers found.</p>;
  return (
    <>
      <table className="stack">
        <thead>
          <tr>
            <th>Found</th>
            <th>Replaced by</th>
            <th>Public indicator? Keep it</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => (
            <tr key={f.placeholder}>
              <td data-label="Found">
                <span className="finding">{f.value}</span>{" "}
                <span className="muted">
                  {f.kind.toLowerCase()} ×{f.count}
                  {f.fields && ` in ${f.fields.map(fieldLabel).join(", ")}`}
                </span>
              </td>
              <td className="mono" data-label="Replaced by">
                {f.placeholder}
              </td>
              <td data-label="Keep it">
                <input
                  type="checkbox"
                  style={{ width: "auto" }}
                  aria-label={`Keep ${f.value}`}
                  aria-describedby={cannotKeep(f.value) ? props.hintId : undefined}
                  disabled={cannotKeep(f.value)}
                  checked={keep.some((k) => k.toLowerCase() === f.value.toLowerCase())}
                  onChange={(e) => props.onToggle(f.value, e.target.checked)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {findings.some((f) => cannotKeep(f.value)) && (
        <p className="hint" id={props.hintId}>
          Private addresses and internal names cannot be kept: they only exist inside the victim&apos;s network.
        </p>
      )}
    </>
  );
}

export function KeptList(props: {
  keep: string[];
  /** What the last preview kept; null while none is current (then no value is called out). */
  kept: string[] | null;
  onUnkeep: (value: string) => void;
}) {
  const keptNow = new Set((props.kept ?? []).map((v) => v.toLowerCase()));
  return (
    <div className="kept-list" data-testid="kept-indicators">
      <p className="muted">Kept as public indicators:</p>
      <ul>
        {props.keep.map((value) => (
          <li key={value}>
            <span className="mono">{value}</span>
            {props.kept && !keptNow.has(value.toLowerCase()) && (
              <span className="muted">
                {cannotKeep(value) ? "(never public: it will be replaced)" : "(not in this text)"}
              </span>
            )}
            <button
              type="button"
              className="secondary"
              onClick={() => props.onUnkeep(value)}
              aria-label={`Un-keep ${value}`}
            >
              Un-keep
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
