// `npm run bench`: the project's measurements, printed; nothing here asserts a time.
import { benchQuality } from "./anonymize/quality.bench";
import { benchScrub } from "./anonymize/scrub.bench";
import { benchImport } from "./attack/import.bench";
import { benchMatrix } from "./catalog/matrix.bench";
import { benchSearch } from "./attack/search.bench";
import { benchSuggest } from "./attack/suggest.bench";
import { benchDuplicates } from "./review/duplicates.bench";
import { benchQueue } from "./review/queue.bench";
import { benchExport } from "./releases/export.bench";

async function main() {
  benchScrub();
  benchQuality();
  console.log("ATT&CK catalog import (enterprise-attack-18.1.json)");
  await benchImport();
  console.log("Catalog matrix page (enterprise-attack 18.1, SQLite)");
  await benchMatrix();
  await benchSearch();
  await benchSuggest();
  console.log("Review queue over seeded observations (--quick: 10,000)");
  await benchQueue();
  await benchDuplicates(process.argv.includes("--quick") ? 10_000 : 100_000);
  console.log("Release export (--quick: 2,000 observations)");
  await benchExport();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
