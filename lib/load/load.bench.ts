// `npm run load` and part of `npm run bench` (issue 12 item 4): a bounded load run on loopback against the real
// server (server.ts on the production build, as `npm start` runs it), on SQLite and on PostgreSQL.
// 1. Submissions alone: 50 clients POST /api/v1/observations for LOAD_SECONDS (target: ≥ 200/s, p95 ≤ 250 ms on
//    SQLite on two cores).
// 2. The mix: 50 clients at once, submitting, reading the queue, searching the catalog and downloading an exported
//    release (bundle and Navigator layer): throughput and p95 per route, and every error counted (target: none).
// Rate limits are lifted (RATE_LIMITS=off), as README says to for load runs. Needs `npm run build` first.
import autocannon from "autocannon";
import { ENTERPRISE_18_1 } from "../../prisma/factories";
import { importCatalog } from "../attack/import";
import { createApiToken } from "../auth/tokens";
import { upsertUser } from "../auth/users";
import { record, type BenchDb } from "../bench-report";
import { seedObservations } from "../cli/seed";
import type { Db } from "../db/client";
import { createTestDb } from "../db/testing";
import { exportRelease } from "../releases/service";
import { hasProductionBuild, startBuiltServer, type BuiltServer } from "./built-server";

const PORT = Number(process.env.LOAD_PORT) || 3290;
const CLIENTS = 50;
const CONTRIBUTORS = 20;

export function loadSeconds(argv = process.argv): number {
  const env = Number(process.env.LOAD_SECONDS);
  if (Number.isInteger(env) && env > 0) return env;
  // Not shorter in --quick: in a 5 s mix on SQLite the slow routes (search, downloads) answered nothing at all, a
  // figure that says nothing; 10 s shows them.
  return argv.includes("--quick") ? 10 : 60;
}

interface Fixture {
  contributorTokens: string[];
  reviewerToken: string;
  releaseId: string;
}

/** Users with tokens, a queue to read, and one exported release of 200 observations to download. */
async function prepare(db: Db): Promise<Fixture> {
  await importCatalog(db, { path: ENTERPRISE_18_1 });
  await seedObservations(db, { observations: 2_000 });
  const contributorTokens: string[] = [];
  for (let i = 0; i < CONTRIBUTORS; i++) {
    const user = await upsertUser(db, `load-contributor-${i}@example.test`, "CONTRIBUTOR");
    contributorTokens.push((await createApiToken(db, user.id, "load")).token);
  }
  const reviewer = await upsertUser(db, "load-reviewer@example.test", "REVIEWER");
  const admin = await upsertUser(db, "load-admin@example.test", "ADMIN");
  const release = await db.release.create({
    data: { name: "Load release", domain: "enterprise-attack", attackVersion: "18.1", createdById: admin.id },
  });
  const members = await db.observation.findMany({
    where: { actorKind: { not: "UNATTRIBUTED" }, status: { in: ["SUBMITTED", "ACCEPTED"] } },
    take: 200,
    select: { id: true },
  });
  await db.observation.updateMany({
    where: { id: { in: members.map((m) => m.id) } },
    data: { status: "ACCEPTED", tlp: "CLEAR", releaseId: release.id, decidedAt: new Date() },
  });
  await exportRelease({ id: admin.id, email: admin.email, role: admin.role }, release.id, db);
  return {
    contributorTokens,
    reviewerToken: (await createApiToken(db, reviewer.id, "load")).token,
    releaseId: release.id,
  };
}

const TECHNIQUES = ["T1059.001", "T1053.005", "T1566.001", "T1071.001", "T1105", "T1027", "T1547.001", "T1003.001"];
const ACTORS = ["G0007", "G0016", "G0032", "S0154", "S0002"];
const SEARCHES = ["powershell", "T1059", "cozy bear", "APT28", "scheduled task", "t1003.001", "Lazarus", "phishing"];

interface Route {
  name: string;
  connections: number;
  requests: autocannon.Request[];
}

let counter = 0;

function submissionRoute(fixture: Fixture, connections: number): Route {
  return {
    name: "POST /api/v1/observations",
    connections,
    requests: [
      {
        method: "POST",
        path: "/api/v1/observations",
        setupRequest: (request) => {
          const n = counter++;
          return {
            ...request,
            headers: {
              "content-type": "application/json",
              authorization: `Bearer ${fixture.contributorTokens[n % fixture.contributorTokens.length]}`,
            },
            body: JSON.stringify({
              domain: "enterprise-attack",
              technique: TECHNIQUES[n % TECHNIQUES.length],
              actor: { id: ACTORS[n % ACTORS.length] },
              procedure:
                `Load run ${n}: the operator ran an encoded PowerShell command on WKS-FIN-${1000 + (n % 900)} ` +
                `as CORP\\svc_backup${n % 50}, then copied the archive to 10.20.${n % 250}.7 over SMB.`,
              references: [{ sourceName: "Load run", description: `Internal incident report ${n}.` }],
              tlp: "CLEAR",
              credit: "anonymous",
              sector: "52",
              country: "DE",
            }),
          };
        },
      },
    ],
  };
}

