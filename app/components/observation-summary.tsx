import { MarkdownText } from "@/app/components/markdown";
import type { ObservationView } from "@/lib/observations/view";
import { ObservationContext } from "./observation-context";

export function StatusBadge({ status }: { status: string }) {
  return <span className={`status ${status}`}>{status.replace("_", " ").toLowerCase()}</span>;
}

/** The observation as stored (already anonymized), for every role's detail page. */
export function ObservationSummary(props: { observation: ObservationView; techniqueLabel: string; actorName: string }) {
  const o = props.observation;
  return (
    <div className="panel">
      <p>
        <StatusBadge status={o.status} /> <span className="muted">version {o.version}</span>
      </p>
      <p>
        <strong>Technique:</strong> {props.techniqueLabel}
        <br />
        <strong>Actor:</strong> {props.actorName}
      </p>
      <h2>Procedure</h2>
      <MarkdownText text={o.procedure} testId="procedure" citations={o.references} />
      <h2>References</h2>
      <ul>
        {o.references.map((r, i) => (
          <li key={i}>
            <strong>{r.sourceName}</strong>: {r.description}{" "}
            {r.url && (
              <a href={r.url} rel="noreferrer noopener nofollow">
                {r.url}
              </a>
            )}
          </li>
        ))}
      </ul>
      {o.keptIndicators.length > 0 && (
        <p data-testid="kept-indicators-stored">
          <strong>Kept as public indicators:</strong> <span className="mono">{o.keptIndicators.join(", ")}</span>
        </p>
      )}
      <h2>Context</h2>
      <ObservationContext observation={o} />
      <p className="muted">
        TLP:{o.tlp} · credit {o.credit}
      </p>
    </div>
  );
}
