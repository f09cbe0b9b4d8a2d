import { describe, expect, it } from "vitest";
import { shapeBars } from "./bars";

describe("shapeBars", () => {
  it("scales bars to the longest and says every number in one sentence", () => {
    const chart = shapeBars("Queue by time waited", [
      { key: "a", label: "< 1 day", value: 3 },
      { key: "b", label: "1–7 days", value: 0 },
      { key: "c", label: "7–30 days", value: 2 },
    ]);
    expect(chart.bars.map((b) => b.percent)).toEqual([100, 0, 66.7]);
    expect(chart.total).toBe(5);
    expect(chart.summary).toBe("Queue by time waited: < 1 day 3, 1–7 days 0, 7–30 days 2.");
  });

  it("draws nothing for all zeros or no bars, and never a negative length", () => {
    expect(shapeBars("T", [{ key: "a", label: "A", value: 0 }]).bars[0].percent).toBe(0);
    expect(shapeBars("T", [])).toEqual({ bars: [], total: 0, summary: "T: nothing yet." });
    expect(shapeBars("T", [{ key: "a", label: "A", value: -2 }]).bars[0]).toMatchObject({ value: 0, percent: 0 });
  });
});
