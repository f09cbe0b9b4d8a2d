// Renders prisma/<provider>/schema.prisma from the one model definition in prisma/models.prisma.
// `npm run db:schemas` writes them; lib/db/schema-drift.test.ts fails when they are stale.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const PROVIDERS = ["sqlite", "postgres"] as const;
export type Provider = (typeof PROVIDERS)[number];

const root = path.resolve(__dirname, "..");

export function renderSchema(provider: Provider): string {
  const models = readFileSync(path.join(root, "models.prisma"), "utf8");
  const header = `// GENERATED from prisma/models.prisma by \`npm run db:schemas\`. Do not edit.

generator client {
  provider   = "prisma-client-js"
  output     = "./client"
  engineType = "client"
}

datasource db {
  provider = "${provider === "sqlite" ? "sqlite" : "postgresql"}"
  url      = env("DATABASE_URL")
}
`;
  return `${header}\n${models.replace(/^(\/\/.*\n)+\n/, "")}`;
}

export function schemaPath(provider: Provider): string {
  return path.join(root, provider, "schema.prisma");
}

if (require.main === module) {
  for (const provider of PROVIDERS) {
    writeFileSync(schemaPath(provider), renderSchema(provider));
    console.log(`wrote ${path.relative(process.cwd(), schemaPath(provider))}`);
  }
}
