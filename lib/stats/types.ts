/** One bar of a chart: what it counts (label, shown) and how many. `key` is stable for tests and React. */
export interface Bar {
  key: string;
  label: string;
  value: number;
}
