// The one benchmark report (issue 12 §6): every part of `npm run bench` records its figures here as it prints them,
// and the run writes them all to bench/results.md at its end (never by hand). Each speed figure is a ratio to a
// baseline measured in the same run: its own where the issue names one (a bare SELECT, a bare JSON.parse), else the
// run's reference workload, so figures from machines of different speeds can be compared.
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { ENTERPRISE_18_1 } from "../prisma/factories";

export type BenchDb = "sqlite" | "postgres";

export interface Target {
  /** "≤ 50 ms" is { at: "most", limit: 50 }; "top-5 ≥ 0.85" is { at: "least", limit: 0.85 }. */
  at: "most" | "least";
  limit: number;
  /** Whether the limit applies to the value itself or to its ratio to the baseline. */
  of: "value" | "ratio";
}

export interface Figure {
  area: string;
  measure: string;
  db?: BenchDb;
  value: number;
  /** "ms", "s", "MB", "%", "/s" or "" for a plain number. */
  unit: string;
  /** A baseline in the same unit, measured in the same run; time figures without one use the run's reference. */
  baseline?: { label: string; value: number };
  target?: Target;
}

export interface PartFailure {
  part: string;
  message: string;
}

const figures: Figure[] = [];
const failures: PartFailure[] = [];
let reference: { label: string; ms: number } | undefined;

/** The middle value of a run's timings (the upper middle of an even count). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function record(figure: Figure): void {
  figures.push(figure);
}

export function recordFailure(part: string, error: unknown): void {
  failures.push({ part, message: error instanceof Error ? error.message : String(error) });
}

export function recordedFigures(): readonly Figure[] {
  return figures;
}

/** The line a child process's figures follow (runPartInChild). */
const FIGURES_LINE = "@@bench-figures@@ ";

/**
 * Runs `script` (a bench file run with `--child`) in a fresh Node.js process with this process's flags (or `flags`), passing its
 * output through, and records the figures it sends (sendFiguresToParent): a figure such as peak RSS is then the
 * part's own, not what the parts before it left in this process. Rejects when the child fails.
 */
export async function runPartInChild(
  script: string,
  args: string[] = [],
  flags = nodeFlags(process.execArgv),
): Promise<void> {
  const { spawn } = await import("node:child_process");
  const child = spawn(process.execPath, [...flags, script, "--child", ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let pending = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (line.startsWith(FIGURES_LINE))
        for (const figure of JSON.parse(line.slice(FIGURES_LINE.length))) record(figure);
      else console.log(line);
    }
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (pending) console.log(pending);
  if (code !== 0) throw new Error(`${[script, "--child", ...args].join(" ")} exited with ${code}`);
}

/** This process's Node.js flags without a script given inline (`-e`, `-p`), which the child would run again. */
function nodeFlags(execArgv: readonly string[]): string[] {
  const flags: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    if (/^(-e|--eval|-p|--print)$/.test(execArgv[i])) i++;
    else if (!/^(--eval|--print)=/.test(execArgv[i])) flags.push(execArgv[i]);
  }
  return flags;
}

/** In a child run by runPartInChild: sends the figures recorded here to the parent's report. */
export function sendFiguresToParent(): void {
  console.log(FIGURES_LINE + JSON.stringify(figures));
}

/** The run's reference workload: a bare JSON.parse of the Enterprise 18.1 bundle, median of five. */
export function measureReference(): number {
  const times: number[] = [];
  const text = readFileSync(ENTERPRISE_18_1, "utf8");
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    JSON.parse(text);
    times.push(performance.now() - started);
  }
  const ms = times.sort((a, b) => a - b)[2]!;
  setReference("reference", ms);
  return ms;
}

export function setReference(label: string, ms: number): void {
  reference = { label, ms };
}

const TIME_UNITS: Record<string, number> = { ms: 1, s: 1000 };

/** The baseline a figure is compared with: its own, or the reference for a time figure. */
export function baselineOf(figure: Figure): { label: string; value: number } | undefined {
  if (figure.baseline) return figure.baseline;
  const scale = TIME_UNITS[figure.unit];
  if (scale === undefined || !reference) return undefined;
  return { label: reference.label, value: reference.ms / scale };
}

export function verdict(figure: Figure): "met" | "MISSED" | "" {
  const { target } = figure;
  if (!target) return "";
  const base = baselineOf(figure);
  const subject = target.of === "value" ? figure.value : base ? figure.value / base.value : NaN;
  if (Number.isNaN(subject)) return "MISSED";
  return (target.at === "most" ? subject <= target.limit : subject >= target.limit) ? "met" : "MISSED";
}

const DB_NAMES: Record<BenchDb, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };

function amount(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toFixed(unit === "" || unit === "%" ? (Number.isInteger(value) ? 0 : 3) : digits);
  return unit === "" ? text : unit === "%" ? `${text}%` : `${text} ${unit}`;
}

function targetText(figure: Figure): string {
  const { target } = figure;
  if (!target) return "";
  const sign = target.at === "most" ? "≤" : "≥";
  if (target.of === "ratio") return `${sign} ${target.limit}×`;
  const unit = figure.unit === "" ? "" : figure.unit === "%" ? "%" : ` ${figure.unit}`;
  return `${sign} ${target.limit}${unit}`;
}

const cell = (text: string) => text.replace(/\|/g, "\\|");

export interface ReportContext {
  quick: boolean;
  startedAt: Date;
  finishedAt: Date;
}

/** bench/results.md: the machine, the run, then one row per figure and any part that failed. */
export function renderReport(context: ReportContext, all: readonly Figure[] = figures): string {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const minutes = ((context.finishedAt.getTime() - context.startedAt.getTime()) / 60_000).toFixed(1);
  const lines = [
    "# Benchmark results",
    "",
    `Written by \`npm run bench${context.quick ? " -- --quick" : ""}\` on ${context.startedAt.toISOString()} ` +
      `(${minutes} min). Do not edit: the next run replaces this file.`,
    "",
    `- Machine: ${availableParallelism()} CPUs (${cpu}), load average ${loadavg()[0]!.toFixed(2)} at the end.`,
    `- Node.js ${process.version}, ${process.platform}/${process.arch}.`,
    reference
      ? `- Reference workload (\"reference\"): a JSON.parse of enterprise-attack-18.1.json, median of 5: ${reference.ms.toFixed(0)} ms. A time without a ` +
        "baseline of its own is shown as a multiple of it."
      : "- Reference workload: not measured.",
    "",
    "| Area | Measure | Database | Value | Baseline | Ratio | Target | |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const figure of all) {
    const base = baselineOf(figure);
    const ratio = base && base.value > 0 ? `${(figure.value / base.value).toFixed(2)}×` : "";
    lines.push(
      `| ${[
        figure.area,
        figure.measure,
        figure.db ? DB_NAMES[figure.db] : "",
        amount(figure.value, figure.unit),
        base ? `${amount(base.value, figure.unit)} (${base.label})` : "",
        ratio,
        targetText(figure),
        verdict(figure),
      ]
        .map(cell)
        .join(" | ")} |`,
    );
  }
  if (failures.length) {
    lines.push("", "## Parts that failed", "");
    for (const f of failures) lines.push(`- **${f.part}**: ${f.message}`);
  }
  return lines.join("\n") + "\n";
}
