// Validates an export bundle before it is offered, object by object, with MITRE's own
// @mitre-attack/attack-data-model schemas, plus the bundle-level rules the schemas do not check.
// - stixBundleSchema is broken in 4.10.1 (its union holds an undefined member), so it is never used.
// - Imported from dist/schemas: the package root also loads the data-source code, whose 'url'
//   source crashes the process; the schema entry loads schemas only.
// - The OASIS STIX 2.1 JSON schemas check every object too (validate-oasis.ts).
// - The data model does not resolve "(Citation: X)" on relationships, nor check x_mitre_contents
//   against the objects: both are checked here, since Workbench and ATT&CK's site rely on them.
import {
  campaignSchema,
  collectionSchema,
  groupSchema,
  identitySchema,
  malwareSchema,
  markingDefinitionSchema,
  relationshipSchema,
  toolSchema,
} from "@mitre-attack/attack-data-model/dist/schemas/index.js";
import { citedNames } from "../attack/citations";
import type { BundleIssue } from "./types";
import { oasisValidator, type OasisValidator } from "./validate-oasis";

export type { BundleIssue } from "./types";

const MITRE_IDENTITY = "identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

type Issue = { path: PropertyKey[]; message: string; code?: string; keys?: string[] };
type Schema = { safeParse(value: unknown): { success: boolean; error?: { issues: readonly Issue[] } } };

