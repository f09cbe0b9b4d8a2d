// `npm run bench`: the matrix page's server work on SQLite with Enterprise 18.1 imported — the loader (one query
// for tactics and techniques, one for the version) plus rendering the matrix component to HTML with
// react-dom/server (production build, as `next start` uses), 50 runs after 3 warm-ups; p50 and p95 printed (target: at most 200 ms). Coverage mode adds
// the layer service's one grouped count, timed too.
import { ENTERPRISE_18_1 } from "../../prisma/factories";
import { importCatalog } from "../attack/import";
import { upsertUser } from "../auth/users";
import { record } from "../bench-report";
import { createTestDb } from "../db/testing";
import { coverageCounts } from "./layer-service";
import { loadMatrix } from "./matrix";

const RUNS = 50;
const WARM_UPS = 3;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(run: () => Promise<number>): Promise<{ p50: number; p95: number; bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < WARM_UPS; i++) bytes = await run();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    bytes = await run();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), bytes };
}

export async function benchMatrix(): Promise<void> {
  // Next renders pages with React's production build. Without NODE_ENV React loads its development build, about
  // ten times slower at this (167 ms against 14 ms for this table here), so set it before React is first loaded:
  // nothing else in `npm run bench` loads React.
  if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" });
  const { createElement } = await import("react");
  const { renderToString } = await import("react-dom/server");
  const { MatrixTable } = await import("../../app/catalog/[domain]/matrix-table");
  process.env.TEST_DB = "sqlite";
  const t = await createTestDb();
  try {
    await importCatalog(t.db, { path: ENTERPRISE_18_1 });
    const user = await upsertUser(t.db, "bench-reviewer@example.test", "REVIEWER");
    const reviewer = { id: user.id, email: user.email, role: user.role };
    const plain = await time(async () => {
      const matrix = await loadMatrix(t.db, "enterprise-attack");
      return renderToString(createElement(MatrixTable, { matrix })).length;
    });
    const coverage = await time(async () => {
      const [matrix, counts] = await Promise.all([
        loadMatrix(t.db, "enterprise-attack"),
        coverageCounts(reviewer, "enterprise-attack", t.db),
      ]);
      return renderToString(createElement(MatrixTable, { matrix, counts: counts.counts })).length;
    });
    const line = (name: string, r: { p50: number; p95: number; bytes: number }) =>
      `  ${name.padEnd(9)} load + render p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (${RUNS} runs, ${Math.round(r.bytes / 1024)} KiB of HTML; target p95 <= 200 ms)`;
    for (const [measure, r] of [
      ["matrix page, load + render p95", plain],
      ["coverage matrix, load + render p95", coverage],
    ] as const) {
      record({
        area: "Catalog browser",
        measure,
        db: "sqlite",
        value: r.p95,
        unit: "ms",
        target: { at: "most", limit: 200, of: "value" },
      });
    }
    console.log(line("matrix", plain));
    console.log(line("coverage", coverage));
  } finally {
    await t.drop();
  }
}
