// The OpenAPI document as the reference page (app/docs/api) shows it: operations grouped by tag, each JSON Schema
// summed up in a line ("string, 1–120 characters"), a body's nested fields flattened to dotted names. Pure.
import type { OpenApiDocument } from "./openapi";

type Schema = Record<string, unknown>;

export interface FieldRow {
  /** Dotted: `references[].url`, `actor.proposed.name`. */
  name: string;
  type: string;
  required: boolean;
  description?: string;
}

export interface OperationView {
  /** The anchor: the operation id. */
  id: string;
  method: string;
  /** The full path, `/api/v1/observations/{id}`. */
  path: string;
  summary: string;
  description?: string;
  public: boolean;
  parameters: (FieldRow & { in: string })[];
  body: FieldRow[];
  /** The success answers. */
  responses: { status: string; description: string }[];
  /** The error statuses (each explained once on the page: ERROR_DESCRIPTIONS). */
  errors: string[];
}

export interface TagView {
  name: string;
  description: string;
  operations: OperationView[];
}

const LARGEST_SAFE = Number.MAX_SAFE_INTEGER;

function range(min: unknown, max: unknown, unit: string): string | null {
  const lo = typeof min === "number" ? min : null;
  const hi = typeof max === "number" && max !== LARGEST_SAFE ? max : null;
  if (lo !== null && hi !== null) return lo === hi ? `${lo} ${unit}` : `${lo}–${hi} ${unit}`;
  const one = (n: number) => (n === 1 ? unit.replace(/s$/, "") : unit);
  if (hi !== null) return `at most ${hi} ${one(hi)}`;
  if (lo !== null && lo > 0) return `at least ${lo} ${one(lo)}`;
  return null;
}

/** One line for a JSON Schema: its type and constraints, e.g. `string, 20–5000 characters` or `one of: a, b`. */
export function describeSchema(schema: Schema): string {
  const parts: string[] = [];
  if (Array.isArray(schema.enum)) parts.push(`one of: ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  else if ("const" in schema) parts.push(`exactly ${JSON.stringify(schema.const)}`);
  else if (Array.isArray(schema.anyOf)) parts.push((schema.anyOf as Schema[]).map(describeSchema).join(" or "));
  else if (schema.type === "array") {
    const items = (schema.items ?? {}) as Schema;
    parts.push(`array of ${items.type === "object" ? "objects" : describeSchema(items)}`);
    const count = range(schema.minItems, schema.maxItems, "items");
    if (count) parts.push(count);
  } else if (schema.type === "object") {
    const values = schema.additionalProperties;
    parts.push(
      values && typeof values === "object" && !schema.properties
        ? `object of ${describeSchema(values as Schema)}`
        : Array.isArray(schema.required) && schema.properties
          ? `object {${Object.keys(schema.properties as Schema).join(", ")}}`
          : "object",
    );
  } else if (schema.type === "integer" || schema.type === "number") {
    parts.push(schema.type === "integer" ? "whole number" : "number");
    if (schema.exclusiveMinimum === 0) parts.push("> 0");
    const bounds = range(schema.minimum, schema.maximum, "");
    if (bounds) parts.push(bounds.trim());
  } else if (schema.type === "string") {
    parts.push(schema.format ? `string (${schema.format})` : "string");
    const length = range(schema.minLength, schema.maxLength, "characters");
    if (length) parts.push(length);
    // In backticks: the page shows it as code (a pattern holds no backtick).
    if (typeof schema.pattern === "string") parts.push(`matching \`${schema.pattern}\``);
  } else if (typeof schema.type === "string") parts.push(schema.type);
  else parts.push("any");
  if ("default" in schema) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(", ");
}

const MAX_DEPTH = 3;

/**
 * A body's fields, nested objects (in arrays and in variants too) as dotted rows after their parent. A variant's
 * own fields say so (`note`): `actor.id` is required only in the form `{id}`.
 */
export function flattenFields(schema: Schema, prefix = "", depth = 0, note?: string): FieldRow[] {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).flatMap(([key, field]) => {
    const name = prefix + key;
    const description = [note, field.description].filter((d) => typeof d === "string").join(" ");
    const row: FieldRow = {
      name,
      type: describeSchema(field),
      required: required.has(key),
      ...(description ? { description } : {}),
    };
    if (depth >= MAX_DEPTH) return [row];
    const items = field.type === "array" ? ((field.items ?? {}) as Schema) : null;
    const nested = [
      ...(field.properties ? flattenFields(field, `${name}.`, depth + 1) : []),
      ...(items?.properties ? flattenFields(items, `${name}[].`, depth + 1) : []),
      ...((field.anyOf ?? []) as Schema[])
        .filter((variant) => variant.properties)
        .flatMap((variant) =>
          flattenFields(variant, `${name}.`, depth + 1, `In the form {${Object.keys(variant.properties as Schema)}}.`),
        ),
    ];
    return [row, ...nested];
  });
}

interface RawOperation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security?: unknown[];
  parameters: { name: string; in: string; required: boolean; description?: string; schema: Schema }[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
  responses: Record<string, { description: string }>;
}

/** The document's operations by tag, in the tags' order, each in the order the document lists it. */
export function referenceView(doc: OpenApiDocument): TagView[] {
  const base = doc.servers[0].url;
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, RawOperation>).map(([method, op]) => ({ path, method, op })),
  );
  return doc.tags.map((tag) => ({
    name: tag.name,
    description: tag.description,
    operations: operations
      .filter(({ op }) => op.tags.includes(tag.name))
      .map(({ path, method, op }) => ({
        id: op.operationId,
        method: method.toUpperCase(),
        path: base + path,
        summary: op.summary,
        ...(op.description ? { description: op.description } : {}),
        public: Array.isArray(op.security) && op.security.length === 0,
        parameters: op.parameters.map((p) => ({
          name: p.name,
          in: p.in,
          type: describeSchema(p.schema),
          required: p.required,
          ...(p.description ? { description: p.description } : {}),
        })),
        body: op.requestBody ? flattenFields(op.requestBody.content["application/json"].schema) : [],
        responses: Object.entries(op.responses)
          .filter(([status]) => Number(status) < 400)
          .map(([status, r]) => ({ status, description: r.description })),
        errors: Object.keys(op.responses).filter((status) => Number(status) >= 400),
      })),
  }));
}
