// The OpenAPI 3.1 document of /api/v1, built from the zod schemas the services parse their input with (zod 4's
// toJSONSchema emits JSON Schema 2020-12, which is OpenAPI 3.1's own dialect). What each route does lives in one
// table (lib/http/openapi-routes.ts); this module turns it into the document. No Next.js; it reads no database.
import { z } from "zod";
import { HTTP_STATUS, type ErrorCode } from "../errors";
import { MAX_BODY_BYTES } from "./api";
import { API_OPERATIONS } from "./openapi-routes";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429;

/** The tags, in the order the reference page shows them. */
export const API_TAGS = {
  Observations: "Submitting, reading, editing and purging observations.",
  Review: "The reviewers' side: the queue, transitions, remapping, duplicates and revisions.",
  Drafts: "The caller's own autosaved submit-form draft.",
  Catalog: "The imported ATT&CK catalog: search, changes, procedure examples and Navigator layers.",
  Anonymizer: "Previewing what the anonymizer replaces; nothing is stored.",
  Releases: "Releases and their STIX 2.1 bundles.",
  Administration: "People and the audit log (admins).",
  Meta: "This document.",
} as const;
export type ApiTag = keyof typeof API_TAGS;

/** One route and method. Adding a route is one entry in API_OPERATIONS. */
export interface ApiOperation {
  method: HttpMethod;
  /** Under /api/v1, path parameters written `{id}`. */
  path: string;
  tag: ApiTag;
  summary: string;
  description?: string;
  /** What each path parameter names. */
  params?: Record<string, string>;
  /** The query parameters: each field of the object is one (optional when it accepts undefined). */
  query?: z.ZodObject;
  /** The JSON body, as the service parses it. */
  body?: z.ZodType;
  ok: {
    status: 200 | 201 | 202 | 204;
    description: string;
    /** A file offered as a download (Content-Disposition: attachment). */
    download?: boolean;
    /** The answer's JSON shape, where a zod schema describes it (fields it does not name may be present too). */
    schema?: z.ZodType;
  };
  /** Error statuses beyond those its shape implies (see errorStatuses). */
  errors?: ErrorStatus[];
  /** Answered without authentication (it reveals no data). */
  public?: boolean;
}

export const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: "VALIDATION: the input is not valid; `issues` lists each field (`path`) with what is wrong.",
  401: "UNAUTHENTICATED: no session and no bearer token, or the token is unknown, malformed or revoked.",
  403: "FORBIDDEN: your role may not do this, or a write relying on the session cookie came from another origin.",
  404: "NOT_FOUND: nothing with this id, or nothing you may see (TLP).",
  409: "CONFLICT or INVALID_STATE: a stale `version` (the error carries the current state), or a state that does not allow this.",
  413: `PAYLOAD_TOO_LARGE: the body is over ${MAX_BODY_BYTES / 1024} KB.`,
  429: "RATE_LIMITED: past a rate limit; the `Retry-After` header and `retryAfterSeconds` say when to come back.",
};

const ERROR_CODES = Object.keys(HTTP_STATUS) as [ErrorCode, ...ErrorCode[]];

/** The envelope of every error answer (lib/http/api.ts errorResponse). */
export const ZApiError = z.object({
  error: z
    .object({
      code: z.enum(ERROR_CODES),
      message: z.string().describe("What was wrong and how to fix it."),
      issues: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .describe("One entry per invalid field (`references.0.url`, or `(body)`)."),
    })
    .catchall(z.unknown())
    .describe("Some errors carry more: `replacement`, `current`, `retryAfterSeconds`."),
});

/** Path parameters of a path: `/observations/{id}/purge` → ["id"]. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}

/** The statuses an operation can fail with: implied by its shape, plus its own. */
export function errorStatuses(op: ApiOperation): ErrorStatus[] {
  const implied = new Set<ErrorStatus>(op.errors ?? []);
  if (!op.public) [401, 403, 429].forEach((s) => implied.add(s as ErrorStatus));
  if (op.body || op.query || pathParams(op.path).length) implied.add(400);
  if (op.body) implied.add(413);
  if (pathParams(op.path).length) implied.add(404);
  if (op.body instanceof z.ZodObject && "version" in op.body.shape) implied.add(409);
  return [...implied].sort((a, b) => a - b);
}

type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12, as a client must send it (io: input; refinements cannot be expressed). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  return rest;
}

function queryParameters(query: z.ZodObject) {
  return Object.entries(query.shape).map(([name, field]) => {
    const { description, ...schema } = jsonSchemaOf(field as z.ZodType);
    return {
      name,
      in: "query",
      required: !(field as z.ZodType).safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema,
    };
  });
}

/** Lower camel case of the method and path: `postObservationsByIdTransitions`. */
export function operationId(op: ApiOperation): string {
  const words = op.path
    .replace(/\.json$/, "")
    .split(/[/.\-_]/)
    .filter(Boolean)
    .map((w) => (w.startsWith("{") ? `by-${w.slice(1, -1)}` : w))
    .flatMap((w) => w.split("-"));
  return op.method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}

function operationObject(op: ApiOperation) {
  const errorResponses = Object.fromEntries(
    errorStatuses(op).map((status) => [
      String(status),
      {
        description: ERROR_DESCRIPTIONS[status],
        ...(status === 429
          ? { headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } }
          : {}),
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      },
    ]),
  );
  const ok = {
    description: op.ok.description,
    ...(op.ok.download
      ? { headers: { "Content-Disposition": { description: "attachment; filename=…", schema: { type: "string" } } } }
      : {}),
    ...(op.ok.status === 204
      ? {}
      : { content: { "application/json": op.ok.schema ? { schema: jsonSchemaOf(op.ok.schema) } : {} } }),
  };
  return {
    operationId: operationId(op),
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.public ? { security: [] } : {}),
    parameters: [
      ...pathParams(op.path).map((name) => ({
        name,
        in: "path",
        required: true,
        description: op.params?.[name] ?? name,
        schema: { type: "string", minLength: 1 },
      })),
      ...(op.query ? queryParameters(op.query) : []),
    ],
    ...(op.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchemaOf(op.body) } } } }
      : {}),
    responses: { [String(op.ok.status)]: ok, ...errorResponses },
  };
}

export function buildOpenApiDocument(operations: readonly ApiOperation[] = API_OPERATIONS) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const item = (paths[op.path] ??= {});
    if (item[op.method.toLowerCase()]) throw new Error(`${op.method} ${op.path} is listed twice`);
    item[op.method.toLowerCase()] = operationObject(op);
  }
  return {
    openapi: "3.1.1",
    info: {
      title: "Procedure Exchange API",
      version: "1",
      description:
        "Contribute anonymized ATT&CK procedure observations, review them and export them as STIX 2.1. " +
        "Every error is `{ error: { code, message, issues? } }`. Writes relying on the session cookie must come " +
        "from the app's own origin; scripts send a personal API token instead.",
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    tags: Object.entries(API_TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: { Error: jsonSchemaOf(ZApiError) },
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description:
            "A personal API token: create one on /profile or with `npm run cli -- token:create --email <you>`.",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description:
            "The browser session after signing in (`__Secure-next-auth.session-token` over https). " +
            "A write with it must carry the app's own `Origin`.",
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

let cached: OpenApiDocument | undefined;

/** The document, built once per process: it depends on the code only. */
export function openApiDocument(): OpenApiDocument {
  return (cached ??= buildOpenApiDocument());
}
