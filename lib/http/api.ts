// The REST layer's shared plumbing: read a bounded JSON body, find the actor (bearer token or
// session cookie), and map every error to `{ error: { code, message, issues? } }` with its status.
import { actorFromToken } from "../auth/tokens";
import type { Actor } from "../auth/permissions";
import { sessionActor } from "../auth/session";
import { db } from "../db/client";
import { appUrl } from "../env";
import { maskEmailsDeep } from "../auth/email";
import { AppError, HTTP_STATUS, isAppError, type ErrorIssue } from "../errors";
import { retryAfterHeaders } from "../rate-limit";
import { appOrigins, crossSiteWriteError } from "./origin";
import { isWellFormedText } from "./well-formed";

export const MAX_BODY_BYTES = 256 * 1024;
/** No body of this API nests deeper than a few levels; the checks below recurse, so depth is bounded first. */
export const MAX_JSON_DEPTH = 64;

export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    const body = {
      error: {
        code: error.code,
        message: error.message,
        ...(error.issues ? { issues: error.issues } : {}),
        ...(error.details ?? {}),
      },
    };
    // A 429 says when to come back (RFC 9110 Retry-After, in seconds).
    return Response.json(body, { status: HTTP_STATUS[error.code], headers: retryAfterHeaders(error) });
  }
  console.error("[api] unexpected error", maskEmailsDeep(error));
  return Response.json(
    { error: { code: "INTERNAL", message: "Something went wrong on our side; it has been logged. Try again later." } },
    { status: 500 },
  );
}

export async function readJson(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  // Requiring JSON also means a cross-site form cannot post here without a CORS preflight.
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new AppError("VALIDATION", "Send the body as JSON with 'Content-Type: application/json'.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("VALIDATION", "The body is not valid UTF-8: send JSON encoded as UTF-8.");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError("VALIDATION", `The body is not valid JSON (${(error as Error).message}).`);
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
    throw new AppError(
      "VALIDATION",
      `The body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep: no request here needs that; send the fields as the API reference shows them.`,
    );
  }
  const bad = malformedTextPath(value, "");
  if (bad !== null) {
    const where = bad || "(body)";
    const message = `${where} has an invalid character (a lone UTF-16 surrogate such as \\ud800, which no text can hold): remove it or send the intended character.`;
    const issues: ErrorIssue[] = [{ path: where, message }];
    throw new AppError("VALIDATION", `The body is not valid. ${message}`, issues);
  }
  return value;
}

/** Whether a parsed JSON value nests arrays/objects deeper than `max` levels (iterative: any depth is safe). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth >= max) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The path (`a.b.0`) of the first string or key that is not well-formed UTF-16, or null. JSON escapes
 * (`"\\ud800"`) can carry lone surrogates that every later layer (database, mail, headers) chokes on.
 */
export function malformedTextPath(value: unknown, path: string): string | null {
  if (typeof value === "string") return isWellFormedText(value) ? null : path;
  if (value === null || typeof value !== "object") return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (!isWellFormedText(key)) return childPath;
    const found = malformedTextPath(child, childPath);
    if (found !== null) return found;
  }
  return null;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${Math.round(maxBytes / 1024)} KB; send less.`);
}

/**
 * Bearer token first (a present but bad token is a 401, never a silent fall-back), then the session.
 * A session-cookie write must come from this app's own pages (lib/http/origin): else 403.
 */
export async function requestActor(request: Request): Promise<Actor> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    const actor = match ? await actorFromToken(db(), match[1]) : null;
    if (!actor)
      throw new AppError(
        "UNAUTHENTICATED",
        "The API token is unknown, malformed or revoked: create a new one with `npm run cli -- token:create --email <you>`.",
      );
    return actor;
  }
  const actor = await sessionActor();
  if (!actor)
    throw new AppError("UNAUTHENTICATED", "Sign in, or send a personal API token as 'Authorization: Bearer <token>'.");
  const forged = crossSiteWriteError(request, appOrigins(request.url, process.env.NEXTAUTH_URL ? appUrl() : undefined));
  if (forged) throw forged;
  return actor;
}

/** Wraps a route handler body: whatever it throws becomes a JSON error response. */
export function apiRoute<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
