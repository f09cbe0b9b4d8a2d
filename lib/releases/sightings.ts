// sightings.json and sightings.csv of an exported release (DESIGN §6): its accepted UNATTRIBUTED observations that
// are TLP:CLEAR, in the CTID Sightings Ecosystem v2.0 field set (data/sightings2-schema.json: additionalProperties
// false; required version, id, start_time, detection_type, tid). An unattributed observation is not a procedure
// example, so it never enters the ATT&CK bundle; this is where it goes. Pure: same rows ⇒ same bytes.
//
// What must stay true:
// - Only TLP:CLEAR (tlpAllows(…, "public")); GREEN and AMBER never appear, not even counted.
// - Only the schema's fields, each only when its value fits the schema (fail closed: an odd stored value is left
//   out, never passed on). v2.0 dropped end_time, size and attribution because they could re-identify a victim:
//   so there is no "last seen" here, and no free text at all.
// - start_time is a day (the observation's "observed from", else the day it was submitted), never a time of day.
import { stringify } from "csv-stringify/sync";
import { v5 as uuidv5 } from "uuid";
import { REGIONS } from "../observations/schema";
import { tlpAllows } from "../observations/tlp";
import { EXPORT_NAMESPACE } from "./stix";

export const SIGHTINGS_VERSION = "2.0";

export interface TSightingRow {
  publicId: string;
  status: string;
  tlp: string;
  actorKind: string;
  techniqueAttackId: string;
  observedFrom: Date | null;
  submittedAt: Date | null;
  createdAt: Date;
  detectionType: string | null; // host | network | cloud (where it was detected)
  detectionSource: string | null; // human-validated | automated (who confirmed it)
  privilegeLevel: string | null;
  platforms: unknown; // stored JSON: ATT&CK platform names
  sector: string | null;
  country: string | null;
  region: string | null;
}

/** One sighting, keys in the schema's order. */
export interface TSighting {
  version: typeof SIGHTINGS_VERSION;
  id: string;
  start_time: string;
  detection_type: "human_validated" | "raw";
  tid: string[];
  detection_source?: "host_based" | "network_based" | "cloud_based";
  sector?: string;
  country?: string;
  region?: string;
  platform?: "windows" | "macos" | "nix" | "other";
  privilege_level?: "system" | "admin" | "user" | "none";
}

// Our vocabulary → CTID's. Note the crossing: our "detection type" is where (CTID detection_source) and our
// "detection source" is who confirmed it (CTID detection_type).
const DETECTION_SOURCE = { host: "host_based", network: "network_based", cloud: "cloud_based" } as const;
const DETECTION_TYPE = { "human-validated": "human_validated", automated: "raw" } as const;
// "unknown" is not CTID's "none" (no privileges at all): left out.
const PRIVILEGE = { user: "user", administrator: "admin", system: "system" } as const;
const PLATFORM: Record<string, TSighting["platform"]> = { windows: "windows", macos: "macos", linux: "nix" };
const TID = /^T\d{4}(\.\d{3})?$/;

const pick = <T extends Record<string, string>>(map: T, key: string | null): T[keyof T] | undefined =>
  key !== null && Object.hasOwn(map, key) ? map[key as keyof T] : undefined;

/** One CTID platform for the observation's platforms: their common value, "other" for non-desktop ones, else none. */
function platformOf(platforms: unknown): TSighting["platform"] {
  const list = Array.isArray(platforms) ? platforms.filter((p): p is string => typeof p === "string") : [];
  const mapped = new Set(list.map((p) => PLATFORM[p.trim().toLowerCase()] ?? "other"));
  return mapped.size === 1 ? [...mapped][0] : undefined;
}

const day = (d: Date) => `${d.toISOString().slice(0, 10)}T00:00:00Z`;

/** Whether a release row is a public sighting: accepted (or published), unattributed, TLP:CLEAR. */
export function isPublicSighting(row: Pick<TSightingRow, "status" | "tlp" | "actorKind">): boolean {
  return (
    (row.status === "ACCEPTED" || row.status === "PUBLISHED") &&
    row.actorKind === "UNATTRIBUTED" &&
    tlpAllows(row.tlp, "public")
  );
}

export function toSighting(row: TSightingRow): TSighting | null {
  if (!isPublicSighting(row) || !TID.test(row.techniqueAttackId)) return null;
  const sighting: TSighting = {
    version: SIGHTINGS_VERSION,
    // A UUID (v5: deterministic) per observation, so a re-download or a later release names it the same way.
    id: uuidv5(`sighting:${row.publicId}`, EXPORT_NAMESPACE),
    start_time: day(row.observedFrom ?? row.submittedAt ?? row.createdAt),
    // Unconfirmed by a person, as far as anyone said: "raw" claims less than "human_validated".
    detection_type: pick(DETECTION_TYPE, row.detectionSource) ?? "raw",
    tid: [row.techniqueAttackId],
  };
  const source = pick(DETECTION_SOURCE, row.detectionType);
  if (source) sighting.detection_source = source;
  if (row.sector && /^[0-9]{2}$/.test(row.sector)) sighting.sector = row.sector;
  // Country or region, never both ("only submit region if not submitting country").
  if (row.country && /^[A-Za-z]{2}$/.test(row.country)) sighting.country = row.country;
  else if (row.region && (REGIONS as readonly string[]).includes(row.region)) sighting.region = row.region;
  const platform = platformOf(row.platforms);
  if (platform) sighting.platform = platform;
  const privilege = pick(PRIVILEGE, row.privilegeLevel);
  if (privilege) sighting.privilege_level = privilege;
  return sighting;
}

/** The release's public sightings, in observation order (rows in any order give the same list). */
export function buildSightings(rows: readonly TSightingRow[]): TSighting[] {
  return [...rows]
    .sort((a, b) => (a.publicId < b.publicId ? -1 : a.publicId > b.publicId ? 1 : 0))
    .flatMap((row) => toSighting(row) ?? []);
}

/** A JSON array of v2.0 sighting objects (the schema takes one object or an array); `[]` when there are none. */
export function serializeSightingsJson(sightings: readonly TSighting[]): string {
  return `${JSON.stringify(sightings, null, 2)}\n`;
}

export const SIGHTINGS_CSV_COLUMNS = [
  "version",
  "id",
  "start_time",
  "detection_type",
  "tid",
  "detection_source",
  "sector",
  "country",
  "region",
  "platform",
  "privilege_level",
] as const;

/**
 * RFC 4180 CSV with a header row, one sighting a line; several techniques are separated by ";" in `tid`. Cells that
 * a spreadsheet would run as a formula (=, +, -, @ first) are escaped, and quoting is csv-stringify's.
 */
export function serializeSightingsCsv(sightings: readonly TSighting[]): string {
  const records = sightings.map((s) =>
    SIGHTINGS_CSV_COLUMNS.map((column) => {
      const value = s[column];
      return Array.isArray(value) ? value.join(";") : (value ?? "");
    }),
  );
  return stringify(records, {
    header: true,
    columns: [...SIGHTINGS_CSV_COLUMNS],
    record_delimiter: "windows",
    escape_formulas: true,
  });
}
