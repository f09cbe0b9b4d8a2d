// Both providers' schemas and migrations come from prisma/models.prisma; this fails when either
// lags the model (fix: npm run db:schemas, then npm run db:migration -- <name>).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pendingMigrationSql } from "./scripts/migration";
import { PROVIDERS, renderSchema, schemaPath } from "./scripts/schemas";

const provider = process.env.TEST_DB === "postgres" ? "postgres" : "sqlite";
const scratch = mkdtempSync(path.join(tmpdir(), "pe-schema-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("one model, two providers", () => {
  it.each(PROVIDERS)("prisma/%s/schema.prisma is generated from models.prisma", (p) => {
    expect(readFileSync(schemaPath(p), "utf8")).toBe(renderSchema(p));
  });

  it(`the ${provider} migrations produce exactly the model`, () => {
    expect(pendingMigrationSql(provider)).toBe("");
  });

  it(`a model change without a migration is caught on ${provider}`, () => {
    const changed = path.join(scratch, "schema.prisma");
    writeFileSync(changed, `${renderSchema(provider)}\nmodel DriftProbe {\n  id Int @id\n}\n`);
    expect(pendingMigrationSql(provider, changed)).toMatch(/CREATE TABLE "DriftProbe"/);
  });
});
