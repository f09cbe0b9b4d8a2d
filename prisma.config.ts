// Prisma CLI configuration: the schema, migrations and driver adapter follow DATABASE_URL, so
// `prisma generate` / `migrate diff` work offline with the JS schema engine (no binary download).
import { defineConfig } from "prisma/config";
import { createAdapterFactory, databaseUrl, providerOf } from "./lib/db/adapter";

const url = databaseUrl();
process.env.DATABASE_URL = url;
const provider = providerOf(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `prisma/${provider}/schema.prisma`,
  migrations: { path: `prisma/${provider}/migrations` },
  adapter: async () => createAdapterFactory(url),
});