function mixRoutes(fixture: Fixture): Route[] {
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  let search = 0;
  return [
    submissionRoute(fixture, 20),
    {
      name: "GET /api/v1/queue",
      connections: 15,
      requests: [
        {
          method: "GET",
          setupRequest: (request) => {
            const filters = ["", "&status=NEEDS_INFO", "&technique=T1059", "&sort=newest", "&unassigned=1"];
            return {
              ...request,
              path: `/api/v1/queue?limit=50${filters[counter++ % filters.length]}`,
              headers: auth(fixture.reviewerToken),
            };
          },
        },
      ],
    },
    {
      name: "GET /api/v1/catalog/search",
      connections: 10,
      requests: [
        {
          method: "GET",
          setupRequest: (request) => ({
            ...request,
            path: `/api/v1/catalog/search?q=${encodeURIComponent(SEARCHES[search++ % SEARCHES.length]!)}`,
            headers: auth(fixture.contributorTokens[0]!),
          }),
        },
      ],
    },
    {
      name: "GET /api/v1/releases/:id/bundle.json + layer.json",
      connections: 5,
      requests: [
        {
          method: "GET",
          setupRequest: (request) => ({
            ...request,
            path: `/api/v1/releases/${fixture.releaseId}/${counter++ % 2 ? "bundle.json" : "layer.json"}`,
            headers: auth(fixture.reviewerToken),
          }),
        },
      ],
    },
  ];
}

/** One request of each route first, unmeasured: the first search builds the catalog's index, pages compile. */
async function warmUp(fixture: Fixture): Promise<void> {
  for (const route of mixRoutes(fixture)) {
    const [first] = route.requests;
    const setup = first!.setupRequest as (request: autocannon.Request, context: object) => autocannon.Request;
    const request = setup({ method: first!.method, path: first!.path ?? "/" }, {});
    const response = await fetch(`http://127.0.0.1:${PORT}${request.path}`, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: request.body as string | undefined,
    });
    if (!response.ok) throw new Error(`Warm-up ${route.name}: HTTP ${response.status} ${await response.text()}`);
  }
}

interface RouteResult {
  name: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  errors: number;
}

const percentile = (values: number[], at: number) =>
  values.length
    ? [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(at * values.length) - 1)]!
    : NaN;

/** Runs the routes' clients at once for `seconds`; per route: answered requests, rate, p50/p95 and errors. */
async function run(routes: Route[], seconds: number): Promise<RouteResult[]> {
  return Promise.all(
    routes.map(
      (route) =>
        new Promise<RouteResult>((resolve, reject) => {
          const times: number[] = [];
          let failed = 0;
          const instance = autocannon(
            {
              url: `http://127.0.0.1:${PORT}`,
              connections: route.connections,
              duration: seconds,
              requests: route.requests,
              timeout: 30,
            },
            (error, result) => {
              if (error) return reject(error);
              resolve({
                name: route.name,
                requests: times.length,
                perSecond: times.length / seconds,
                p50: percentile(times, 0.5),
                p95: percentile(times, 0.95),
                errors: failed + result.errors + result.timeouts,
              });
            },
          );
          instance.on("response", (_client, status, _bytes, ms) => {
            times.push(ms);
            if (status >= 400) failed++;
          });
        }),
    ),
  );
}

function report(provider: BenchDb, scenario: string, results: RouteResult[]) {
  for (const r of results) {
    console.log(
      `    ${r.name.padEnd(52)} ${String(r.requests).padStart(6)} answered, ${r.perSecond.toFixed(1).padStart(6)}/s, ` +
        `p50 ${r.p50.toFixed(0).padStart(5)} ms, p95 ${r.p95.toFixed(0).padStart(5)} ms, ${r.errors} errors`,
    );
    const area = `Load (${scenario})`;
    const submissions = r.name.startsWith("POST /api/v1/observations") && scenario === "submissions alone";
    const onSqlite = provider === "sqlite";
    record({
      area,
      measure: `${r.name}: throughput`,
      db: provider,
      value: r.perSecond,
      unit: "/s",
      target: submissions && onSqlite ? { at: "least", limit: 200, of: "value" } : undefined,
    });
    record({
      area,
      measure: `${r.name}: p95`,
      db: provider,
      value: r.p95,
      unit: "ms",
      target: submissions && onSqlite ? { at: "most", limit: 250, of: "value" } : undefined,
    });
    record({
      area,
      measure: `${r.name}: errors`,
      db: provider,
      value: r.errors,
      unit: "",
      target: { at: "most", limit: 0, of: "value" },
    });
  }
}

/** Both databases; `--quick` loads SQLite alone (the submission target is on SQLite), to stay in its two minutes. */
function loadProviders(argv = process.argv): BenchDb[] {
  return argv.includes("--quick") ? ["sqlite"] : ["sqlite", "postgres"];
}

export async function benchLoad(seconds = loadSeconds(), providers: readonly BenchDb[] = loadProviders()) {
  // Before the preparation, which takes a while: the run needs the build.
  if (!hasProductionBuild())
    throw new Error("No production build: run `npm run build` first (the load run starts server.ts on it).");
  for (const provider of providers) {
    process.env.TEST_DB = provider;
    const t = await createTestDb();
    let server: BuiltServer | undefined;
    try {
      const fixture = await prepare(t.db);
      // LOAD_SERVER_ARGS="--cpu-prof --cpu-prof-dir=data/prof" profiles the server (README "npm run load").
      server = await startBuiltServer(t.url, PORT, process.env.LOAD_SERVER_ARGS?.split(/\s+/).filter(Boolean));
      await warmUp(fixture);
      console.log(`  ${provider}: ${CLIENTS} clients, ${seconds} s per scenario, loopback port ${PORT}`);
      console.log("  submissions alone");
      report(provider, "submissions alone", await run([submissionRoute(fixture, CLIENTS)], seconds));
      console.log("  the mix");
      report(provider, "mix", await run(mixRoutes(fixture), seconds));
    } finally {
      await server?.stop();
      await t.drop();
    }
  }
}

if (process.argv[1]?.endsWith("load.bench.ts")) {
  const providers = process.argv.slice(2).filter((a): a is BenchDb => a === "sqlite" || a === "postgres");
  benchLoad(undefined, providers.length ? providers : undefined).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
