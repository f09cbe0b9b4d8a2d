// The matrix as attack.mitre.org draws it: one column per tactic, its techniques under it, each technique's
// sub-techniques behind a native <details> (keyboard reachable, no script). In coverage mode each cell is
// coloured by its observation count and shows the count as text. No Next.js imports (plain <a>, which also
// spares hundreds of prefetches): lib/catalog/matrix.bench.ts renders it with react-dom/server.
import { COVERAGE_LEVELS, coverageLevel, DOMAIN_NAMES, type TMatrix, type TMatrixCell } from "@/lib/catalog/matrix";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

interface Props {
  matrix: TMatrix;
  /** Observations per technique ATT&CK ID; absent outside coverage mode. */
  counts?: Record<string, number>;
}

export function MatrixTable({ matrix, counts }: Props) {
  const href = (id: string) => `/catalog/${matrix.domain}/${id}`;
  const name = `${DOMAIN_NAMES[matrix.domain]} matrix`;
  return (
    <div className="matrix-scroll" role="region" aria-label={`${name} (scrolls sideways)`} tabIndex={0}>
      <table className={`matrix${counts ? " coverage" : ""}`} data-testid="matrix">
        <caption className="visually-hidden">
          {name}: {plural(matrix.columns.length, "tactic")}, techniques under each
          {counts ? ", with the number of observations of each" : ""}
        </caption>
        <thead>
          <tr>
            {matrix.columns.map((c) => (
              <th key={c.tactic.attackId} scope="col">
                <a href={href(c.tactic.attackId)}>{c.tactic.name}</a>
                <span className="matrix-count">{plural(c.techniques.length, "technique")}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {matrix.columns.map((c) => (
              <td key={c.tactic.attackId}>
                <ul>
                  {c.techniques.map((t) => (
                    <li key={t.attackId} className={cellClass(t.attackId, counts)} data-technique={t.attackId}>
                      <Cell cell={t} href={href(t.attackId)} counts={counts} />
                      {t.subtechniques.length > 0 && (
                        <details>
                          <summary>
                            {plural(t.subtechniques.length, "sub-technique")}
                            <span className="visually-hidden"> of {t.name}</span>
                            {counts && <SubTotal subs={t.subtechniques} counts={counts} />}
                          </summary>
                          <ul>
                            {t.subtechniques.map((s) => (
                              <li
                                key={s.attackId}
                                className={cellClass(s.attackId, counts)}
                                data-technique={s.attackId}
                              >
                                <Cell cell={s} href={href(s.attackId)} counts={counts} />
                              </li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </li>
                  ))}
                </ul>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function cellClass(id: string, counts?: Record<string, number>): string | undefined {
  return counts ? `cov-${coverageLevel(counts[id] ?? 0)}` : undefined;
}

function Cell({ cell, href, counts }: { cell: TMatrixCell; href: string; counts?: Record<string, number> }) {
  const n = counts?.[cell.attackId] ?? 0;
  return (
    <span className="matrix-cell">
      <a href={href} title={cell.attackId}>
        {cell.name}
      </a>
      {n > 0 && (
        <span className="matrix-observed" data-testid={`count-${cell.attackId}`}>
          {n}
          <span className="visually-hidden"> {n === 1 ? "observation" : "observations"}</span>
        </span>
      )}
    </span>
  );
}

function SubTotal({ subs, counts }: { subs: TMatrixCell[]; counts: Record<string, number> }) {
  const total = subs.reduce((sum, s) => sum + (counts[s.attackId] ?? 0), 0);
  return total > 0 ? <> · {plural(total, "observation")}</> : null;
}

/** The colours of coverage mode, each with the counts it stands for (the count is also written in each cell). */
export function CoverageLegend({ scope }: { scope: "yours" | "community" }) {
  return (
    <div className="coverage-legend" role="group" aria-label="Coverage legend">
      <span>{scope === "yours" ? "Your" : "The community's"} accepted and published observations per technique:</span>
      <ul>
        {COVERAGE_LEVELS.map((l) => (
          <li key={l.level}>
            <span className={`swatch cov-${l.level}`} aria-hidden="true" /> {l.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
