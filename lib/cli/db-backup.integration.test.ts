// db:backup and db:restore round trip on the configured provider (TEST_DB): every table's rows come back as they
// were, a database with data is never overwritten without --force, and the CLI commands do the same.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import type { Db } from "../db/client";
import { createTestDb, type TestDb } from "../db/testing";
import { enqueueMail, flushMail } from "../mail";
import { createObservation } from "../observations/service";
import { addComment } from "../review/comments";
import { transitionObservation } from "../review/workflow";
import { backupDatabase, countRows, restoreDatabase } from "./db-backup";

const run = promisify(execFile);
const w = useWorkDb();
let dir = "";
let target: TestDb;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "pe-backup-"));
  target = await createTestDb();
});
afterAll(async () => {
  await target?.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** Every table's rows, tables and rows in a stable order: equal strings mean equal databases. */
async function snapshot(db: Db): Promise<string> {
  const names = (
    await db.$queryRawUnsafe<{ name: string }[]>(
      process.env.TEST_DB === "postgres"
        ? `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`
        : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
    )
  )
    .map((t) => t.name)
    .filter((n) => n !== "_prisma_migrations")
    .sort();
  const parts: string[] = [];
  for (const name of names) {
    const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}"`);
    const json = rows.map((r) => JSON.stringify(r, (_, v) => (typeof v === "bigint" ? String(v) : v))).sort();
    parts.push(`${name} ${json.length}`, ...json);
  }
  return parts.join("\n");
}

async function someWork() {
  const { observation: o } = await createObservation(w.contributor, observationInput(), w.db);
  await transitionObservation(w.reviewer, o.id, { action: "claim", version: 1 }, w.db);
  await addComment(w.reviewer, o.id, { body: "Which host was it?", visibility: "INTERNAL" }, w.db);
  await enqueueMail(w.db, "invite", "new@example.test", {
    role: "REVIEWER",
    signInUrl: "http://localhost:3000/sign-in",
    host: "localhost:3000",
  });
  await flushMail(w.db); // nothing left moving in the source while it is copied
}

describe("db:backup and db:restore", () => {
  it("round-trips every table into an empty database, and refuses to overwrite data without force", async () => {
    await someWork();
    const file = path.join(dir, "one.backup");
    await backupDatabase(w.t.url, file);
    expect((await appErrorOf(backupDatabase(w.t.url, file))).code).toBe("CONFLICT"); // never overwrites a backup

    expect(await countRows(target.url)).toBe(0);
    await restoreDatabase(target.url, file);
    const original = await snapshot(w.db);
    expect(original).toContain("Which host was it?");
    expect(await snapshot(target.db)).toBe(original);
    expect(await countRows(target.url)).toBeGreaterThan(0);

    // The source changes; restoring its old backup over the copy, which now holds data, needs --force.
    await w.db.comment.deleteMany();
    const file2 = path.join(dir, "two.backup");
    await backupDatabase(w.t.url, file2);
    const refused = await appErrorOf(restoreDatabase(target.url, file2));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/not empty .*--force/);
    expect(await snapshot(target.db)).toBe(original);
    await restoreDatabase(target.url, file2, { force: true });
    expect(await snapshot(target.db)).toBe(await snapshot(w.db));
    expect(await target.db.comment.count()).toBe(0);
    // The restored database is usable by the app.
    await target.db.mailJob.deleteMany();
    expect(await target.db.observation.count()).toBe(1);
  });

  it("refuses a file that is not a backup, naming the problem", async () => {
    const missing = await appErrorOf(restoreDatabase(target.url, path.join(dir, "nope"), { force: true }));
    expect(missing.message).toMatch(/No backup file at .*nope/);
    const junk = path.join(dir, "junk.backup");
    await import("node:fs/promises").then((fs) => fs.writeFile(junk, "not a database"));
    expect((await appErrorOf(restoreDatabase(target.url, junk, { force: true }))).code).toBe("VALIDATION");
  });

  it("works from the CLI: npm run cli -- db:backup <file> and db:restore <file> [--force]", async () => {
    await someWork();
    const file = path.join(dir, "cli.backup");
    const cli = (...args: string[]) =>
      run(process.execPath, ["--import", "tsx", "lib/cli/index.ts", ...args], {
        env: { ...process.env, DATABASE_URL: target.url },
      });
    // Back up the source through the CLI (DATABASE_URL points at it), restore into the target.
    await run(process.execPath, ["--import", "tsx", "lib/cli/index.ts", "db:backup", file], {
      env: { ...process.env, DATABASE_URL: w.t.url },
    });
    const refused = await cli("db:restore", file).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toMatch(/--force/);
    const done = await cli("db:restore", file, "--force");
    expect(done.stdout).toMatch(/Restored .*cli\.backup/);
    expect(await snapshot(target.db)).toBe(await snapshot(w.db));
  });
});
