// On the reviewer's detail page, beside the chosen technique: the techniques the procedure text reads like
// (lib/attack/suggest), and a warning when the chosen one is not among the top five — a likely mis-mapping to look at.
import { checkMapping, MAPPING_TOP, type Suggestion } from "@/lib/attack/suggest";

export function TechniqueCheck({ suggestions, chosen }: { suggestions: Suggestion[]; chosen: string }) {
  const check = checkMapping(suggestions, chosen);
  return (
    <section aria-labelledby="suggest-heading" className="technique-suggestions" data-testid="technique-check">
      <h2 id="suggest-heading">Techniques the text reads like</h2>
      {check.likelyMismapped && (
        <p className="notice warn" data-testid="likely-mismapped">
          <strong>Likely mis-mapping:</strong> {chosen} is not among the {MAPPING_TOP} techniques this procedure reads
          like. Check the technique against the text; remap it if another fits better.
        </p>
      )}
      {suggestions.length === 0 ? (
        <p className="muted">The text has too few words ATT&amp;CK&apos;s catalog knows to suggest a technique.</p>
      ) : (
        <ol>
          {suggestions.slice(0, MAPPING_TOP).map((s, i) => (
            <li key={s.stixId}>
              <strong>{s.technique}</strong> {s.name}{" "}
              {check.rank === i + 1 && <span className="muted">(the chosen technique) </span>}
              <span className="muted">
                · {Math.round(s.score * 100)}% · {s.why}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
