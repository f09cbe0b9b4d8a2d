import { describe, expect, it } from "vitest";
import { observationInput } from "../../prisma/factories";
import { PLATFORMS_MAX, REFERENCES_MAX, ZObservationInput } from "./schema";

const issueOn = (overrides: Record<string, unknown>, path: string) => {
  const result = ZObservationInput.safeParse({ ...observationInput(), ...overrides });
  return result.error?.issues.find((i) => i.path.join(".") === path)?.message;
};

describe("the observation schema's structured fields", () => {
  it("stores any code of a NAICS range as the range's first code", () => {
    const parsed = ZObservationInput.parse({ ...observationInput(), sector: "45" });
    expect(parsed.sector).toBe("44");
  });

  it("accepts the optional fields empty", () => {
    const parsed = ZObservationInput.parse(observationInput());
    expect([parsed.detectionType, parsed.privilegeLevel, parsed.confidence, parsed.sector]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it.each([
    [{ platforms: Array.from({ length: PLATFORMS_MAX + 1 }, (_, i) => `P${i}`) }, "platforms", "At most 20 platforms."],
    [{ platforms: [" "] }, "platforms.0", "Remove the empty platform."],
    [{ sector: "5" }, "sector", "Use a 2-digit NAICS sector code (e.g. 52 for Finance and Insurance)."],
    [{ country: "de" }, "country", "Use an ISO 3166 two-letter country code (e.g. DE)."],
    [{ detectionSource: "ml" }, "detectionSource", "Use one of human-validated, automated."],
    [{ region: "EU" }, "region", "Use one of AFRINIC, APNIC, ARIN, LACNIC, RIPE NCC."],
    [{ observedFrom: "2024-02-30" }, "observedFrom", "No such month or day in the calendar."],
    [{ keep: Array.from({ length: 101 }, (_, i) => `t${i}`) }, "keep", "At most 100 terms."],
    [
      { references: Array.from({ length: REFERENCES_MAX + 1 }, () => observationInput().references[0]) },
      "references",
      "At most 20 references.",
    ],
  ])("%j → %s: %s", (overrides, path, message) => {
    expect(issueOn(overrides, path)).toBe(message);
  });
});
