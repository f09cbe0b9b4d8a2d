// The production server (server.ts on `npm run build`'s output, as `npm start` runs it) started on a throwaway
// database and outbox, for the benchmarks that time routes over HTTP (lib/load/load.bench.ts,
// lib/review/queue.bench.ts). Rate limits are lifted (RATE_LIMITS=off), as README says to for load runs.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SERVER_NODE_ARGS } from "../server-args";

const ROOT = path.resolve(__dirname, "../..");

export interface BuiltServer {
  origin: string;
  stop(): Promise<void>;
}

export function hasProductionBuild(): boolean {
  return existsSync(path.join(ROOT, ".next", "BUILD_ID"));
}

/**
 * Starts server.ts on `databaseUrl` with the flags `npm start` gives it and waits until it answers; `extraNodeArgs`
 * go before the script (profiling).
 */
export async function startBuiltServer(
  databaseUrl: string,
  port: number,
  extraNodeArgs: string[] = [],
): Promise<BuiltServer> {
  if (!hasProductionBuild()) {
    throw new Error("No production build: run `npm run build` first (this part starts server.ts on it).");
  }
  const origin = `http://127.0.0.1:${port}`;
  const outbox = mkdtempSync(path.join(tmpdir(), "pe-bench-outbox-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    NEXTAUTH_URL: origin,
    NEXTAUTH_SECRET: "bench-run-secret-not-for-production",
    OUTBOX_DIR: outbox,
    RATE_LIMITS: "off",
    DIGEST: "off",
    NODE_ENV: "production",
  };
  // Mail goes to the throwaway outbox: no SMTP server of the machine is ever written to.
  delete env.SMTP_URL;
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, ...extraNodeArgs, "--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(outbox, { recursive: true, force: true });
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server exited (${child.exitCode}):\n${output}`);
    }
    const ok = await fetch(`${origin}/sign-in`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { origin, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGKILL");
  await stop();
  throw new Error(`The server did not answer on port ${port} within 120 s:\n${output}`);
}
