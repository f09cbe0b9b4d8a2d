// A horizontal bar chart as plain server-rendered HTML and SVG: no chart library, no script, nothing for the
// CSP to allow (lib/http/headers.ts). Bar lengths are SVG attributes (a rect's percent width), colours come
// from the design system's variables (currentColor as fallback), so dark mode and print follow the page.
// Accessible: the picture is one role="img" whose name says every number; a visually hidden table repeats
// them for screen-reader table navigation (and for the e2e tests).
import { shapeBars } from "@/lib/stats/bars";
import type { Bar } from "@/lib/stats/types";
import styles from "./bar-chart.module.css";

export interface BarChartProps {
  title: string;
  bars: readonly Bar[];
  /** Shown instead of the chart when there are no bars or all are zero. */
  empty?: string;
  /** A line under the chart, e.g. how to read it. */
  note?: string;
  testId?: string;
}

export function BarChart({ title, bars, empty = "Nothing to show yet.", note, testId }: BarChartProps) {
  const chart = shapeBars(title, bars);
  return (
    <figure className={styles.chart} data-testid={testId}>
      <figcaption className={styles.title}>{title}</figcaption>
      {chart.total === 0 ? (
        <p className={styles.empty}>{empty}</p>
      ) : (
        <>
          <div role="img" aria-label={chart.summary} className={styles.rows}>
            {chart.bars.map((b) => (
              <div key={b.key} className={styles.row}>
                <span className={styles.label}>{b.label}</span>
                <svg className={styles.track} aria-hidden="true" focusable="false">
                  <rect className={styles.rail} width="100%" height="100%" rx="3" />
                  <rect className={styles.bar} width={`${b.percent}%`} height="100%" rx="3" />
                </svg>
                <span className={styles.value}>{b.value}</span>
              </div>
            ))}
          </div>
          {/* Hidden by its box, not on the table: a table is never narrower than its content, so a 1px-wide table
              would still stretch the page sideways on a phone. */}
          <div className={styles.hidden}>
            <table>
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Count</th>
                </tr>
              </thead>
              <tbody>
                {chart.bars.map((b) => (
                  <tr key={b.key} data-key={b.key}>
                    <th scope="row">{b.label}</th>
                    <td>{b.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {note && <p className={styles.note}>{note}</p>}
    </figure>
  );
}
