// The second validator of every export: the OASIS STIX 2.1 JSON schemas (JSON Schema 2020-12), checked with ajv.
// MITRE's data model (validate.ts) knows ATT&CK's rules; these know STIX's own (identifier and timestamp formats,
// required properties, the bundle envelope). An object is held to the schema of its type; a custom type such as
// x-mitre-collection has no schema of its own and is held to common/core.json, as the schemas' README says.
//
// The schemas are read from disk, never fetched: STIX_SCHEMAS_DIR, or ../shared/stix/oasis-stix21-json-schemas/schemas
// beside the project (README "Configuration"). Without them nothing is exported: an unvalidated bundle is never offered.
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { AppError } from "../errors";
import type { BundleIssue } from "./types";

const DEFAULT_DIR = "../shared/stix/oasis-stix21-json-schemas/schemas";

/** Schema file (relative to the schemas folder) for each STIX type an export may hold. */
const SCHEMA_OF_TYPE: Record<string, string> = {
  relationship: "sros/relationship.json",
  sighting: "sros/sighting.json",
  "intrusion-set": "sdos/intrusion-set.json",
  malware: "sdos/malware.json",
  tool: "sdos/tool.json",
  campaign: "sdos/campaign.json",
  identity: "sdos/identity.json",
  "attack-pattern": "sdos/attack-pattern.json",
  "marking-definition": "common/marking-definition.json",
};
const CUSTOM_TYPE_SCHEMA = "common/core.json";
const BUNDLE_SCHEMA = "common/bundle.json";

export function stixSchemasDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.STIX_SCHEMAS_DIR?.trim() || DEFAULT_DIR);
}

export interface OasisValidator {
  /** Issues of one STIX object against the schema of its type (custom types: core.json). */
  object(obj: Record<string, unknown>): Omit<BundleIssue, "objectId" | "type">[];
  /** Issues of the bundle's envelope (its type and id) against bundle.json. */
  envelope(bundle: Record<string, unknown>): Omit<BundleIssue, "objectId" | "type">[];
}

const cache = new Map<string, OasisValidator>();

/** The validator for the schemas in `dir` (compiled once per folder and process). */
export function oasisValidator(dir = stixSchemasDir()): OasisValidator {
  let validator = cache.get(dir);
  if (!validator) cache.set(dir, (validator = compile(dir)));
  return validator;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return jsonFiles(full);
    return entry.name.endsWith(".json") ? [full] : [];
  });
}

function compile(dir: string): OasisValidator {
  if (!existsSync(path.join(dir, CUSTOM_TYPE_SCHEMA))) {
    throw new AppError(
      "INVALID_STATE",
      `The OASIS STIX 2.1 JSON schemas are not in ${dir}, so the bundle cannot be validated and nothing is exported. ` +
        "Set STIX_SCHEMAS_DIR to the schemas folder of https://github.com/oasis-open/cti-stix2-json-schemas (branch stix2.1).",
    );
  }
  // strict off: the published schemas use annotations ajv's strict mode does not know. allErrors: every problem
  // of an object is reported, not only the first. unicodeRegExp off: their patterns escape "-" outside a class
  // (`\-?$`), which JavaScript refuses under the u flag.
  // idn-hostname (observables only) has no checker in ajv-formats: accepted as is.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false, formats: { "idn-hostname": true } });
  addFormats(ajv);
  const idOf = new Map<string, string>();
  for (const file of jsonFiles(dir)) {
    const schema = JSON.parse(readFileSync(file, "utf8")) as { $id?: string };
    if (!schema.$id) continue;
    ajv.addSchema(schema);
    idOf.set(path.relative(dir, file).split(path.sep).join("/"), schema.$id);
  }
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (relative: string) => {
    let fn = compiled.get(relative);
    if (!fn) {
      const id = idOf.get(relative);
      fn = id ? ajv.getSchema(id) : undefined;
      if (!fn) throw new Error(`The OASIS schemas in ${dir} lack ${relative}.`);
      compiled.set(relative, fn);
    }
    return fn;
  };
  // The bundle's own properties, by pointer into bundle.json: compiling bundle.json whole would compile every
  // object and observable schema for its `objects` (checked one by one above, each against its own type).
  let envelopeFn: ValidateFunction | undefined;
  const envelope = () => {
    const id = idOf.get(BUNDLE_SCHEMA);
    if (!id) throw new Error(`The OASIS schemas in ${dir} lack ${BUNDLE_SCHEMA}.`);
    const bundleSchema = ajv.getSchema(id)?.schema as { required?: string[] } | undefined;
    envelopeFn ??= ajv.compile({
      type: "object",
      required: bundleSchema?.required ?? ["type", "id"],
      properties: { type: { $ref: `${id}#/properties/type` }, id: { $ref: `${id}#/properties/id` } },
    });
    return envelopeFn;
  };
  const issues = (fn: ValidateFunction, value: unknown) => (fn(value) ? [] : describe(fn.errors ?? []));
  return {
    object(obj) {
      return issues(validatorFor(SCHEMA_OF_TYPE[String(obj.type)] ?? CUSTOM_TYPE_SCHEMA), obj);
    },
    envelope(bundle) {
      return issues(envelope(), bundle);
    },
  };
}

/** ajv's errors as "field: message" pairs; a failing branch of anyOf/oneOf says which rule it broke. */
function describe(errors: ErrorObject[]): Omit<BundleIssue, "objectId" | "type">[] {
  const seen = new Set<string>();
  const out: Omit<BundleIssue, "objectId" | "type">[] = [];
  for (const e of errors) {
    const field = e.instancePath.replace(/^\//, "").split("/").join(".");
    const extra =
      e.keyword === "required"
        ? String((e.params as { missingProperty: string }).missingProperty)
        : e.keyword === "additionalProperties"
          ? String((e.params as { additionalProperty: string }).additionalProperty)
          : "";
    const at = extra ? (field ? `${field}.${extra}` : extra) : field;
    const message = `OASIS STIX 2.1 schema: ${e.message ?? e.keyword}${e.keyword === "enum" ? ` (${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)})` : ""}`;
    const key = `${at}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field: at, message });
  }
  return out;
}
