// The URL parameters of TAXII 2.1's object endpoints (§3.4), read into one checked shape. Each endpoint
// reads only the filters the spec gives it; the rest are ignored, as the spec lets servers do.
import { AppError } from "../errors";
import { timestampKey } from "./timestamp";

export const MAX_PAGE = 1000;

export type Endpoint = "objects" | "manifest" | "object" | "versions";

const FILTERS: Record<Endpoint, readonly ("id" | "type" | "version" | "spec_version")[]> = {
  objects: ["id", "type", "version", "spec_version"],
  manifest: ["id", "type", "version", "spec_version"],
  object: ["version", "spec_version"],
  versions: ["spec_version"],
};

export interface VersionMatch {
  first: boolean;
  last: boolean;
  all: boolean;
  /** Timestamp keys (lib/taxii/timestamp). */
  at: string[];
}

export interface TaxiiQuery {
  /** Objects per page: the client's `limit`, capped at MAX_PAGE. */
  limit: number;
  addedAfter: string | null;
  ids: string[] | null;
  types: string[] | null;
  versions: VersionMatch;
  specVersions: string[] | null;
  next: string | null;
}

const STIX_ID = /^[a-z][a-z0-9-]*--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STIX_TYPE = /^[a-z][a-z0-9-]*$/;
const SPEC_VERSION = /^\d+\.\d+$/;

function bad(message: string): AppError {
  return new AppError("VALIDATION", message);
}

/** A comma-separated (or repeated) parameter's values, or null when absent. */
function listParam(params: URLSearchParams, name: string): string[] | null {
  const raw = params.getAll(name);
  if (raw.length === 0) return null;
  const values = raw.flatMap((v) => v.split(",")).map((v) => v.trim());
  if (values.some((v) => v === "")) throw bad(`${name} has an empty value: give a comma-separated list.`);
  return [...new Set(values)].sort();
}

function checked(values: string[] | null, name: string, pattern: RegExp, what: string): string[] | null {
  const wrong = values?.find((v) => !pattern.test(v));
  if (wrong !== undefined) throw bad(`${name} value "${wrong.slice(0, 80)}" is not ${what}.`);
  return values;
}

function versionMatch(values: string[] | null): VersionMatch {
  // No match[version] means the latest version of each object (§3.4).
  if (!values) return { first: false, last: true, all: false, at: [] };
  const match: VersionMatch = { first: false, last: false, all: false, at: [] };
  for (const value of values) {
    if (value === "first" || value === "last" || value === "all") match[value] = true;
    else {
      const key = timestampKey(value);
      if (!key) {
        throw bad(
          `match[version] value "${value.slice(0, 80)}" is not "first", "last", "all" or a STIX timestamp such as 2026-11-28T08:00:00.000Z.`,
        );
      }
      match.at.push(key);
    }
  }
  return match;
}

function limitParam(raw: string | null): number {
  if (raw === null) return MAX_PAGE;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) {
    throw bad(`limit "${raw.slice(0, 40)}" is not a positive whole number: ask for 1 to ${MAX_PAGE} objects per page.`);
  }
  // More than the server gives per page: the server may return fewer; `more`/`next` carry on.
  return Math.min(Number(raw), MAX_PAGE);
}

export function parseTaxiiQuery(endpoint: Endpoint, params: URLSearchParams): TaxiiQuery {
  const allowed = new Set(FILTERS[endpoint]);
  const addedAfterRaw = params.get("added_after");
  const addedAfter = addedAfterRaw === null ? null : timestampKey(addedAfterRaw);
  if (addedAfterRaw !== null && !addedAfter) {
    throw bad(
      `added_after "${addedAfterRaw.slice(0, 80)}" is not a STIX timestamp: use UTC with a Z, e.g. 2026-11-28T08:00:00.000Z (the X-TAXII-Date-Added-Last header of your previous response).`,
    );
  }
  const next = params.get("next");
  if (next !== null && next.trim() === "")
    throw bad("next is empty: send the `next` value of the previous page, or leave it out.");
  return {
    limit: limitParam(params.get("limit")),
    addedAfter,
    ids: allowed.has("id")
      ? checked(listParam(params, "match[id]"), "match[id]", STIX_ID, "a STIX id (type--uuid)")
      : null,
    types: allowed.has("type")
      ? checked(listParam(params, "match[type]"), "match[type]", STIX_TYPE, "a STIX type such as attack-pattern")
      : null,
    versions: allowed.has("version") ? versionMatch(listParam(params, "match[version]")) : versionMatch(["all"]),
    specVersions: allowed.has("spec_version")
      ? checked(
          listParam(params, "match[spec_version]"),
          "match[spec_version]",
          SPEC_VERSION,
          "a STIX version such as 2.1",
        )
      : null,
    next,
  };
}

/**
 * What a `next` token is bound to: the endpoint, the collection (and object) and every filter, but not
 * `limit` (a client may change its page size between pages).
 */
export function queryFingerprint(scope: string, query: TaxiiQuery): string {
  const { addedAfter, ids, types, versions, specVersions } = query;
  return JSON.stringify([scope, addedAfter, ids, types, versions, specVersions]);
}
