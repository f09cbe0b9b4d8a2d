// `npm run bench`: how long scrub() takes on 200 KB inputs, realistic and pathological.
import { record } from "../bench-report";
import { STRESS_INPUTS } from "./corpus.fixture";
import { scrub } from "./index";

const RUNS = 5;

export function benchScrub(): void {
  console.log(`scrub() on ${Object.keys(STRESS_INPUTS).length} inputs, median of ${RUNS} runs`);
  for (const [name, text] of Object.entries(STRESS_INPUTS)) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      scrub(text, { redact: ["John Smith", "Acme Bank"], keep: ["evil.com"] });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    record({ area: "Anonymizer", measure: `scrub() ${name}`, value: times[RUNS >> 1], unit: "ms" });
    console.log(
      `  ${name.padEnd(28)} ${(text.length / 1024).toFixed(0).padStart(4)} KB  ${times[RUNS >> 1].toFixed(1).padStart(7)} ms`,
    );
  }
}
