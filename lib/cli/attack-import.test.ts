import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../db/client";
import { attackImportCommand } from "./attack-import";

// Every case here is refused before the database is touched: a Db that throws on any use proves it.
const untouchable = new Proxy({} as Db, {
  get(_target, property) {
    throw new Error(`the database was used (${String(property)})`);
  },
});

async function run(...args: string[]) {
  const errors: string[] = [];
  vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => void errors.push(parts.join(" ")));
  const code = await attackImportCommand(args, untouchable);
  return { code, output: errors.join("\n") };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("attackImportCommand", () => {
  it("refuses an unknown --domain before reading anything, naming the valid ones", async () => {
    const { code, output } = await run("enterprise-attack-6.3.json", "--domain", "x");
    expect(code).toBe(1);
    expect(output).toContain(
      'attack:import: "x" is not an ATT&CK domain: use one of enterprise-attack, mobile-attack, ics-attack.',
    );
  });

  it("explains option mistakes with the usage line", async () => {
    for (const [args, message] of [
      [["--domain"], "--domain needs a value, e.g. --domain enterprise-attack"],
      [["a.json", "--domain="], "--domain needs a value"],
      [["a.json", "--version"], "--version needs a value, e.g. --version 18.1"],
      [["a.json", "--force"], "unknown option --force"],
      [["a.json", "b.json"], 'one bundle at a time (got "a.json" and "b.json")'],
      [[], "give the bundle's file path or URL"],
    ] as const) {
      const { code, output } = await run(...args);
      expect(code).toBe(1);
      expect(output).toContain(`attack:import: ${message}`);
      expect(output).toContain("usage: attack:import <file|url> [--version X] [--domain");
      vi.restoreAllMocks();
    }
  });

  it("reports a missing file in one line, without a stack", async () => {
    const { code, output } = await run("/nonexistent/enterprise-attack-7.0.json", "--domain=enterprise-attack");
    expect(code).toBe(1);
    // Progress lines ("reading…") go to stderr too; the error is one line after them.
    expect(output.split("\n").filter((line) => line.startsWith("attack:import:"))).toEqual([
      "attack:import: File not found: /nonexistent/enterprise-attack-7.0.json",
    ]);
    expect(output).not.toMatch(/^\s+at /m);
  });
});
