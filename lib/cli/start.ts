// `npm start`: the one command that runs the app on its embedded defaults. It migrates the database,
// offers to import the ATT&CK catalog when there is none, builds when the build is missing or older
// than the code, and serves through server.ts on HOST:PORT (default 127.0.0.1:3000).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { currentCatalog } from "../attack/catalog";
import { attackImportCommand } from "./attack-import";
import type { Db } from "../db/client";
import { outboxDir } from "../mail";
import { authSecret, startupProblem } from "../env";
import { SERVER_NODE_ARGS } from "../server-args";

const LOCAL_BUNDLE = path.resolve("../shared/attack/enterprise-attack-18.1.json");
const OFFICIAL_BUNDLE =
  "https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/enterprise-attack/enterprise-attack.json";
const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
const SERVER = path.resolve("server.ts");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "data") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.resolve(".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return ["app", "lib", "emails", "next.config.js", "instrumentation.ts", "proxy.ts"].some(
    (p) => existsSync(p) && (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs) > built,
  );
}

async function offerCatalog(db: Db): Promise<void> {
  if (await currentCatalog(db, "enterprise-attack")) return;
  const configured = process.env.ATTACK_BUNDLES?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  let sources = configured ?? [];
  if (!configured) {
    const suggestion = existsSync(LOCAL_BUNDLE) ? LOCAL_BUNDLE : OFFICIAL_BUNDLE;
    if (!process.stdin.isTTY) {
      console.log(`No ATT&CK catalog yet. Import one with: npm run cli -- attack:import ${suggestion}`);
      return;
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = (await rl.question(`No ATT&CK catalog yet. Import ${suggestion}? [Y/n/other file or URL] `)).trim();
    rl.close();
    if (/^n(o)?$/i.test(answer)) return;
    sources = [answer && !/^y(es)?$/i.test(answer) ? answer : suggestion];
  }
  for (const source of sources) {
    if ((await attackImportCommand([source], db)) !== 0) throw new Error(`Could not import ${source} (see above).`);
  }
}

export async function startCommand(args: string[], db: Db): Promise<number> {
  const problem = startupProblem();
  if (problem) {
    console.error(`Not starting: ${problem}`);
    return 1;
  }
  if (args.length) console.log(`Ignoring ${args.join(" ")}: set HOST and PORT instead.`);
  authSecret();
  await offerCatalog(db);
  await db.$disconnect();
  if (buildIsStale()) {
    console.log("Building the app (next build)…");
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) return build.status ?? 1;
  }
  const port = process.env.PORT ?? "3000";
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: port,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  };
  if (!process.env.SMTP_URL)
    console.log(
      `No SMTP_URL: e-mail (sign-in links included) goes to ${outboxDir()}, readable at ` +
        `${env.NEXTAUTH_URL}/dev/outbox from this machine only, and only while NEXTAUTH_URL is a localhost address.`,
    );
  console.log(`Procedure Exchange on ${env.NEXTAUTH_URL}`);
  // server.ts prints the address it listens on (HOST, default 127.0.0.1).
  const server = spawn(process.execPath, [...SERVER_NODE_ARGS, "--import", "tsx", SERVER], { stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  return new Promise((resolve) => server.on("exit", (code) => resolve(code ?? 0)));
}
