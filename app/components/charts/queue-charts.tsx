// The queue's two pictures, ready to place on any reviewer's page (the queue, the home page): how long its
// observations have waited and which tactics they concern. Server component: it reads through lib/stats,
// which scopes them exactly as the queue list is scoped.
import { Suspense } from "react";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { queueAgeBars, queueTacticBars } from "@/lib/stats/queue";
import { BarChart } from "./bar-chart";
import styles from "./bar-chart.module.css";

const TITLES = ["Waiting for review, by time since submission", "Waiting for review, by tactic"] as const;

/**
 * The charts count the whole queue (tens of ms at 100,000 observations), so they stream in after the list: the
 * page does not wait for them. Until then their frames hold the place, so the list does not jump.
 */
export function QueueCharts({ actor }: { actor: Actor }) {
  return (
    <Suspense
      fallback={
        <div className={styles.pair} aria-busy="true">
          {TITLES.map((title) => (
            <figure key={title} className={styles.chart}>
              <figcaption className={styles.title}>{title}</figcaption>
              <p className={styles.empty}>Counting…</p>
            </figure>
          ))}
        </div>
      }
    >
      <LoadedQueueCharts actor={actor} />
    </Suspense>
  );
}

async function LoadedQueueCharts({ actor }: { actor: Actor }) {
  const [age, tactics] = await Promise.all([queueAgeBars(actor, db()), queueTacticBars(actor, db())]);
  return (
    <div className={styles.pair}>
      <BarChart title={TITLES[0]} bars={age} empty="Nothing is waiting." testId="chart-queue-age" />
      <BarChart
        title={TITLES[1]}
        bars={tactics}
        empty="Nothing is waiting."
        note="An observation whose technique serves several tactics counts under each."
        testId="chart-queue-tactics"
      />
    </div>
  );
}
