// A `kill -9` in the middle of `attack:import` leaves the previous catalog whole (issue 8 item 1): the
// import runs as one transaction, so a process killed after it has deleted the old rows and started
// writing the new ones commits nothing. The killed process is the real CLI (`npm run cli -- attack:import`)
// against this test's database; the rerun then loads the release as if nothing had happened.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../db/testing";
import { currentCatalog } from "./catalog";
import { importCatalog } from "./import";

const bundle = (name: string) => path.resolve(process.cwd(), "../shared/attack", name);
const V6_3 = bundle("enterprise-attack-6.3.json");
const V7_0 = bundle("enterprise-attack-7.0.json");
const DOMAIN = "enterprise-attack";

interface Killed {
  signal: NodeJS.Signals | null;
  output: string;
}

/**
 * Runs the CLI import of `file` and kills it with SIGKILL as soon as it says it is writing objects: by
 * then the old rows are deleted inside the (uncommitted) transaction.
 */
function importAndKill(url: string, file: string): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/index.ts", "attack:import", file], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      // Plain progress lines (stderr is not a terminal): "objects…" once the transaction is writing.
      if (/^objects…$/m.test(output) && child.exitCode === null && !child.killed) child.kill("SIGKILL");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (_code, signal) => resolve({ signal, output }));
  });
}

describe("attack:import killed with SIGKILL half-way", () => {
  let t: TestDb;
  let before: { objects: number; procedures: number; versions: unknown[] };

  const snapshot = async () => ({
    objects: await t.db.attackObject.count({ where: { domain: DOMAIN } }),
    procedures: await t.db.knownProcedure.count({ where: { domain: DOMAIN } }),
    versions: await t.db.catalogVersion.findMany({
      select: { domain: true, version: true, sha256: true, current: true },
      orderBy: { version: "asc" },
    }),
  });

  beforeAll(async () => {
    t = await createTestDb();
    await importCatalog(t.db, { path: V6_3 });
    before = await snapshot();
  });
  afterAll(() => t.drop());

  it("leaves the previous release whole, and the rerun loads the new one", async () => {
    const killed = await importAndKill(t.url, V7_0);
    // It really died mid-way: killed by the signal, never reporting an import.
    expect(killed.signal, killed.output).toBe("SIGKILL");
    expect(killed.output).not.toMatch(/^imported /m);

    // The database is as it was before: v6.3 current with all its rows, no change set for 7.0.
    expect(await snapshot()).toEqual(before);
    expect(before.objects).toBe(739);
    expect((await currentCatalog(t.db, DOMAIN))?.version).toBe("6.3");
    expect(await t.db.catalogChange.count()).toBe(0);
    expect(await t.db.attackObject.count({ where: { isSubtechnique: true } })).toBe(0);

    // The rerun (in-process, on the same database the killed process had open) imports 7.0 completely.
    const rerun = await importCatalog(t.db, { path: V7_0 });
    expect(rerun).toMatchObject({ domain: DOMAIN, version: "7.0", skipped: false });
    expect(await t.db.attackObject.count({ where: { domain: DOMAIN } })).toBe(rerun.objects);
    expect(await t.db.knownProcedure.count({ where: { domain: DOMAIN } })).toBe(rerun.procedures);
    expect((await currentCatalog(t.db, DOMAIN))?.version).toBe("7.0");
    expect(await t.db.catalogChange.count()).toBe(1);
  });
});
