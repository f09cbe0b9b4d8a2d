import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { MAX_PAGE, parseTaxiiQuery, queryFingerprint } from "./query";

const parse = (query: string, endpoint: "objects" | "versions" = "objects") =>
  parseTaxiiQuery(endpoint, new URLSearchParams(query));

function refusal(query: string): string {
  try {
    parse(query);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
    return (error as AppError).message;
  }
  throw new Error(`${query} was accepted`);
}

describe("parseTaxiiQuery", () => {
  it("defaults: the server's page size, latest versions, no filters", () => {
    expect(parse("")).toEqual({
      limit: MAX_PAGE,
      addedAfter: null,
      ids: null,
      types: null,
      versions: { first: false, last: true, all: false, at: [] },
      specVersions: null,
      next: null,
    });
  });

  it("caps limit at the server's page size and refuses what is not a positive number", () => {
    expect(parse("limit=2").limit).toBe(2);
    expect(parse(`limit=${MAX_PAGE * 10}`).limit).toBe(MAX_PAGE);
    for (const bad of ["0", "-1", "two", "1.5", ""]) expect(refusal(`limit=${bad}`)).toMatch(/limit/);
  });

  it("refuses an added_after that is not a STIX timestamp, naming the format", () => {
    expect(parse("added_after=2026-11-28T08:00:00.123456Z").addedAfter).toBe("2026-11-28T08:00:00.123456000Z");
    for (const bad of [
      "yesterday",
      "2026-11-28",
      "2026-11-28T08:00:00+01:00",
      "2026-02-30T00:00:00Z",
      "2026-11-28T24:00:00Z",
    ]) {
      expect(refusal(`added_after=${encodeURIComponent(bad)}`)).toMatch(/added_after .* STIX timestamp/);
    }
  });

  it("reads comma-separated and repeated match filters, and refuses malformed values", () => {
    expect(parse("match[type]=tool,malware&match[type]=tool").types).toEqual(["malware", "tool"]);
    expect(parse("match[version]=first,2026-01-01T00:00:00Z").versions).toEqual({
      first: true,
      last: false,
      all: false,
      at: ["2026-01-01T00:00:00.000000000Z"],
    });
    expect(refusal("match[version]=newest")).toMatch(/match\[version\]/);
    expect(refusal("match[id]=indicator--nope")).toMatch(/STIX id/);
    expect(refusal("match[type]=Attack Pattern")).toMatch(/STIX type/);
    expect(refusal("match[spec_version]=latest")).toMatch(/STIX version/);
    expect(refusal("match[type]=tool,,malware")).toMatch(/empty value/);
    expect(refusal("next=")).toMatch(/next is empty/);
  });

  it("gives the versions endpoint every version and no id or type filter", () => {
    const q = parse("match[type]=tool&match[version]=first", "versions");
    expect(q.types).toBeNull();
    expect(q.versions.all).toBe(true);
  });

  it("fingerprints the filters but not the page size or position", () => {
    const fp = (query: string) => queryFingerprint("objects:c", parse(query));
    expect(fp("limit=2&match[type]=tool")).toBe(fp("limit=5&next=x&match[type]=tool"));
    expect(fp("match[type]=tool")).not.toBe(fp("match[type]=malware"));
    expect(fp("")).not.toBe(fp("added_after=2026-01-01T00:00:00Z"));
    expect(queryFingerprint("objects:c", parse(""))).not.toBe(queryFingerprint("manifest:c", parse("")));
  });
});
