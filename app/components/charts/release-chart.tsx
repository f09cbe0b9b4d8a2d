// What one release holds per tactic (the releases page; placeable elsewhere). The bars come from
// lib/stats/releases (releaseTacticBars), fetched once for every release on the page.
import type { Bar } from "@/lib/stats/types";
import { BarChart } from "./bar-chart";

export function ReleaseTacticChart({ name, bars }: { name: string; bars: readonly Bar[] }) {
  return (
    <BarChart
      title={`${name}: observations by tactic`}
      bars={bars}
      empty="No observation has joined this release yet."
      note="An observation whose technique serves several tactics counts under each."
      testId={`chart-release-${name}`}
    />
  );
}
