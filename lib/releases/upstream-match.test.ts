import { describe, expect, it } from "vitest";
import { templates } from "../../emails";
import { comparableUrl, upstreamRelationship, type UpstreamRelationship } from "./upstream-match";

const candidate = {
  publicId: "OBS-000042",
  actorStixId: "intrusion-set--a",
  techniqueStixId: "attack-pattern--t",
  references: [
    {
      sourceName: "Acme Labs 2026",
      url: "https://example.org/apt28",
      description: "Acme Labs. (2026, May 4). APT28 loaders.",
    },
    { sourceName: "Internal case" },
  ],
};
const RECORD = "https://pe.example/o/OBS-000042";
const rel = (stixId: string, references: UpstreamRelationship["references"], sourceRef = candidate.actorStixId) => ({
  stixId,
  sourceRef,
  targetRef: candidate.techniqueStixId,
  references,
});

describe("upstreamRelationship", () => {
  it("matches the same URL whatever its scheme, www., trailing slash or host case", () => {
    const r = rel("relationship--1", [{ sourceName: "Other name", url: "http://WWW.Example.org/apt28/" }]);
    expect(upstreamRelationship(candidate, [r], RECORD)).toBe(r);
  });

  it("matches the same source name (spacing, case, parentheses aside) or the same citation text", () => {
    expect(
      upstreamRelationship(candidate, [rel("relationship--1", [{ sourceName: "acme labs (2026)" }])], RECORD),
    ).not.toBeNull();
    const byText = rel("relationship--2", [
      { sourceName: "X", description: "Acme Labs.  (2026, May 4). APT28 loaders." },
    ]);
    expect(upstreamRelationship(candidate, [byText], RECORD)).toBe(byText);
  });

  it("matches a citation of the observation's public record page", () => {
    const r = rel("relationship--1", [{ sourceName: "Procedure Exchange", url: "https://pe.example/o/OBS-000042" }]);
    expect(upstreamRelationship(candidate, [r], RECORD)).toBe(r);
    const other = rel("relationship--2", [
      { sourceName: "Procedure Exchange", url: "https://pe.example/o/OBS-000043" },
    ]);
    expect(upstreamRelationship(candidate, [other], RECORD)).toBeNull();
  });

  it("ignores another pair, and a pair citing something else", () => {
    expect(
      upstreamRelationship(
        candidate,
        [rel("relationship--1", [{ sourceName: "Acme Labs 2026" }], "intrusion-set--b")],
        RECORD,
      ),
    ).toBeNull();
    expect(
      upstreamRelationship(
        candidate,
        [rel("relationship--1", [{ sourceName: "Else", url: "https://else.example/" }])],
        RECORD,
      ),
    ).toBeNull();
  });

  it("picks the lowest relationship id when several cite it", () => {
    const refs = [{ sourceName: "Acme Labs 2026" }];
    expect(
      upstreamRelationship(candidate, [rel("relationship--b", refs), rel("relationship--a", refs)], RECORD)?.stixId,
    ).toBe("relationship--a");
  });

  it("compares only http(s) addresses", () => {
    expect(comparableUrl("javascript:alert(1)")).toBeNull();
    expect(comparableUrl("not a url")).toBeNull();
    expect(comparableUrl("https://Example.org/a/?q=1#x")).toBe("example.org/a?q=1");
  });
});

describe("the upstream mail", () => {
  const data = {
    publicId: "OBS-000042",
    version: "18.1",
    techniqueLabel: "T1059.001 Command and Scripting Interpreter: PowerShell",
    actorLabel: "G0007 APT28",
    attackUrl: "https://attack.mitre.org/techniques/T1059/001",
    observationUrl: "https://pe.example/my/OBS-000042",
  };

  it("says which ATT&CK version took which observation, with both links in text and HTML", () => {
    const t = templates.upstream;
    expect(t.subject(data)).toBe("Your observation OBS-000042 is in ATT&CK v18.1");
    for (const body of [t.text(data), t.html(data)]) {
      expect(body).toContain("OBS-000042");
      expect(body).toContain("v18.1");
      expect(body).toContain("G0007 APT28");
      expect(body).toContain("https://attack.mitre.org/techniques/T1059/001");
      expect(body).toContain("https://pe.example/my/OBS-000042");
    }
  });

  it("escapes what it interpolates into HTML and refuses a non-http link", () => {
    expect(templates.upstream.html({ ...data, actorLabel: "<b>x</b>" })).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(() => templates.upstream.html({ ...data, attackUrl: "javascript:alert(1)" })).toThrow();
  });
});
