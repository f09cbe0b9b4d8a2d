// Sightings in the CTID Sightings v2.0 field set: only TLP:CLEAR unattributed rows, only the schema's fields and
// values, deterministic, and a CSV a spreadsheet reads safely.
import { describe, expect, it } from "vitest";
import {
  buildSightings,
  SIGHTINGS_CSV_COLUMNS,
  serializeSightingsCsv,
  serializeSightingsJson,
  type TSighting,
  type TSightingRow,
} from "./sightings";

const row = (over: Partial<TSightingRow> = {}): TSightingRow => ({
  publicId: "OBS-000201",
  status: "ACCEPTED",
  tlp: "CLEAR",
  actorKind: "UNATTRIBUTED",
  techniqueAttackId: "T1059.001",
  observedFrom: new Date("2026-03-01T00:00:00.000Z"),
  submittedAt: new Date("2026-04-02T10:11:12.000Z"),
  createdAt: new Date("2026-04-02T10:00:00.000Z"),
  detectionType: "host",
  detectionSource: "human-validated",
  privilegeLevel: "administrator",
  platforms: ["Windows"],
  sector: "52",
  country: "DE",
  region: null,
  ...over,
});

// The schema (center-for-threat-informed-defense/sightings_ecosystem data/sightings2-schema.json), restated.
const FIELDS = [
  "version",
  "id",
  "start_time",
  "detection_type",
  "tid",
  "hash",
  "software_name",
  "sector",
  "country",
  "region",
  "detection_source",
  "platform",
  "privilege_level",
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
function expectSchema(s: TSighting) {
  for (const key of Object.keys(s)) expect(FIELDS).toContain(key);
  expect(s.version).toBe("2.0");
  expect(s.id).toMatch(UUID);
  expect(s.start_time).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
  expect(["human_validated", "raw"]).toContain(s.detection_type);
  expect(s.tid.length).toBeGreaterThan(0);
  for (const t of s.tid) expect(t).toMatch(/^T\d{4}(\.\d{3})?$/);
  if (s.sector !== undefined) expect(s.sector).toMatch(/^[0-9]{2}$/);
  if (s.country !== undefined) expect(s.country).toMatch(/^[A-Za-z]{2}$/);
  if (s.region !== undefined) expect(["AFRINIC", "APNIC", "ARIN", "LACNIC", "RIPE NCC"]).toContain(s.region);
  expect(s.country !== undefined && s.region !== undefined).toBe(false);
  if (s.detection_source !== undefined)
    expect(["host_based", "network_based", "cloud_based"]).toContain(s.detection_source);
  if (s.platform !== undefined) expect(["windows", "macos", "nix", "other"]).toContain(s.platform);
  if (s.privilege_level !== undefined) expect(["system", "admin", "user", "none"]).toContain(s.privilege_level);
}

describe("buildSightings", () => {
  it("maps an observation to the v2.0 fields", () => {
    const [s] = buildSightings([row()]);
    expectSchema(s);
    expect(s).toEqual({
      version: "2.0",
      id: s.id,
      start_time: "2026-03-01T00:00:00Z",
      detection_type: "human_validated",
      tid: ["T1059.001"],
      detection_source: "host_based",
      sector: "52",
      country: "DE",
      platform: "windows",
      privilege_level: "admin",
    });
  });

  it("keeps only TLP:CLEAR, unattributed, accepted or published rows", () => {
    const rows = [
      row({ publicId: "OBS-000301", tlp: "GREEN" }),
      row({ publicId: "OBS-000302", tlp: "AMBER" }),
      row({ publicId: "OBS-000303", tlp: "RED" }), // unknown levels fail closed
      row({ publicId: "OBS-000304", actorKind: "EXISTING" }),
      row({ publicId: "OBS-000305", status: "IN_REVIEW" }),
      row({ publicId: "OBS-000306", status: "PUBLISHED" }),
      row({ publicId: "OBS-000307" }),
    ];
    const kept = buildSightings(rows);
    expect(kept).toHaveLength(2);
    expect(kept.map((s) => s.id)).toEqual(buildSightings([rows[5], rows[6]]).map((s) => s.id));
    expect(serializeSightingsJson(buildSightings(rows.slice(0, 5)))).toBe("[]\n");
  });

  it("leaves out what the schema cannot say, and never sends country and region together", () => {
    const [s] = buildSightings([
      row({
        observedFrom: null,
        detectionType: null,
        detectionSource: null,
        privilegeLevel: "unknown",
        platforms: ["Windows", "Linux"],
        sector: "5",
        country: null,
        region: "RIPE NCC",
      }),
    ]);
    expectSchema(s);
    // No "observed from": the day it was submitted, never a time of day; an unconfirmed detection is "raw".
    expect(s).toEqual({
      version: "2.0",
      id: s.id,
      start_time: "2026-04-02T00:00:00Z",
      detection_type: "raw",
      tid: ["T1059.001"],
      region: "RIPE NCC",
    });
    const [both] = buildSightings([row({ country: "FR", region: "RIPE NCC" })]);
    expect(both).toMatchObject({ country: "FR" });
    expect(both).not.toHaveProperty("region");
    const platform = (platforms: unknown) => buildSightings([row({ platforms })])[0].platform;
    expect([platform(["Linux"]), platform(["macOS"]), platform(["IaaS"]), platform([]), platform(null)]).toEqual([
      "nix",
      "macos",
      "other",
      undefined,
      undefined,
    ]);
    expect(buildSightings([row({ techniqueAttackId: "TA0002" })])).toEqual([]); // a tactic is no technique
  });

  it("is deterministic: same rows in any order, same ids and bytes", () => {
    const rows = [row(), row({ publicId: "OBS-000202", techniqueAttackId: "T1003" })];
    const a = serializeSightingsJson(buildSightings(rows));
    expect(serializeSightingsJson(buildSightings([...rows].reverse()))).toBe(a);
    expect(buildSightings([row()])[0].id).not.toBe(buildSightings([row({ publicId: "OBS-000202" })])[0].id);
    expect(serializeSightingsCsv(buildSightings(rows))).toBe(serializeSightingsCsv(buildSightings(rows.reverse())));
  });
});

describe("serializeSightingsCsv", () => {
  it("writes a header and one CRLF-terminated line per sighting, the schema's columns in order", () => {
    const csv = serializeSightingsCsv(
      buildSightings([row(), row({ publicId: "OBS-000202", region: "RIPE NCC", country: null })]),
    );
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(SIGHTINGS_CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(4); // header, two rows, the empty string after the last CRLF
    expect(lines[3]).toBe("");
    expect(lines[1]).toMatch(
      /^2\.0,[0-9a-f-]{36},2026-03-01T00:00:00Z,human_validated,T1059\.001,host_based,52,DE,,windows,admin$/,
    );
    expect(lines[2]).toContain(",52,,RIPE NCC,windows,");
    expect(serializeSightingsCsv([])).toBe(`${SIGHTINGS_CSV_COLUMNS.join(",")}\r\n`);
  });

  it("quotes commas, quotes and line breaks, joins several techniques, and defuses formulas", () => {
    const odd = {
      ...buildSightings([row()])[0],
      tid: ["T1059.001", "T1105"],
      sector: 'a,"b"\nc',
      country: '=HYPERLINK("http://x")',
    } as unknown as TSighting;
    const [, line] = serializeSightingsCsv([odd]).split(/\r\n(?=2\.0)/);
    expect(line).toContain(",T1059.001;T1105,");
    expect(line).toContain(',"a,""b""\nc",');
    expect(line).toContain(`,"'=HYPERLINK(""http://x"")",`);
  });
});
