import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import {
  baselineOf,
  recordedFigures,
  renderReport,
  runPartInChild,
  setReference,
  verdict,
  type Figure,
} from "./bench-report";

const context = {
  quick: true,
  startedAt: new Date("2026-11-28T10:00:00Z"),
  finishedAt: new Date("2026-11-28T10:01:30Z"),
};

describe("bench report", () => {
  it("compares a figure with its own baseline, or a time with the run's reference", () => {
    setReference("reference (JSON.parse)", 400);
    const own: Figure = {
      area: "Queue",
      measure: "first page: API p95 / bare SELECT",
      db: "postgres",
      value: 12,
      unit: "ms",
      baseline: { label: "bare SELECT", value: 3 },
      target: { at: "most", limit: 3, of: "ratio" },
    };
    expect(baselineOf(own)).toEqual({ label: "bare SELECT", value: 3 });
    expect(verdict(own)).toBe("MISSED"); // 4× against at most 3×
    expect(verdict({ ...own, value: 9 })).toBe("met");

    const export10k: Figure = { area: "Export", measure: "total", value: 8, unit: "s" };
    expect(baselineOf(export10k)).toEqual({ label: "reference (JSON.parse)", value: 0.4 });
    // A percentage has no time reference.
    expect(baselineOf({ area: "Anonymizer", measure: "recall", value: 99, unit: "%" })).toBeUndefined();
    expect(
      verdict({
        area: "Suggest",
        measure: "top-5",
        value: 0.8,
        unit: "",
        target: { at: "least", limit: 0.85, of: "value" },
      }),
    ).toBe("MISSED");
  });

  it("writes the machine, one row per figure with ratio, target and verdict, and escapes table cells", () => {
    setReference("reference (JSON.parse)", 400);
    const text = renderReport(context, [
      {
        area: "Import",
        measure: "importCatalog | in-process",
        db: "sqlite",
        value: 800,
        unit: "ms",
        baseline: { label: "readFile + JSON.parse", value: 400 },
        target: { at: "most", limit: 3, of: "ratio" },
      },
      {
        area: "Export",
        measure: "total",
        db: "postgres",
        value: 12.5,
        unit: "s",
        target: { at: "most", limit: 10, of: "value" },
      },
    ]);
    expect(text).toContain("`npm run bench -- --quick`");
    expect(text).toMatch(/- Machine: \d+ CPUs/);
    expect(text).toContain(`Node.js ${process.version}`);
    expect(text).toContain(
      "| Import | importCatalog \\| in-process | SQLite | 800 ms | 400 ms (readFile + JSON.parse) | 2.00× | ≤ 3× | met |",
    );
    expect(text).toContain(
      "| Export | total | PostgreSQL | 12.5 s | 0.40 s (reference (JSON.parse)) | 31.25× | ≤ 10 s | MISSED |",
    );
  });
});

describe("runPartInChild", () => {
  // A bench file as a child runs it: it prints, records a figure and sends its figures (or fails).
  const dir = mkdtempSync(path.join(tmpdir(), "pe-bench-child-"));
  const script = path.join(dir, "part.ts");
  writeFileSync(
    script,
    `import { record, sendFiguresToParent } from ${JSON.stringify(path.resolve("lib/bench-report.ts"))};
if (process.argv.includes("fail")) process.exit(3);
console.log("the child's own line");
record({ area: "Child", measure: process.argv.slice(2).join(" "), db: "sqlite", value: 12, unit: "MB" });
sendFiguresToParent();
`,
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("passes the child's output through and records the figures it sends", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await runPartInChild(script, ["sqlite"], ["--import", "tsx"]);
      expect(log).toHaveBeenCalledWith("the child's own line");
      // The marker line is not printed: its figures are recorded.
      expect(log.mock.calls.some(([line]) => String(line).includes("@@"))).toBe(false);
    } finally {
      log.mockRestore();
    }
    expect(recordedFigures()).toContainEqual({
      area: "Child",
      measure: "--child sqlite",
      db: "sqlite",
      value: 12,
      unit: "MB",
    });
  });

  it("rejects when the child fails", async () => {
    await expect(runPartInChild(script, ["fail"], ["--import", "tsx"])).rejects.toThrow(
      /part\.ts --child fail exited with 3/,
    );
  });
});
