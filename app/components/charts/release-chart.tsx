// What one release holds per tactic (the releases page; placeable elsewhere). The bars come from
// lib/stats/releases (releaseTacticBars), fetched once for every release on the page.
import type { Bar } from "@/lib/stats/types";
import { BarChart } from "./bar-chart";

export function ReleaseTacticChart({
  name,
  bars,
  counting = "observations",
}: {
  name: string;
  bars: readonly Bar[];
  /** What a bar counts: the release's observations (the releases list) or its distinct techniques (a release's page). */
  counting?: "observations" | "techniques";
}) {
  const techniques = counting === "techniques";
  return (
    <BarChart
      title={techniques ? `${name}: techniques touched per tactic` : `${name}: observations by tactic`}
      bars={bars}
      empty="No observation has joined this release yet."
      note={
        techniques
          ? "Each technique counts once, under every tactic it serves."
          : "An observation whose technique serves several tactics counts under each."
      }
      testId={`chart-release-${techniques ? "techniques-" : ""}${name}`}
    />
  );
}
