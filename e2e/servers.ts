// Extra app servers for specs that need another configuration than the suite's webServer: each runs
// server.ts (as `npm start` does) from the existing build, on its own SQLite file and outbox under
// data/e2e-outbox-<name>/, with SMTP_URL unset unless given. Ports 3211-3219 belong to these.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { SERVER_NODE_ARGS } from "../lib/server-args";

const ROOT = path.resolve(__dirname, "..");

export interface ServerOptions {
  name: string;
  port: number;
  /** Added to (and overriding) the defaults below; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Prepare the database first as the suite's is (e2e/prepare.ts: catalog, one user and API token per role). */
  prepare?: boolean;
  /** Start on what an earlier server of this name left (a restart), instead of a fresh folder. */
  keep?: boolean;
}

export interface SpawnedServer {
  port: number;
  dir: string;
  outboxDir: string;
  output(): string;
  stop(): Promise<void>;
  /** `kill -9`: no shutdown of any kind; resolves once the process is gone. */
  crash(): Promise<void>;
}

function serverEnv({ name, port, env = {} }: ServerOptions): NodeJS.ProcessEnv {
  const dir = `data/e2e-outbox-${name}`;
  const merged: Record<string, string | undefined> = {
    ...process.env,
    SMTP_URL: undefined,
    APP_ENV: undefined,
    TRUST_PROXY: undefined,
    DATABASE_URL: `file:./${dir}/app.db`,
    DATA_DIR: dir,
    OUTBOX_DIR: `${dir}/outbox`,
    NEXTAUTH_SECRET: "e2e-secret-not-for-production",
    NEXT_TELEMETRY_DISABLED: "1",
    HOST: "127.0.0.1",
    PORT: String(port),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    ...env,
  };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
}

function launch(options: ServerOptions): { child: ChildProcess; output: () => string; dir: string } {
  const dir = path.join(ROOT, `data/e2e-outbox-${options.name}`);
  if (!options.keep) rmSync(dir, { recursive: true, force: true });
  if (options.prepare) {
    execFileSync(process.execPath, ["--import", "tsx", "e2e/prepare.ts"], { cwd: ROOT, env: serverEnv(options) });
  }
  // One node process (no npx wrapper): killing it frees the port.
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, "--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: serverEnv(options),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (chunk) => (text += chunk));
  child.stderr?.on("data", (chunk) => (text += chunk));
  return { child, output: () => text, dir };
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function listening(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Starts a server and resolves once it answers /sign-in; rejects with its output if it exits first. */
export async function startServer(options: ServerOptions): Promise<SpawnedServer> {
  const { child, output, dir } = launch(options);
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`server ${options.name} exited (${code}):\n${output()}`))),
  );
  const ready = (async () => {
    while (child.exitCode === null && child.signalCode === null) {
      const ok = await fetch(`http://127.0.0.1:${options.port}/sign-in`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  await Promise.race([ready, exited]);
  exited.catch(() => {});
  return {
    port: options.port,
    dir,
    outboxDir: path.join(dir, "outbox"),
    output,
    stop: () => signal("SIGTERM"),
    crash: () => signal("SIGKILL"),
  };

  function signal(name: NodeJS.Signals) {
    return new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(name);
    });
  }
}

/** Runs a server that is expected to refuse to start; resolves with its exit code and output. */
export function runServerToExit(options: ServerOptions): Promise<{ code: number | null; output: string }> {
  const { child, output } = launch(options);
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output: output() })));
}
