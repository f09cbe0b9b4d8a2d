// Shared by the role × route matrix (authz-matrix.integration.test.ts) and the fuzzers (fuzz*.integration.test.ts):
// the app's entry points found on disk, a seeded world with one user per role, in-process calls of route handlers
// and server actions with the session resolved by next-auth itself, and a per-table fingerprint of the database.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { makeActor, observationInput } from "../../prisma/factories";
import { seedFixtureCatalog } from "../attack/catalog.fixture";
import { changeUser } from "../auth/admin-users";
import type { Actor, Role } from "../auth/permissions";
import { createApiToken } from "../auth/tokens";
import type { Db } from "../db/client";
import type { TestDb } from "../db/testing";
import { HTTP_STATUS, type ErrorCode } from "../errors";
import { saveDraft } from "../observations/drafts";
import { createObservation, editObservation } from "../observations/service";
import { createRelease, exportRelease } from "../releases/service";
import { addComment } from "../review/comments";
import { transitionObservation } from "../review/workflow";
import { ALL_COLLECTION_ID } from "../taxii/collections";
import { SESSION_COOKIE, withSession } from "./authz-matrix-session";

export const APP_DIR = path.resolve(import.meta.dirname, "../../app");
export const APP_URL = "http://localhost:3000";

// ---------------------------------------------------------------------------------------------------------------
// The entry points, from the file system: a route file, page or action file added later is found here.

