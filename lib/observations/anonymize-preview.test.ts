import { describe, expect, it } from "vitest";
import { fieldLabel, splitTerms, toggled } from "./anonymize-preview";

describe("the preview's keep list and terms", () => {
  it("adds a value once and removes every spelling of it", () => {
    expect(toggled(["a.example.org"], "45.33.32.156", true)).toEqual(["a.example.org", "45.33.32.156"]);
    expect(toggled(["Evil.COM", "45.33.32.156"], "evil.com", true)).toEqual(["45.33.32.156", "evil.com"]);
    expect(toggled(["Evil.COM", "45.33.32.156"], "evil.com", false)).toEqual(["45.33.32.156"]);
    expect(toggled([], "x", false)).toEqual([]);
  });

  it("reads terms one per line, trimmed, without blanks or repeats", () => {
    expect(splitTerms(" Contoso \n\nJane Roe\nContoso\n")).toEqual(["Contoso", "Jane Roe"]);
    expect(splitTerms("")).toEqual([]);
  });

  it("names reference fields as people read them", () => {
    expect(fieldLabel("references.0.description")).toBe("reference 1 citation");
    expect(fieldLabel("references.2.sourceName")).toBe("reference 3 source name");
    expect(fieldLabel("procedure")).toBe("procedure");
  });
});
