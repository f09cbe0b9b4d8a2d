// `npm run db:migration -- <name>`: renders both schemas from prisma/models.prisma, then writes
// the migration that brings each provider's existing migrations up to the model.
// `npm run db:migration -- --check`: exits 1 when a schema or a migration set lags the model.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROVIDERS, type Provider, renderSchema, schemaPath } from "./schemas";

const SCRATCH_URL: Record<Provider, string> = {
  sqlite: "file:./data/migration-scratch.db",
  postgres: process.env.POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
};

const EMPTY = /^\s*(-- This is an empty migration\.)?\s*$/;

export function pendingMigrationSql(provider: Provider, schema = schemaPath(provider)): string {
  const migrations = path.join("prisma", provider, "migrations");
  const out = execFileSync(
    process.execPath,
    [
      require.resolve("prisma/build/index.js"),
      "migrate",
      "diff",
      "--from-migrations",
      migrations,
      "--to-schema-datamodel",
      schema,
      "--script",
    ],
    {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: SCRATCH_URL[provider], CHECKPOINT_DISABLE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return EMPTY.test(out) ? "" : out;
}

function main(args: string[]): number {
  const check = args.includes("--check");
  const name = args.find((a) => !a.startsWith("--"));
  if (!check && !name) {
    console.error("Usage: npm run db:migration -- <name>   (or --check)");
    return 2;
  }
  let stale = 0;
  for (const provider of PROVIDERS) {
    const schema = renderSchema(provider);
    if (readFileSync(schemaPath(provider), "utf8") !== schema) {
      if (check) {
        console.error(`prisma/${provider}/schema.prisma is stale: run npm run db:schemas`);
        stale++;
        continue;
      }
      writeFileSync(schemaPath(provider), schema);
    }
    const sql = pendingMigrationSql(provider);
    if (!sql) continue;
    if (check) {
      console.error(`prisma/${provider}/migrations lag the model:\n${sql}`);
      stale++;
      continue;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma", provider, "migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`wrote ${dir}/migration.sql`);
  }
  return stale ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
