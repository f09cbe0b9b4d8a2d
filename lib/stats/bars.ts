// What a bar chart draws, from its bars: each bar's length as a share of the longest, and one sentence that
// says every number (the chart's accessible name). Pure: the chart component only lays this out.
import type { Bar } from "./types";

export interface ShapedBar extends Bar {
  /** Length in percent of the chart's width, 0..100; the longest bar is 100, an empty chart draws none. */
  percent: number;
}

export interface ShapedChart {
  bars: ShapedBar[];
  total: number;
  /** "Queue by time waited: < 1 day 3, 1–7 days 0." — what a screen reader announces for the picture. */
  summary: string;
}

export function shapeBars(title: string, bars: readonly Bar[]): ShapedChart {
  const values = bars.map((b) => Math.max(0, b.value));
  const max = Math.max(0, ...values);
  const total = values.reduce((sum, v) => sum + v, 0);
  const shaped = bars.map((b, i) => ({
    ...b,
    value: values[i],
    // One decimal is finer than a pixel at any width the page has.
    percent: max === 0 ? 0 : Math.round((values[i] / max) * 1000) / 10,
  }));
  const parts = shaped.map((b) => `${b.label} ${b.value}`);
  const summary = parts.length === 0 ? `${title}: nothing yet.` : `${title}: ${parts.join(", ")}.`;
  return { bars: shaped, total, summary };
}
