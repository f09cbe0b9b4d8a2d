// `npm run bench`: importing the full ATT&CK Enterprise 18.1 bundle into a fresh database, on SQLite and on
// PostgreSQL, each as a ratio to its baseline measured in the same run (issue 8's speed targets):
// - in-process: importCatalog ≤ 3× a bare readFile + JSON.parse of the same file;
// - whole process: `npm run cli -- attack:import <file>` ≤ 5× a bare `node -e` process that reads and parses it.
// Runs alternate (baseline, import, baseline, …) and the medians are compared, so a busy machine slows both.
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { ENTERPRISE_18_1 } from "../../prisma/factories";
import { createTestDb } from "../db/testing";
import { median, record } from "../bench-report";
import { importCatalog } from "./import";

// Medians of three runs. `--quick` starts the CLI process once, but keeps three in-process imports: they take about
// a second each, and one alone swings the ratio by ±0.5 with the collector and the disk.
const QUICK = process.argv.includes("--quick");
const RUNS = 3;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function bareParse(): Promise<number> {
  const started = performance.now();
  JSON.parse(await readFile(ENTERPRISE_18_1, "utf8"));
  return performance.now() - started;
}

/** Wall time of a child process; throws with its output if it fails. */
function processMs(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const started = performance.now();
  const result = spawnSync(command, args, { env, encoding: "utf8" });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  return ms;
}

export async function benchImport(
  providers: readonly ("sqlite" | "postgres")[] = ["sqlite", "postgres"],
): Promise<void> {
  for (const provider of providers) {
    process.env.TEST_DB = provider;
    const bare: number[] = [];
    const imports: number[] = [];
    const bareProcess: number[] = [];
    const cliProcess: number[] = [];
    let objects = 0;
    let procedures = 0;
    let reimportMs = 0;
    for (let run = 0; run < RUNS; run++) {
      bare.push(await bareParse());
      const t = await createTestDb();
      try {
        await t.db.$connect();
        const first = await importCatalog(t.db, { path: ENTERPRISE_18_1 });
        imports.push(first.ms);
        ({ objects, procedures } = first);
        // The no-op re-import once: it only shows that the same bytes are recognised.
        if (run === 0) reimportMs = (await importCatalog(t.db, { path: ENTERPRISE_18_1 })).ms;
      } finally {
        await t.drop();
      }

      if (QUICK && run > 0) continue;
      bareProcess.push(
        processMs(process.execPath, [
          "-e",
          `JSON.parse(require("fs").readFileSync(${JSON.stringify(ENTERPRISE_18_1)}, "utf8"))`,
        ]),
      );
      // A migrated, empty database, as after `npm start`'s first migration: the CLI's own migration is a check.
      const cliDb = await createTestDb();
      try {
        await cliDb.db.$disconnect();
        cliProcess.push(
          processMs("npm", ["run", "--silent", "cli", "--", "attack:import", ENTERPRISE_18_1], {
            ...process.env,
            DATABASE_URL: cliDb.url,
          }),
        );
      } finally {
        await cliDb.drop();
      }
    }
    const area = "Catalog import (enterprise 18.1)";
    record({
      area,
      measure: "importCatalog, in-process",
      db: provider,
      value: median(imports),
      unit: "ms",
      baseline: { label: "readFile + JSON.parse", value: median(bare) },
      target: { at: "most", limit: 3, of: "ratio" },
    });
    record({
      area,
      measure: "npm run cli -- attack:import, whole process",
      db: provider,
      value: median(cliProcess),
      unit: "ms",
      baseline: { label: "node -e read + parse", value: median(bareProcess) },
      target: { at: "most", limit: 5, of: "ratio" },
    });
    const inProcess = median(imports) / median(bare);
    const wholeProcess = median(cliProcess) / median(bareProcess);
    console.log(
      `  ${provider.padEnd(9)} import ${seconds(median(imports))} (${objects} objects, ${procedures} procedures) / ` +
        `readFile+JSON.parse ${seconds(median(bare))} = ${inProcess.toFixed(2)}× (target ≤ 3×); ` +
        `re-import ${seconds(reimportMs)} (no-op)`,
    );
    console.log(
      `  ${"".padEnd(9)} npm run cli -- attack:import ${seconds(median(cliProcess))} / node -e read+parse ` +
        `${seconds(median(bareProcess))} = ${wholeProcess.toFixed(2)}× (target ≤ 5×); medians of ${imports.length} imports and ${cliProcess.length} processes`,
    );
  }
}