/** Object types an ATT&CK export may hold, each with the data model's schema for it. */
const SCHEMAS: Record<string, Schema> = {
  relationship: relationshipSchema,
  "intrusion-set": groupSchema,
  malware: malwareSchema,
  tool: toolSchema,
  campaign: campaignSchema,
  identity: identitySchema,
  "marking-definition": markingDefinitionSchema,
  "x-mitre-collection": collectionSchema,
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function schemaIssues(obj: Obj, schema: Schema): Omit<BundleIssue, "objectId" | "type">[] {
  const result = schema.safeParse(obj);
  if (result.success) return [];
  return (result.error?.issues ?? []).flatMap((i) =>
    // A strict schema reports extra keys on the object itself: name each key as the field.
    i.code === "unrecognized_keys" && i.keys?.length
      ? i.keys.map((k) => ({ field: k, message: `Unrecognized key "${k}" (not allowed on this object type)` }))
      : [{ field: i.path.map(String).join("."), message: i.message }],
  );
}

/** Every (Citation: X) resolves to exactly one external reference named X. */
function citationIssues(obj: Obj): Omit<BundleIssue, "objectId" | "type">[] {
  const out: Omit<BundleIssue, "objectId" | "type">[] = [];
  const refs = Array.isArray(obj.external_references) ? obj.external_references.filter(isObj) : [];
  const count = new Map<string, number>();
  refs.forEach((r, i) => {
    const name = String(r.source_name).trim(); // MITRE's data has "Name " against "(Citation: Name)"
    count.set(name, (count.get(name) ?? 0) + 1);
    if (count.get(name) === 2) {
      out.push({ field: `external_references.${i}.source_name`, message: `Duplicate external reference "${name}"` });
    }
  });
  const texts: [string, unknown][] = [
    ["description", obj.description],
    ["x_mitre_first_seen_citation", obj.x_mitre_first_seen_citation],
    ["x_mitre_last_seen_citation", obj.x_mitre_last_seen_citation],
    ...refs.map((r, i): [string, unknown] => [`external_references.${i}.description`, r.description]),
  ];
  for (const [field, text] of texts) {
    if (typeof text !== "string") continue;
    for (const name of citedNames(text)) {
      if (!count.has(name))
        out.push({ field, message: `(Citation: ${name}) has no external reference named "${name}"` });
    }
  }
  return out;
}

function objectIssues(
  obj: Obj,
  ids: Map<string, string>,
  oasis: OasisValidator,
): Omit<BundleIssue, "objectId" | "type">[] {
  const schema = SCHEMAS[String(obj.type)];
  if (!schema) {
    return [{ field: "type", message: `Unknown object type "${String(obj.type)}": not part of an ATT&CK export` }];
  }
  // Citations are checked on what the platform authors. A credited copy of MITRE's object keeps
  // MITRE's text as published, and v18.1 has an actor citing a source it does not list (malware
  // aa1462a1, "Zscaler Cobain Aug 2017"): MITRE's to fix, not a reason to withhold a credit.
  // A relationship is always checked: an export that adds to one of ATT&CK's (same id, MITRE's identity) appends
  // sentences and citations of its own, and every uses relationship ATT&CK publishes resolves its citations.
  const authoredByMitre = obj.created_by_ref === MITRE_IDENTITY && obj.type !== "relationship";
  const out = [...schemaIssues(obj, schema), ...oasis.object(obj), ...(authoredByMitre ? [] : citationIssues(obj))];
  if (
    obj.type === "relationship" &&
    typeof obj.description === "string" &&
    obj.description !== obj.description.trim()
  ) {
    out.push({ field: "description", message: "Leading or trailing whitespace in the procedure description" });
  }
  // References the bundle itself must satisfy (MITRE's identity is the one allowed outside it).
  const creator = obj.created_by_ref;
  if (typeof creator === "string" && creator !== MITRE_IDENTITY && ids.get(creator) !== "identity") {
    out.push({ field: "created_by_ref", message: `created_by_ref ${creator} is not an identity in this bundle` });
  }
  const markings = Array.isArray(obj.object_marking_refs) ? obj.object_marking_refs : [];
  markings.forEach((m, i) => {
    if (ids.get(String(m)) !== "marking-definition") {
      out.push({ field: `object_marking_refs.${i}`, message: `Marking ${String(m)} is not in this bundle` });
    }
  });
  return out;
}

/** x_mitre_contents names every other object exactly once, at the version the bundle holds. */
function contentsIssues(collection: Obj, objects: Obj[]): Omit<BundleIssue, "objectId" | "type">[] {
  const out: Omit<BundleIssue, "objectId" | "type">[] = [];
  const contents = Array.isArray(collection.x_mitre_contents) ? collection.x_mitre_contents.filter(isObj) : [];
  const versions = new Map(objects.map((o) => [String(o.id), String(o.modified ?? o.created)]));
  const listed = new Set<string>();
  contents.forEach((c, i) => {
    const ref = String(c.object_ref);
    if (listed.has(ref)) out.push({ field: `x_mitre_contents.${i}.object_ref`, message: `${ref} is listed twice` });
    listed.add(ref);
    if (!versions.has(ref)) {
      out.push({ field: `x_mitre_contents.${i}.object_ref`, message: `${ref} is not in the bundle` });
    } else if (versions.get(ref) !== c.object_modified) {
      out.push({
        field: `x_mitre_contents.${i}.object_modified`,
        message: `${ref} is at ${versions.get(ref)} in the bundle, not ${String(c.object_modified)}`,
      });
    }
  });
  for (const id of versions.keys()) {
    if (!listed.has(id)) out.push({ field: "x_mitre_contents", message: `${id} is in the bundle but not listed` });
  }
  return out;
}

/**
 * Every problem of the bundle, each naming its object and field: MITRE's data model and the OASIS STIX 2.1 schemas
 * per object, then the bundle-level rules. Empty when the bundle may be offered.
 */
export function validateBundle(bundle: unknown, oasis: OasisValidator = oasisValidator()): BundleIssue[] {
  const bundleId = isObj(bundle) ? String(bundle.id) : "";
  const onBundle = (field: string, message: string): BundleIssue => ({
    objectId: bundleId,
    type: "bundle",
    field,
    message,
  });
  if (!isObj(bundle) || !Array.isArray(bundle.objects)) return [onBundle("objects", "Not a STIX bundle with objects")];
  const issues: BundleIssue[] = [];
  if (bundle.type !== "bundle") issues.push(onBundle("type", 'Expected "bundle"'));
  if (!new RegExp(`^bundle--${UUID}$`).test(bundleId)) issues.push(onBundle("id", "Expected bundle--<uuid>"));
  issues.push(...oasis.envelope(bundle).map((i) => onBundle(i.field, i.message)));

  const objects: Obj[] = [];
  bundle.objects.forEach((o, i) => {
    if (isObj(o) && typeof o.id === "string" && typeof o.type === "string") objects.push(o);
    else issues.push(onBundle(`objects.${i}`, "Not a STIX object with a string id and type"));
  });
  const ids = new Map<string, string>();
  for (const o of objects) {
    const id = String(o.id);
    if (ids.has(id)) issues.push({ objectId: id, type: String(o.type), field: "id", message: "Duplicate object id" });
    ids.set(id, String(o.type));
  }
  for (const o of objects) {
    const at = { objectId: String(o.id), type: String(o.type) };
    issues.push(...objectIssues(o, ids, oasis).map((i) => ({ ...at, ...i })));
  }

  const collections = objects.filter((o) => o.type === "x-mitre-collection");
  if (collections.length !== 1) {
    issues.push(onBundle("objects", `Expected exactly one x-mitre-collection, found ${collections.length}`));
  } else {
    const [collection] = collections;
    if (bundle.objects[0] !== collection) issues.push(onBundle("objects.0", "The x-mitre-collection must come first"));
    const at = { objectId: String(collection.id), type: "x-mitre-collection" };
    const rest = objects.filter((o) => o !== collection);
    issues.push(...contentsIssues(collection, rest).map((i) => ({ ...at, ...i })));
  }
  return issues;
}
