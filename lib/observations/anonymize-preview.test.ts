import { describe, expect, it } from "vitest";
import { cannotKeep, fieldLabel, scrubbedReferenceFields, splitTerms, toggled } from "./anonymize-preview";

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

describe("cannotKeep", () => {
  it("refuses private addresses and internal names, whatever their case, and allows public ones", () => {
    for (const value of ["10.1.2.3", "192.168.0.9", "DC01.Corp.Local", "jdoe@corp.local", "localhost"])
      expect(cannotKeep(value), value).toBe(true);
    for (const value of ["45.33.32.156", "update-cdn.net", "evil@update-cdn.net"])
      expect(cannotKeep(value), value).toBe(false);
  });
});

describe("scrubbedReferenceFields", () => {
  it("keys the non-public references' texts by path, skipping public ones and blanks", () => {
    expect(
      scrubbedReferenceFields([
        { sourceName: "Vendor blog", description: "Published analysis", public: true },
        { sourceName: "IR notes", description: "  ", public: false },
        { sourceName: "", description: "Ticket about 45.33.32.156" },
      ]),
    ).toEqual({ "references.1.sourceName": "IR notes", "references.2.description": "Ticket about 45.33.32.156" });
  });
});
