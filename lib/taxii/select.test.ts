import { describe, expect, it } from "vitest";
import { parseTaxiiQuery, type Endpoint } from "./query";
import { pageOf, selectRecords, type TaxiiRecord } from "./select";
import { timestampKey } from "./timestamp";

const A = "attack-pattern--00000000-0000-4000-8000-00000000000a";
const B = "relationship--00000000-0000-4000-8000-00000000000b";
const C = "intrusion-set--00000000-0000-4000-8000-00000000000c";

function record(id: string, version: string, dateAdded: string, specVersion = "2.1"): TaxiiRecord {
  return {
    id,
    type: id.split("--")[0],
    specVersion,
    version,
    versionKey: timestampKey(version)!,
    dateAdded,
    dateAddedKey: timestampKey(dateAdded)!,
    object: { id, modified: version },
  };
}

// A: two versions in two releases; B: one, added with A's first; C: one, added last.
const RECORDS = [
  record(C, "2026-03-01T00:00:00.000Z", "2026-03-02T00:00:00.000Z"),
  record(A, "2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"),
  record(B, "2026-01-01T00:00:00.000Z", "2026-01-05T00:00:00.000Z"),
  record(A, "2026-01-01T00:00:00.000Z", "2026-01-05T00:00:00.000Z"),
];

const select = (query: string, endpoint: Endpoint = "objects") =>
  selectRecords(RECORDS, parseTaxiiQuery(endpoint, new URLSearchParams(query))).map(
    (r) => `${r.id[0]}@${r.version.slice(5, 7)}`,
  );

describe("selectRecords", () => {
  it("gives the latest version of each object by default, in date-added order", () => {
    expect(select("")).toEqual(["r@01", "a@02", "i@03"]);
  });

  it("applies match[version] first, last, all and a timestamp", () => {
    expect(select("match[version]=first")).toEqual(["a@01", "r@01", "i@03"]);
    expect(select("match[version]=all")).toEqual(["a@01", "r@01", "a@02", "i@03"]);
    expect(select("match[version]=first,last")).toEqual(["a@01", "r@01", "a@02", "i@03"]);
    // Another precision of the same instant matches.
    expect(select("match[version]=2026-01-01T00:00:00Z")).toEqual(["a@01", "r@01"]);
  });

  it("applies match[id], match[type], match[spec_version]", () => {
    expect(select(`match[id]=${A}&match[version]=all`)).toEqual(["a@01", "a@02"]);
    expect(select("match[type]=relationship,intrusion-set")).toEqual(["r@01", "i@03"]);
    expect(select("match[spec_version]=2.0")).toEqual([]);
    expect(select("match[spec_version]=2.1")).toEqual(["r@01", "a@02", "i@03"]);
  });

  it("takes added_after strictly, before choosing the version", () => {
    expect(select("added_after=2026-01-05T00:00:00.000Z&match[version]=all")).toEqual(["a@02", "i@03"]);
    expect(select("added_after=2026-03-01T00:00:00Z")).toEqual(["i@03"]);
    // The first version added after the date is A's second one.
    expect(select("added_after=2026-02-01T00:00:00Z&match[version]=first")).toEqual(["a@02", "i@03"]);
  });

  it("ignores filters the endpoint does not take: versions lists every version", () => {
    expect(select(`match[type]=relationship`, "versions")).toEqual(["a@01", "r@01", "a@02", "i@03"]);
  });

  it("prefers the latest spec version of an object without match[spec_version]", () => {
    const mixed = [record(A, "2026-01-01T00:00:00.000Z", "2026-01-05T00:00:00.000Z", "2.0"), RECORDS[1]];
    const out = selectRecords(mixed, parseTaxiiQuery("objects", new URLSearchParams("match[version]=all")));
    expect(out.map((r) => r.specVersion)).toEqual(["2.1"]);
  });
});

describe("pageOf", () => {
  const sorted = selectRecords(RECORDS, parseTaxiiQuery("objects", new URLSearchParams("match[version]=all")));

  it("pages by position until none are left, each record once", () => {
    const seen: string[] = [];
    let after = null;
    for (let i = 0; i < 10; i++) {
      const page = pageOf(sorted, 3, after);
      seen.push(...page.records.map((r) => `${r.id}@${r.version}`));
      if (!page.more) {
        expect(page.last).toBeNull();
        break;
      }
      after = page.last;
    }
    expect(seen).toEqual(sorted.map((r) => `${r.id}@${r.version}`));
    expect(new Set(seen).size).toBe(4);
  });

  it("keeps its place when records are added before the position", () => {
    const first = pageOf(sorted, 2, null);
    expect(first.more).toBe(true);
    const grown = [record(B, "2025-12-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"), ...sorted];
    expect(pageOf(grown, 2, first.last).records).toEqual(sorted.slice(2, 4));
  });

  it("answers an empty page past the end", () => {
    const page = pageOf(sorted, 2, { d: "9999-01-01T00:00:00.000000000Z", i: "", v: "" });
    expect(page).toEqual({ records: [], more: false, last: null });
  });
});
