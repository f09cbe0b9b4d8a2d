import { describe, expect, it } from "vitest";
import { citationName, citedNames, unresolvedCitations } from "./citations";

describe("citations", () => {
  it("reads the names a text cites and normalizes a source name as a marker can cite it", () => {
    expect(citedNames("Ran it.(Citation: Acme 2026)(Citation: Beta Labs )")).toEqual(["Acme 2026", "Beta Labs"]);
    expect(citationName(" Acme (EU)   2026 ")).toBe("Acme EU 2026");
  });

  it("names each cited source no reference carries, once", () => {
    const refs = [{ sourceName: "Acme 2026" }, { sourceName: "Notes (internal)" }];
    expect(unresolvedCitations("A.(Citation: Acme 2026) B.(Citation: Notes internal)", refs)).toEqual([]);
    expect(unresolvedCitations("A.(Citation: Gamma) B.(Citation: Gamma)(Citation: Acme 2026)", refs)).toEqual([
      "Gamma",
    ]);
  });
});
