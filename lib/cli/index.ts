// `npm run cli -- <command> [options]`: administration without the web UI.
// Each command's module is loaded when it runs: `start` pulls in Next.js, which an import does not need.
import { createDb, type Db } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { isAppError } from "../errors";

const COMMANDS: Record<string, { run: (args: string[], db: Db) => Promise<number>; help: string }> = {
  start: {
    run: async (...a) => (await import("./start")).startCommand(...a),
    help: "start   migrate, offer to import the catalog, build if needed, serve on PORT",
  },
  "attack:import": {
    run: async (...a) => (await import("./attack-import")).attackImportCommand(...a),
    help: "attack:import <file|url> [--version 18.1] [--domain enterprise-attack]   import an ATT&CK STIX bundle (v6.3 on)",
  },
  "user:create": {
    run: async (...a) => (await import("./user-create")).userCreateCommand(...a),
    help: "user:create --email E --role CONTRIBUTOR|REVIEWER|ADMIN   create a user (or set its role)",
  },
  "user:role": {
    run: async (...a) => (await import("./user-create")).userCreateCommand(...a),
    help: "user:role --email E --role R   change a user's role",
  },
  "token:create": {
    run: async (...a) => (await import("./token-create")).tokenCreateCommand(...a),
    help: "token:create --email E [--name N]   create a personal API token",
  },
  "release:export": {
    run: async (...a) => (await import("./release-export")).releaseExportCommand(...a),
    help: "release:export <release id> --out <folder> --as <admin e-mail>   export a release (freezing it) into a folder",
  },
  "digest:send": {
    run: async (...a) => (await import("./digest-send")).digestSendCommand(...a),
    help: "digest:send [--now ISO]   mail the reviewers' e-mail digests that are due (the server does it hourly)",
  },
  "db:backup": {
    run: async (...a) => (await import("./db-backup")).dbBackupCommand(...a),
    help: "db:backup <file>   copy the whole database into a new file (SQLite online backup; pg_dump for PostgreSQL)",
  },
  "db:restore": {
    run: async (...a) => (await import("./db-backup")).dbRestoreCommand(...a),
    help: "db:restore <file> [--force]   put a db:backup file back (--force: replace a database that holds data)",
  },
  "mail:send": {
    run: async (...a) => (await import("./mail-send")).mailSendCommand(...a),
    help: "mail:send [--retry-failed]   send the queued mail that is due now (the server does it continuously)",
  },
  seed: {
    run: async (...a) => (await import("./seed")).seedCommand(...a),
    help: "seed --observations N [--force]   demo/benchmark observations (refuses a database with real users)",
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    if (name && name !== "help" && name !== "--help") console.error(`Unknown command "${name}".`);
    console.error(
      `Usage: npm run cli -- <command>\n\n${Object.values(COMMANDS)
        .map((c) => `  ${c.help}`)
        .join("\n")}`,
    );
    return name && name !== "help" && name !== "--help" ? 2 : 0;
  }
  await migrateDatabase();
  const db = createDb();
  try {
    return await command.run(args, db);
  } catch (error) {
    console.error(isAppError(error) ? error.message : `Failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
