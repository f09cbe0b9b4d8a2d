import { describe, expect, it } from "vitest";
import { labelled, keepOnly } from "./corpus/types";
import { asRead, attackProcedureTexts, evaluateAttack, evaluateCorpus, type Scrubber } from "./evaluate";

// A stand-in scrubber with fixed replacements, so the arithmetic is checked apart from the real recognizers.
function fake(replacements: Record<string, [kind: "USER" | "HOST", placeholder: string]>): Scrubber {
  return (text) => {
    let out = text;
    const findings = [];
    for (const [value, [kind, placeholder]] of Object.entries(replacements)) {
      if (!out.includes(value)) continue;
      out = out.split(value).join(placeholder);
      findings.push({ kind, value, placeholder, count: 1 });
    }
    return { text: out, findings };
  };
}

describe("evaluateCorpus", () => {
  const corpus = [
    labelled("user jdoe on DC01 ran cmd.exe", { USER: ["jdoe"], HOST: ["DC01"] }, ["cmd.exe"]),
    labelled("user m.schmidt logged on", { USER: ["m.schmidt"] }, ["logged on"]),
    keepOnly("vssadmin.exe delete shadows", ["vssadmin.exe"]),
    keepOnly("DC01 again", ["again"]),
  ];
  // jdoe caught as USER, DC01 caught (also in the keep-only sentence), m.schmidt caught with the wrong kind.
  const scrubber = fake({ jdoe: ["USER", "[USER-1]"], DC01: ["HOST", "[HOST-1]"], "m.schmidt": ["HOST", "[HOST-2]"] });
  const result = evaluateCorpus(corpus, scrubber);

  it("counts a label as caught when its value is gone, and of the right kind when a finding of that kind covers it", () => {
    const user = result.perKind.find((k) => k.kind === "USER")!;
    expect(user).toEqual({ kind: "USER", labelled: 2, caught: 2, rightKind: 1, recall: 1, kindAccuracy: 0.5 });
    expect(result.overall).toEqual({ labelled: 3, caught: 3, rightKind: 2, recall: 1, kindAccuracy: 2 / 3 });
    expect(Number.isNaN(result.perKind.find((k) => k.kind === "MAC")!.recall)).toBe(true);
  });

  it("counts a label as missed when its value survives, in any case", () => {
    const missed = evaluateCorpus([labelled("as JDOE", { USER: ["jdoe"] })], (text) => ({ text, findings: [] }));
    expect(missed.overall.recall).toBe(0);
    expect(missed.missed).toEqual([{ text: "as JDOE", label: { value: "jdoe", kind: "USER" }, output: "as JDOE" }]);
  });

  it("measures keep-precision over every must-keep value and checks keep-only sentences are identical", () => {
    expect(result.keep).toMatchObject({ total: 4, kept: 4, precision: 1 });
    expect(result.keepOnly).toEqual({
      total: 2,
      unchanged: 1,
      changed: [{ text: "DC01 again", output: "[HOST-1] again" }],
    });
  });
});

describe("ATT&CK procedure texts", () => {
  const bundle = {
    objects: [
      { type: "attack-pattern", id: "attack-pattern--1" },
      { type: "malware", id: "malware--1" },
      { type: "relationship", relationship_type: "uses", target_ref: "attack-pattern--1", description: " a " },
      { type: "relationship", relationship_type: "uses", target_ref: "malware--1", description: "not a procedure" },
      { type: "relationship", relationship_type: "mitigates", target_ref: "attack-pattern--1", description: "no" },
      {
        type: "relationship",
        relationship_type: "uses",
        target_ref: "attack-pattern--1",
        description: "b",
        revoked: true,
      },
      { type: "relationship", relationship_type: "uses", target_ref: "attack-pattern--1", description: "" },
    ],
  };

  it("are the trimmed descriptions of live `uses` relationships that target a technique", () => {
    expect(attackProcedureTexts(bundle)).toEqual(["a"]);
  });

  it("read as ATT&CK's site shows them: own links reduced to their text, citations dropped", () => {
    expect(
      asRead(
        "[Cobalt Strike](https://attack.mitre.org/software/S0154) used [x](https://example.com/a).(Citation: Vendor 2020)",
      ),
    ).toBe("Cobalt Strike used [x](https://example.com/a).");
  });

  it("count the texts that come back identical and sample the changed ones around the change", () => {
    const result = evaluateAttack(["same", "on DC01 today"], fake({ DC01: ["HOST", "[HOST-1]"] }));
    expect(result).toEqual({
      total: 2,
      unchanged: 1,
      fraction: 0.5,
      samples: [{ before: "on DC01 today", after: "on [HOST-1] today" }],
    });
  });
});
