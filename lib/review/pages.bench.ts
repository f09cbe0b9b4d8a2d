// Part of the queue bench (./queue.bench.ts): the signed-in pages over HTTP on its seeded database, read to their end,
// as a reviewer, a seeded contributor and an admin: what each waits for when the queue holds that many observations.
// No targets. It is here to catch a page that reads the whole table: at 100,000 observations the queue's charts
// (300 ms), a reviewer's home (490 ms) and the needs-remapping view (780 ms) did, and were fixed.
import { makeActor } from "../../prisma/factories";
import type { Actor } from "../auth/permissions";
import { median, record, type BenchDb } from "../bench-report";
import type { Db } from "../db/client";
import type { BuiltServer } from "../load/built-server";

type Who = "reviewer" | "contributor" | "admin";

/** [who, path, in --quick]: the pages whose work grows with the queue are timed in --quick too. */
function pages(observation: string): [Who, string, boolean][] {
  return [
    ["reviewer", "/", true],
    ["reviewer", "/queue", true],
    ["reviewer", "/queue?view=decided", false],
    ["reviewer", "/queue/remap", true],
    ["reviewer", `/queue/${observation}`, true],
    ["contributor", "/", false],
    ["contributor", "/my", true],
    ["contributor", `/my/${observation}`, false],
    ["contributor", "/submit", false],
    ["admin", "/", false],
    ["admin", "/releases", false],
    ["admin", "/audit", false],
    ["admin", "/users", false],
    ["admin", "/jobs", false],
    ["reviewer", "/catalog/enterprise-attack", false],
    ["reviewer", "/catalog/enterprise-attack/T1059", false],
  ];
}

const RUNS = 12;

export async function timePages(
  db: Db,
  server: BuiltServer,
  { provider, area, reviewer, quick }: { provider: BenchDb; area: string; reviewer: Actor; quick: boolean },
): Promise<void> {
  // A contributor of the seed (their own observations fill /my) and one of their submitted observations.
  const contributor = await db.user.findFirstOrThrow({
    where: { role: "CONTRIBUTOR", email: { endsWith: "@seed.invalid" } },
    orderBy: { email: "asc" },
  });
  const { publicId } = await db.observation.findFirstOrThrow({
    where: { contributorId: contributor.id, status: "SUBMITTED" },
    orderBy: { id: "asc" },
  });
  const admin = await makeActor(db, "ADMIN", "pages-bench-admin@example.test");
  const sessions = {} as Record<Who, string>;
  for (const [who, userId] of [
    ["reviewer", reviewer.id],
    ["contributor", contributor.id],
    ["admin", admin.id],
  ] as const) {
    sessions[who] = `pages-bench-${who}-${Date.now()}`;
    await db.session.create({
      data: { sessionToken: sessions[who], userId, expires: new Date(Date.now() + 3600_000) },
    });
  }
  console.log(`  signed-in pages over HTTP, median of ${RUNS} after 2 warm-ups:`);
  for (const [who, path, inQuick] of pages(publicId)) {
    if (quick && !inQuick) continue;
    const times: number[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const started = performance.now();
      const response = await fetch(`${server.origin}${path}`, {
        headers: { cookie: `next-auth.session-token=${sessions[who]}` },
        redirect: "manual",
      });
      const body = await response.text();
      if (response.status !== 200)
        throw new Error(`GET ${path} as ${who}: HTTP ${response.status} ${body.slice(0, 300)}`);
      if (i >= 2) times.push(performance.now() - started);
    }
    const value = median(times);
    record({ area, measure: `GET ${path} as ${who} (the page, over HTTP) p50`, db: provider, value, unit: "ms" });
    console.log(`    ${`${who} ${path}`.padEnd(52)} ${value.toFixed(1).padStart(7)} ms`);
  }
}
