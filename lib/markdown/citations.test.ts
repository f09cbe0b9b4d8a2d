import { describe, expect, it } from "vitest";
import { splitCitations, stripCitations } from "./citations";

describe("splitCitations", () => {
  it("cuts ATT&CK's inline citations into markers, keeping the text around them", () => {
    const text =
      "[APT29](https://attack.mitre.org/groups/G0016) has used encoded PowerShell commands.(Citation: Mandiant No Easy Breach)(Citation: FireEye APT29 Nov 2018) Later too.";
    expect(splitCitations(text)).toEqual([
      { type: "text", value: "[APT29](https://attack.mitre.org/groups/G0016) has used encoded PowerShell commands." },
      { type: "citation", name: "Mandiant No Easy Breach" },
      { type: "citation", name: "FireEye APT29 Nov 2018" },
      { type: "text", value: " Later too." },
    ]);
  });

  it("trims the name and accepts a space or none after the colon", () => {
    expect(splitCitations("x (Citation:Foo ) y")).toEqual([
      { type: "text", value: "x " },
      { type: "citation", name: "Foo" },
      { type: "text", value: " y" },
    ]);
  });

  it("leaves text without citations, and malformed ones, as one text part", () => {
    expect(splitCitations("plain text")).toEqual([{ type: "text", value: "plain text" }]);
    for (const text of ["(Citation: )", "(Citation: unclosed", "(Citation: a (b) c)", "(citation: lower)"])
      expect(splitCitations(text)).toEqual([{ type: "text", value: text }]);
    expect(splitCitations("")).toEqual([]);
  });
});

describe("stripCitations", () => {
  it("removes every marker and nothing else", () => {
    expect(stripCitations("ran x.(Citation: A)(Citation: B) then y")).toBe("ran x.   then y");
  });
});
