import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, countryLabel, countryOptions, isCountryCode, naicsSector, sectorLabel } from "./victimology";

describe("NAICS sectors", () => {
  it("names a sector by its code", () => {
    expect(sectorLabel("52")).toBe("52 Finance and Insurance");
    expect(sectorLabel("92")).toBe("92 Public Administration");
  });

  it("maps every code of a range to the range's first code", () => {
    expect(["31", "32", "33"].map((c) => naicsSector(c)?.code)).toEqual(["31", "31", "31"]);
    expect(naicsSector("45")?.code).toBe("44");
    expect(naicsSector("49")?.code).toBe("48");
    expect(sectorLabel("31")).toBe("31-33 Manufacturing");
  });

  it("knows no sector for codes NAICS does not use", () => {
    expect(["10", "34", "50", "99"].map(naicsSector)).toEqual([undefined, undefined, undefined, undefined]);
    expect(sectorLabel("99")).toBe("99");
  });
});

describe("countries", () => {
  it("holds the 249 ISO 3166-1 alpha-2 codes, each named by Intl.DisplayNames", () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(countryOptions().every((c) => c.name !== c.code)).toBe(true);
  });

  it("refuses region codes that are not countries", () => {
    expect(isCountryCode("DE")).toBe(true);
    expect(["EU", "UN", "UK", "XK", "ZZ", "de"].some(isCountryCode)).toBe(false);
  });

  it("labels a stored code with its name", () => {
    expect(countryLabel("DE")).toBe("DE Germany");
    expect(countryOptions()[0]).toEqual({ code: "AF", name: "Afghanistan" });
  });
});