export interface RouteFile {
  /** e.g. "/api/v1/observations/[id]/transitions" (route groups dropped, dynamic segments kept). */
  route: string;
  file: string;
  methods: string[];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** "app/(review)/queue/[id]/page.tsx" → "/queue/[id]". */
export function routeOf(file: string): string {
  const parts = path
    .relative(APP_DIR, path.dirname(file))
    .split(path.sep)
    .filter((p) => p && !/^\(.*\)$/.test(p));
  return "/" + parts.join("/");
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export function routeFiles(): RouteFile[] {
  return walk(APP_DIR)
    .filter((f) => path.basename(f) === "route.ts")
    .map((file) => {
      const source = readFileSync(file, "utf8");
      const methods = HTTP_METHODS.filter((m) =>
        new RegExp(`export\\s+(const|async function|function)\\s+${m}\\b|export\\s*\\{[^}]*\\b${m}\\b`).test(source),
      );
      return { route: routeOf(file), file, methods };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

export interface ActionFile {
  /** e.g. "(review)/queue/[id]/actions.ts" relative to app/. */
  file: string;
  exports: string[];
}

/** Every file whose first statement is "use server", with its exported async functions. */
export function actionFiles(): ActionFile[] {
  return walk(APP_DIR)
    .filter((f) => /\.tsx?$/.test(f) && /^\s*["']use server["']/.test(readFileSync(f, "utf8")))
    .map((f) => ({
      file: path.relative(APP_DIR, f),
      exports: [...readFileSync(f, "utf8").matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => m[1]),
    }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

// ---------------------------------------------------------------------------------------------------------------
// Who calls: one session cookie and one API token per user. The session is resolved by next-auth's own
// getServerSession (the tests mock only where it reads the cookie from: next/headers has no request here).

export const CALLERS = [
  "anonymous",
  "contributorA",
  "contributorB",
  "reviewer",
  "reviewer2",
  "admin",
  "deactivated",
] as const;
export type Caller = (typeof CALLERS)[number];
export type Door = "session" | "token";

export interface Credentials {
  actor: Actor;
  sessionToken: string;
  apiToken: string;
}

export interface World {
  users: Record<Exclude<Caller, "anonymous">, Credentials>;
  /** contributor A's observation, claimed by `reviewer` (IN_REVIEW), with a SHARED comment. */
  obsA: string;
  /** contributor A's accepted observation, in the exported release. */
  obsAccepted: string;
  /** An OPEN release (enterprise-attack) and an EXPORTED one. */
  openRelease: string;
  exportedRelease: string;
  collectionId: string;
  stixObjectId: string;
  /** A finished job contributor A started (only A and admins see it), and a failed one (admins retry it). */
  jobA: string;
  failedJob: string;
}

// A fresh session lasts next-auth's maxAge (30 days): a shorter one would be extended (written) by every call.
const SESSION_DAYS = 30;

async function signedIn(db: Db, role: Role, name: string): Promise<Credentials> {
  const actor = await makeActor(db, role, `${name.toLowerCase()}-${randomBytes(3).toString("hex")}@authz.test`);
  const sessionToken = randomBytes(24).toString("hex");
  await db.session.create({
    data: { sessionToken, userId: actor.id, expires: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000) },
  });
  const { token } = await createApiToken(db, actor.id, "authz");
  return { actor, sessionToken, apiToken: token };
}

/** Empties the database, then builds the fixture catalog and the world every cell starts from. */
export async function seedWorld(t: TestDb): Promise<World> {
  const db = t.db;
  await t.reset();
  await seedFixtureCatalog(db);
  const users = {
    contributorA: await signedIn(db, "CONTRIBUTOR", "contributorA"),
    contributorB: await signedIn(db, "CONTRIBUTOR", "contributorB"),
    reviewer: await signedIn(db, "REVIEWER", "reviewer"),
    reviewer2: await signedIn(db, "REVIEWER", "reviewer2"),
    admin: await signedIn(db, "ADMIN", "admin"),
    deactivated: await signedIn(db, "ADMIN", "deactivated"),
  };
  const { contributorA, reviewer, admin, deactivated } = users;
  // Deactivated the way an admin does it (which ends its sessions); its session row is put back afterwards, as a
  // session that outlived the deactivation (a restored backup, a race): it must not let the account in either.
  await changeUser(admin.actor, deactivated.actor.id, { deactivated: true }, db);
  await db.session.create({
    data: {
      sessionToken: deactivated.sessionToken,
      userId: deactivated.actor.id,
      expires: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000),
    },
  });

  // A proposed actor: the fixture catalog's objects carry no STIX body to credit or name in a sentence.
  const accepted = await createObservation(
    contributorA.actor,
    observationInput({
      actor: {
        proposed: {
          type: "malware",
          name: "LoaderX",
          aliases: [],
          description: "A modular loader seen in intrusions against banks since 2025.",
        },
      },
    }),
    db,
  );
  let v = accepted.observation.version;
  const obsAccepted = accepted.observation.id;
  v = (await transitionObservation(reviewer.actor, obsAccepted, { action: "claim", version: v }, db)).version;
  await transitionObservation(reviewer.actor, obsAccepted, { action: "accept", version: v }, db);
  const exported = await createRelease(
    admin.actor,
    { name: "Exported", domain: "enterprise-attack", attackVersion: "18.1" },
    db,
  );
  await exportRelease(admin.actor, exported.id, db);
  const open = await createRelease(
    admin.actor,
    { name: "Open", domain: "enterprise-attack", attackVersion: "18.1" },
    db,
  );
  // Accepted now, so it joins the OPEN release (which therefore has something to export).
  const joining = await createObservation(
    contributorA.actor,
    observationInput({
      actor: {
        proposed: {
          type: "tool",
          name: "StagerY",
          aliases: [],
          description: "A small stager seen with LoaderX in 2026.",
        },
      },
    }),
    db,
  );
  v = (await transitionObservation(reviewer.actor, joining.observation.id, { action: "claim", version: 1 }, db))
    .version;
  await transitionObservation(reviewer.actor, joining.observation.id, { action: "accept", version: v }, db);
  await saveDraft(contributorA.actor, { procedure: "half-written notes about a loader." }, db);

  const created = await createObservation(
    contributorA.actor,
    observationInput({ actor: { id: "G0016" }, technique: "T1003.001" }),
    db,
  );
  const obsA = created.observation.id;
  const claimed = await transitionObservation(
    reviewer.actor,
    obsA,
    { action: "claim", version: created.observation.version },
    db,
  );
  // An edit, so that there is an earlier revision to compare with and revert to.
  await editObservation(
    reviewer.actor,
    obsA,
    { version: claimed.version, procedure: "used LSASS memory dumping on a finance workstation.", reason: "tidy" },
    db,
  );
  await addComment(reviewer.actor, obsA, { body: "Which host family was this?", visibility: "SHARED" }, db);

  const bundle = JSON.parse((await db.release.findUniqueOrThrow({ where: { id: exported.id } })).bundle ?? "{}");
  const stixObjectId: string = bundle.objects.find((o: { type: string }) => o.type === "relationship").id;
  const jobA = await db.job.create({
    data: { kind: "test", payload: {}, status: "DONE", result: { ok: true }, createdById: contributorA.actor.id },
  });
  const failedJob = await db.job.create({
    data: { kind: "test", key: "k", payload: {}, status: "FAILED", error: "It broke.", createdById: admin.actor.id },
  });
  return {
    jobA: jobA.id,
    failedJob: failedJob.id,
    users,
    obsA,
    obsAccepted,
    openRelease: open.id,
    exportedRelease: exported.id,
    collectionId: ALL_COLLECTION_ID,
    stixObjectId,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Calls.

export interface Call {
  caller: Caller;
  door: Door;
}

function credentials(world: World, { caller, door }: Call): { sessionToken?: string; authorization?: string } {
  if (caller === "anonymous") return {};
  const c = world.users[caller];
  return door === "session" ? { sessionToken: c.sessionToken } : { authorization: `Bearer ${c.apiToken}` };
}

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export interface HttpCall extends Call {
  method: string;
  /** The route file's module (imported by the test). */
  module: Record<string, unknown>;
  /** The concrete path, already percent-encoded as a client would send it. */
  url: string;
  params: Record<string, string | string[]>;
  body?: string | Uint8Array;
  contentType?: string;
  accept?: string;
}

export async function callRoute(world: World, call: HttpCall): Promise<Response> {
  const handler = call.module[call.method] as Handler | undefined;
  if (!handler) throw new Error(`${call.url} exports no ${call.method}`);
  const { sessionToken, authorization } = credentials(world, call);
  const headers: Record<string, string> = { host: "localhost:3000" };
  if (authorization) headers.authorization = authorization;
  if (sessionToken) {
    headers.cookie = `${SESSION_COOKIE}=${sessionToken}`;
    // What the app's own pages send with a write (lib/http/origin refuses cross-site cookie writes).
    headers.origin = APP_URL;
    headers["sec-fetch-site"] = "same-origin";
  }
  if (call.body !== undefined) headers["content-type"] = call.contentType ?? "application/json";
  if (call.accept) headers.accept = call.accept;
  const request = new Request(APP_URL + call.url, {
    method: call.method,
    headers,
    ...(call.body !== undefined ? { body: call.body as BodyInit } : {}),
  });
  return withSession(sessionToken, () => handler(request, { params: Promise.resolve(call.params) }));
}

export interface ActionResultLike {
  ok: boolean;
  error?: { code: string; message: string };
}

/** A server action's outcome as the HTTP status its error code maps to (200 for ok, 500 for INTERNAL). */
export function actionStatus(result: unknown): number {
  const r = result as ActionResultLike;
  if (r && r.ok === true) return 200;
  const code = r?.error?.code;
  if (code && code in HTTP_STATUS) return HTTP_STATUS[code as ErrorCode];
  return 500;
}

/** Runs a server action as this caller (server actions have only the session door). */
export async function callAction(
  world: World,
  caller: Caller,
  action: (...args: unknown[]) => Promise<unknown>,
  args: unknown[],
): Promise<number> {
  const sessionToken = caller === "anonymous" ? undefined : world.users[caller].sessionToken;
  try {
    return actionStatus(await withSession(sessionToken, () => action(...args)));
  } catch (error) {
    // Next's control flow (redirect, notFound) escapes runAction on purpose; anything else is a crash.
    const digest = (error as { digest?: string })?.digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return 303;
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) return Number(digest.split(";")[1]);
    console.error("[authz] action threw", String((error as Error)?.stack ?? error).slice(0, 1_000));
    return 500;
  }
}
