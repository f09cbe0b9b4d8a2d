import { describe, expect, it } from "vitest";
import { ATTACK_BUNDLE, readAttackProcedureTexts } from "./attack-procedures";
import { CORPUS, KEEP_ONLY_SENTENCES } from "./corpus";
import { asRead, evaluateAttack, evaluateCorpus } from "./evaluate";
import { FINDING_KINDS, scrub } from "./index";

// Keep-only sentences the current anonymizer still changes, each with the reason. `it.fails` keeps them honest:
// once fixed, the test fails and the entry must be removed.
const KNOWN_OVER_REDACTIONS = new Map<string, string>([]);
const escape = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const knownReason = (text: string) => [...KNOWN_OVER_REDACTIONS].find(([needle]) => text.includes(needle))?.[1];

describe("labelled corpus: well-formed", () => {
  it("has at least 200 sentences, none twice", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(CORPUS.map((s) => s.text)).size).toBe(CORPUS.length);
  });

  it("has at least 8 sentences for every kind but TERM", () => {
    for (const kind of FINDING_KINDS.filter((k) => k !== "TERM")) {
      const sentences = CORPUS.filter((s) => s.gone.some((label) => label.kind === kind));
      expect(sentences.length, kind).toBeGreaterThanOrEqual(8);
    }
  });

  it("has at least 40 keep-only sentences, each with no label", () => {
    expect(KEEP_ONLY_SENTENCES.length).toBeGreaterThanOrEqual(40);
    for (const s of KEEP_ONLY_SENTENCES) expect(s.gone).toEqual([]);
  });

  it("labels and must-keep values occur verbatim in their sentence, each outside the others", () => {
    // A must-keep value found only inside a label could never survive, a label only inside a must-keep value could
    // never go: both would measure the corpus, not the anonymizer.
    // Labels are compared case-insensitively, must-keep values verbatim.
    const without = (text: string, values: string[], flags: string) =>
      values.reduce((t, v) => t.replace(new RegExp(escape(v), flags), "\u0000"), text);
    for (const { text, gone, keep } of CORPUS) {
      const labels = gone.map((label) => label.value);
      for (const value of labels) expect(text, value).toContain(value);
      for (const value of keep) expect(text, value).toContain(value);
      for (const value of keep) expect(without(text, labels, "gi"), value).toContain(value);
      for (const value of labels) expect(without(text, keep, "g").toLowerCase(), value).toContain(value.toLowerCase());
    }
  });
});

describe("labelled corpus: must-keep guarantees of the current anonymizer", () => {
  const result = evaluateCorpus(CORPUS, (text) => scrub(text));

  it("keeps at least 95% of the must-keep values verbatim", () => {
    expect(result.keep.precision, JSON.stringify(result.keep.lost, null, 1)).toBeGreaterThanOrEqual(0.95);
  });

  for (const { text } of KEEP_ONLY_SENTENCES) {
    const reason = knownReason(text);
    const test = reason ? it.fails : it;
    test(`${reason ? `known over-redaction (${reason}): ` : ""}returns unchanged: ${text}`, () => {
      expect(scrub(text)).toEqual({ text, findings: [] });
    });
  }
});

describe("ATT&CK's own procedure texts", () => {
  const texts = readAttackProcedureTexts();
  const absent = texts === null;

  it.skipIf(absent)(
    `come back unchanged at least 99% of the time, as read${absent ? ` (skipped: ${ATTACK_BUNDLE} not found)` : ""}`,
    () => {
      expect(texts!.length).toBeGreaterThan(15_000);
      const result = evaluateAttack(texts!.map(asRead), (text) => scrub(text));
      expect(result.fraction, JSON.stringify(result.samples, null, 1)).toBeGreaterThanOrEqual(0.99);
    },
    60_000,
  );

  it.skipIf(absent)(
    `come back unchanged at least 99% of the time as stored, links to attack.mitre.org included${absent ? ` (skipped: ${ATTACK_BUNDLE} not found)` : ""}`,
    () => {
      const result = evaluateAttack(texts!, (text) => scrub(text));
      expect(result.fraction, JSON.stringify(result.samples, null, 1)).toBeGreaterThanOrEqual(0.99);
    },
    60_000,
  );
});

describe("recall on the labelled corpus", () => {
  // The floor only rises. Targets (issue 6): 0.98 overall, 0.95 per kind; the second slice reached 1.0 on 221 labels.
  it("catches at least 99% of the labelled identifiers and keeps every must-keep value", () => {
    const result = evaluateCorpus(CORPUS, (text) => scrub(text));
    expect(result.overall.recall, JSON.stringify(result.missed, null, 1)).toBeGreaterThanOrEqual(0.99);
    expect(result.keep.precision).toBe(1);
  });

  it("catches at least 95% of every labelled kind", () => {
    const result = evaluateCorpus(CORPUS, (text) => scrub(text));
    const below = result.perKind
      .filter((k) => k.labelled > 0 && k.recall < 0.95)
      .map((k) => `${k.kind} ${k.caught}/${k.labelled}`);
    expect(below).toEqual([]);
  });
});
