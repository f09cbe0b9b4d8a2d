// `npm run bench`: the project's measurements, printed as they come and gathered into bench/results.md
// (lib/bench-report.ts); nothing here asserts a time. `npm run bench -- --quick` is a smaller first look.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { benchQuality } from "./anonymize/quality.bench";
import { benchScrub } from "./anonymize/scrub.bench";
import { benchImport } from "./attack/import.bench";
import { benchSearch } from "./attack/search.bench";
import { benchSuggest } from "./attack/suggest.bench";
import { measureReference, recordFailure, renderReport } from "./bench-report";
import { benchMatrix } from "./catalog/matrix.bench";
import { benchLoad, loadSeconds } from "./load/load.bench";
import { benchExportApart } from "./releases/export.bench";
import { benchUpstream } from "./releases/upstream.bench";
import { benchDuplicates } from "./review/duplicates.bench";
import { benchQueue } from "./review/queue.bench";

const quick = process.argv.includes("--quick");

// Each part runs even when one before it failed; the failure is printed and written to the report.
const PARTS: [string, () => unknown][] = [
  ["Anonymizer speed", benchScrub],
  ["Anonymizer quality", benchQuality],
  ["ATT&CK catalog import (enterprise-attack-18.1.json)", benchImport],
  ["Catalog matrix page (enterprise-attack 18.1, SQLite)", benchMatrix],
  ["Catalog search", benchSearch],
  ["Technique suggestions", () => benchSuggest()],
  [`Review queue over seeded observations (${quick ? "10,000" : "100,000"})`, benchQueue],
  // --quick: these two parts on SQLite alone, to keep the first look under two minutes.
  ["Duplicate candidates", () => benchDuplicates(quick ? 2_000 : 100_000, quick ? ["sqlite"] : undefined)],
  [`Release export (${quick ? "2,000" : "10,000"} observations)`, benchExportApart],
  [
    `Closing the loop after a newer ATT&CK import (${quick ? "2,000" : "10,000"} exported observations, every tenth cited)`,
    () => benchUpstream(undefined, quick ? ["sqlite"] : undefined),
  ],
  [`Load: 50 clients on the built server (${loadSeconds()} s per scenario)`, benchLoad],
];

export const RESULTS_FILE = path.join(process.cwd(), "bench", "results.md");

async function main() {
  const startedAt = new Date();
  console.log(`Reference: JSON.parse of enterprise-attack-18.1.json, ${measureReference().toFixed(0)} ms`);
  let failed = 0;
  for (const [name, run] of PARTS) {
    console.log(name);
    const partStarted = performance.now();
    try {
      await run();
    } catch (error) {
      failed++;
      console.error(`  FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      recordFailure(name, error);
    }
    // What each part costs, to keep `--quick` under its two minutes.
    console.log(`  (${((performance.now() - partStarted) / 1000).toFixed(1)} s)`);
  }
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, renderReport({ quick, startedAt, finishedAt: new Date() }));
  console.log(`Wrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
