import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  buildOpenApiDocument,
  errorStatuses,
  HTTP_METHODS,
  openApiDocument,
  operationId,
  pathParams,
  type ApiOperation,
} from "./openapi";
import { parseCatalogQuery } from "../attack/catalog";
import { parseLayerQuery } from "../catalog/layer-service";
import { AppError } from "../errors";
import { ZObservationInput } from "../observations/schema";
import { parseQueueParams } from "../review/queue-params";
import { API_OPERATIONS } from "./openapi-routes";

const API_DIR = join(import.meta.dirname, "../../app/api/v1");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === "route.ts" ? [path] : [];
  });
}

/** "GET /observations/{id}" for each HTTP method each app/api/v1/**\/route.ts exports. */
function routesInApp(): string[] {
  return routeFiles(API_DIR).flatMap((file) => {
    const dir = relative(API_DIR, file).split(sep).slice(0, -1);
    const path = "/" + dir.map((part) => part.replace(/^\[(.+)\]$/, "{$1}")).join("/");
    const source = readFileSync(file, "utf8");
    return HTTP_METHODS.filter((method) =>
      new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b`).test(source),
    ).map((method) => `${method} ${path}`);
  });
}

function routesInDocument(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

  it("lists exactly the routes and methods app/api/v1 exports", () => {
    const inApp = routesInApp();
    expect(inApp.length).toBeGreaterThan(20);
    expect(inApp).toContain("GET /observations/{id}");
    expect(inApp).toContain("GET /releases/{id}/bundle.json");
    expect(routesInDocument(doc).sort()).toEqual(inApp.sort());
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(doc) as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("holds only valid JSON Schema 2020-12 schemas", () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const schemas: unknown[] = [doc.components.schemas.Error];
    for (const item of Object.values(doc.paths)) {
      for (const op of Object.values(item) as { parameters: { schema: unknown }[]; requestBody?: unknown }[]) {
        schemas.push(...op.parameters.map((p) => p.schema));
        const body = op.requestBody as { content: { "application/json": { schema: unknown } } } | undefined;
        if (body) schemas.push(body.content["application/json"].schema);
      }
    }
    for (const schema of schemas) expect(ajv.validateSchema(schema as object), ajv.errorsText()).toBe(true);
  });

  it("describes a body with the service's own schema", () => {
    const post = doc.paths["/observations"].post as {
      requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown> } } } };
    };
    const properties = post.requestBody.content["application/json"].schema.properties;
    expect(Object.keys(properties).sort()).toEqual(Object.keys(ZObservationInput.shape).sort());
    expect(properties.procedure).toMatchObject({ type: "string", minLength: 20, maxLength: 5000 });
    expect(properties.tlp).toMatchObject({ enum: ["CLEAR", "GREEN", "AMBER"], default: "CLEAR" });
  });

  it("gives query parameters their schema, and required only when undefined is refused", () => {
    const diff = doc.paths["/observations/{id}/revisions/diff"].get as {
      parameters: { name: string; in: string; required: boolean; schema: { pattern?: string } }[];
    };
    expect(diff.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ["id", "path", true],
      ["from", "query", true],
      ["to", "query", true],
    ]);
    const audit = doc.paths["/audit"].get as { parameters: { name: string; required: boolean }[] };
    expect(audit.parameters.find((p) => p.name === "limit")).toMatchObject({ required: false });
  });

  it("documents the error envelope and the security of every operation", () => {
    const queue = doc.paths["/queue"].get as { responses: Record<string, { content?: object }>; security?: [] };
    expect(Object.keys(queue.responses).sort()).toEqual(["200", "400", "401", "403", "429"]);
    expect(queue.responses["401"].content).toEqual({
      "application/json": { schema: { $ref: "#/components/schemas/Error" } },
    });
    expect(queue.security).toBeUndefined(); // the document's default: bearer token or session cookie
    expect(doc.security).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
    expect((doc.paths["/openapi.json"].get as { security: [] }).security).toEqual([]);
  });
});

describe("operations", () => {
  const op = (over: Partial<ApiOperation>): ApiOperation => ({
    method: "POST",
    path: "/things/{id}/do",
    tag: "Review",
    summary: "Do",
    ok: { status: 200, description: "Done." },
    ...over,
  });

  it("imply their error statuses from their shape", () => {
    expect(errorStatuses(op({ method: "GET", path: "/things" }))).toEqual([401, 403, 429]);
    expect(errorStatuses(op({ body: z.object({ version: z.number() }) }))).toEqual([400, 401, 403, 404, 409, 413, 429]);
    expect(errorStatuses(op({ method: "GET", path: "/doc", public: true }))).toEqual([]);
  });

  it("name their path parameters and get unique operation ids", () => {
    expect(pathParams("/releases/{id}/bundle.json")).toEqual(["id"]);
    expect(operationId(op({ method: "GET", path: "/releases/{id}/bundle.json" }))).toBe("getReleasesByIdBundle");
    const ids = API_OPERATIONS.map(operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("refuse a method listed twice", () => {
    expect(() => buildOpenApiDocument([op({}), op({})])).toThrow("POST /things/{id}/do is listed twice");
  });

  it("document every path parameter they name", () => {
    for (const entry of API_OPERATIONS) {
      for (const name of pathParams(entry.path)) expect(entry.params?.[name], `${entry.path} {${name}}`).toBeTruthy();
    }
  });
});

describe("query strings described by hand", () => {
  // Their parsers are hand-written (no zod schema to reuse): each documented name must be one the parser reads,
  // so a bad value for it is a 400 naming it. Free-text parameters (accepting anything) are listed apart.
  const cases: [string, (params: URLSearchParams) => unknown, string[]][] = [
    ["/queue", parseQueueParams, []],
    ["/catalog/layer", parseLayerQuery, []],
    ["/catalog/search", parseCatalogQuery, ["q"]],
  ];
  for (const [path, parse, anyValue] of cases) {
    it(`GET ${path}`, () => {
      const query = API_OPERATIONS.find((o) => o.path === path && o.method === "GET")!.query!;
      for (const name of Object.keys(query.shape).filter((n) => !anyValue.includes(n))) {
        let error: unknown;
        try {
          parse(new URLSearchParams({ [name]: "§bad" }));
        } catch (e) {
          error = e;
        }
        expect(error, name).toBeInstanceOf(AppError);
        expect((error as AppError).issues?.[0]?.path, name).toBe(name);
      }
    });
  }
});
