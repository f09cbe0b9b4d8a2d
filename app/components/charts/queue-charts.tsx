// The queue's two pictures, ready to place on any reviewer's page (the queue, the home page): how long its
// observations have waited and which tactics they concern. Server component: it reads through lib/stats,
// which scopes them exactly as the queue list is scoped.
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { queueAgeBars, queueTacticBars } from "@/lib/stats/queue";
import { BarChart } from "./bar-chart";
import styles from "./bar-chart.module.css";

export async function QueueCharts({ actor }: { actor: Actor }) {
  const [age, tactics] = await Promise.all([queueAgeBars(actor, db()), queueTacticBars(actor, db())]);
  return (
    <div className={styles.pair}>
      <BarChart
        title="Waiting for review, by time since submission"
        bars={age}
        empty="Nothing is waiting."
        testId="chart-queue-age"
      />
      <BarChart
        title="Waiting for review, by tactic"
        bars={tactics}
        empty="Nothing is waiting."
        note="An observation whose technique serves several tactics counts under each."
        testId="chart-queue-tactics"
      />
    </div>
  );
}
