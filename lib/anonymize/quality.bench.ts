// `npm run bench`: how well scrub() does on the labelled corpus and on ATT&CK's own procedure texts, against
// issue 6's targets. Prints only; corpus.test.ts asserts the must-keep guarantees.
import { record } from "../bench-report";
import { readAttackProcedureTexts } from "./attack-procedures";
import { CORPUS } from "./corpus";
import { asRead, evaluateAttack, evaluateCorpus, type AttackEvaluation } from "./evaluate";
import { scrub, STRUCTURAL_RECOGNIZERS } from "./index";
import { findDefanged } from "./recognizers";

export const TARGETS = { recall: 0.98, recallPerKind: 0.95, keepPrecision: 0.95, attackUnchanged: 0.99 } as const;

const QUICK = process.argv.includes("--quick");

const pct = (x: number) => (Number.isNaN(x) ? "–" : `${(x * 100).toFixed(1)}%`);
const verdict = (value: number, target: number) => (value >= target ? "met" : "NOT met");

export function benchQuality(): void {
  const result = evaluateCorpus(CORPUS, (text) => scrub(text));
  console.log(`Anonymizer quality: ${result.sentences} labelled sentences (lib/anonymize/corpus)`);
  const header = ["kind", "labelled", "caught", "recall", "right kind", `≥ ${pct(TARGETS.recallPerKind)}`];
  const rows = result.perKind
    .filter((k) => k.labelled > 0)
    .map((k) => [
      k.kind,
      String(k.labelled),
      String(k.caught),
      pct(k.recall),
      pct(k.kindAccuracy),
      verdict(k.recall, TARGETS.recallPerKind),
    ]);
  const o = result.overall;
  const total = ["overall", String(o.labelled), String(o.caught), pct(o.recall), pct(o.kindAccuracy), ""];
  printTable(header, rows, total);

  const { keep, keepOnly } = result;
  const least = (limit: number) => ({ at: "least", limit: limit * 100, of: "value" }) as const;
  record({
    area: "Anonymizer",
    measure: "recall overall",
    value: o.recall * 100,
    unit: "%",
    target: least(TARGETS.recall),
  });
  for (const k of result.perKind.filter((k) => k.labelled > 0)) {
    record({
      area: "Anonymizer",
      measure: `recall: ${k.kind}`,
      value: k.recall * 100,
      unit: "%",
      target: least(TARGETS.recallPerKind),
    });
  }
  record({
    area: "Anonymizer",
    measure: "keep-precision",
    value: keep.precision * 100,
    unit: "%",
    target: least(TARGETS.keepPrecision),
  });
  console.log(
    `  recall overall          ${pct(o.recall).padStart(7)}  target ≥ ${pct(TARGETS.recall)}  ${verdict(o.recall, TARGETS.recall)}`,
  );
  console.log(
    `  keep-precision          ${pct(keep.precision).padStart(7)}  target ≥ ${pct(TARGETS.keepPrecision)}  ${verdict(keep.precision, TARGETS.keepPrecision)}  (${keep.kept}/${keep.total} must-keep values verbatim)`,
  );
  console.log(
    `  keep-only unchanged     ${pct(keepOnly.unchanged / keepOnly.total).padStart(7)}  target   100.0%  ${verdict(keepOnly.unchanged, keepOnly.total)}  (${keepOnly.unchanged}/${keepOnly.total} sentences)`,
  );
  for (const lost of keep.lost.slice(0, 10)) console.log(`    lost ${JSON.stringify(lost.value)}: ${lost.output}`);
  for (const changed of keepOnly.changed.slice(0, 10)) console.log(`    changed: ${changed.output}`);
  if (process.env.BENCH_MISSES) {
    for (const m of result.missed)
      console.log(`    missed ${m.label.kind} ${JSON.stringify(m.label.value)}: ${m.output}`);
  } else if (result.missed.length > 0) {
    console.log(`  ${result.missed.length} labelled values missed; BENCH_MISSES=1 npm run bench lists them`);
  }

  const all = readAttackProcedureTexts();
  if (!all) {
    console.log("  ATT&CK check skipped: ../shared/attack/enterprise-attack-18.1.json not found");
    return;
  }
  // `--quick`: every second text (about 8,000), which still shows the share and the samples.
  const texts = QUICK ? all.filter((_, i) => i % 2 === 0) : all;
  const read = evaluateAttack(texts.map(asRead), (text) => scrub(text));
  const stored = evaluateAttack(texts, (text) => scrub(text), 3);
  printAttack("ATT&CK procedures unchanged, as read (links to text, citations dropped)", read);
  printAttack("ATT&CK procedures unchanged, as stored (markdown links to attack.mitre.org)", stored);
  printOverRedaction(texts);
}

/** Per recognizer: how many ATT&CK procedure texts it alone would touch (defanged spans shielded, as scrub() does). */
function printOverRedaction(texts: string[]): void {
  console.log("  ATT&CK procedure texts each recognizer would change (over-redaction):");
  // The defanged spans once per text, not once per text and recognizer.
  const shielded = texts.map((text) => ({ text, shields: findDefanged(text) }));
  for (const [name, recognize] of Object.entries(STRUCTURAL_RECOGNIZERS)) {
    let changed = 0;
    let sample = "";
    for (const { text, shields } of shielded) {
      const hit = recognize(text).find((c) => !shields.some((s) => s.start < c.end && c.start < s.end));
      if (!hit) continue;
      changed += 1;
      sample ||= `${hit.kind} ${JSON.stringify(hit.value)}`;
    }
    console.log(
      `    ${name.padEnd(24)} ${String(changed).padStart(5)}  ${pct(changed / texts.length).padStart(6)}  ${sample}`,
    );
  }
}

function printAttack(title: string, e: AttackEvaluation): void {
  console.log(
    `  ${title}: ${pct(e.fraction)} (${e.unchanged}/${e.total}, ${e.total - e.unchanged} changed)  target ≥ ${pct(TARGETS.attackUnchanged)}  ${verdict(e.fraction, TARGETS.attackUnchanged)}`,
  );
  for (const s of e.samples) console.log(`    - ${oneLine(s.before)}\n      → ${oneLine(s.after)}`);
}

const oneLine = (s: string) => s.replace(/\s+/g, " ");

function printTable(header: string[], rows: string[][], footer: string[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...[...rows, footer].map((r) => r[i].length)));
  const line = (cells: string[]) =>
    "  " +
    cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const rule = "  " + widths.map((w) => "-".repeat(w)).join("  ");
  console.log([line(header), rule, ...rows.map(line), rule, line(footer)].join("\n").replace(/ +$/gm, ""));
}
