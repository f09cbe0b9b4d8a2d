// Measures the anonymizer against the labelled corpus (./corpus) and against ATT&CK's own procedure texts. Pure:
// the bundle is passed in (attack-procedures.ts reads it), the scrubber can be swapped for a candidate.
//
// Definitions (one labelled occurrence = one value labelled in one sentence):
// - caught: the value no longer occurs in the scrubbed sentence, compared case-insensitively;
// - right kind: caught, and a finding of the labelled kind has the value in it or lies inside it (`[BUCKET-1]` for
//   the host `northwind-customer-data.s3.amazonaws.com` counts for the bucket `northwind-customer-data`);
// - recall: caught / labelled, per kind and overall;
// - keep-precision: must-keep values still present verbatim (case-sensitive) / must-keep values;
// - keep-only sentences: those with no label, which must come back identical.
import { FINDING_KINDS, type FindingKind, type ScrubResult } from "./types";
import type { Label, LabelledSentence } from "./corpus";

export type Scrubber = (text: string) => ScrubResult;

export interface KindScore {
  kind: FindingKind;
  labelled: number;
  caught: number;
  rightKind: number;
  /** caught / labelled; NaN when nothing of this kind is labelled. */
  recall: number;
  /** rightKind / labelled. */
  kindAccuracy: number;
}

export interface Miss {
  text: string;
  label: Label;
  output: string;
}

export interface CorpusEvaluation {
  sentences: number;
  perKind: KindScore[];
  overall: Omit<KindScore, "kind">;
  missed: Miss[];
  keep: { total: number; kept: number; precision: number; lost: { text: string; value: string; output: string }[] };
  keepOnly: { total: number; unchanged: number; changed: { text: string; output: string }[] };
}

export function evaluateCorpus(corpus: readonly LabelledSentence[], scrub: Scrubber): CorpusEvaluation {
  const tally = new Map<FindingKind, Tally>(
    FINDING_KINDS.map((kind) => [kind, { labelled: 0, caught: 0, rightKind: 0 }]),
  );
  const missed: Miss[] = [];
  const keep: CorpusEvaluation["keep"] = { total: 0, kept: 0, precision: NaN, lost: [] };
  const keepOnly: CorpusEvaluation["keepOnly"] = { total: 0, unchanged: 0, changed: [] };

  for (const sentence of corpus) {
    const { text: output, findings } = scrub(sentence.text);
    const folded = output.toLowerCase();
    for (const label of sentence.gone) {
      const t = tally.get(label.kind)!;
      t.labelled += 1;
      const value = label.value.toLowerCase();
      if (folded.includes(value)) {
        missed.push({ text: sentence.text, label, output });
        continue;
      }
      t.caught += 1;
      const ofKind = findings.filter((f) => f.kind === label.kind).map((f) => f.value.toLowerCase());
      if (ofKind.some((found) => found.includes(value) || value.includes(found))) t.rightKind += 1;
    }
    for (const value of sentence.keep) {
      keep.total += 1;
      if (output.includes(value)) keep.kept += 1;
      else keep.lost.push({ text: sentence.text, value, output });
    }
    if (sentence.gone.length === 0) {
      keepOnly.total += 1;
      if (output === sentence.text) keepOnly.unchanged += 1;
      else keepOnly.changed.push({ text: sentence.text, output });
    }
  }
  keep.precision = keep.kept / keep.total;

  const perKind = [...tally].map(([kind, t]) => ({ kind, ...score(t) }));
  const sum = (key: keyof Tally) => perKind.reduce((n, k) => n + k[key], 0);
  const overall = score({ labelled: sum("labelled"), caught: sum("caught"), rightKind: sum("rightKind") });
  return { sentences: corpus.length, perKind, overall, missed, keep, keepOnly };
}

interface Tally {
  labelled: number;
  caught: number;
  rightKind: number;
}

function score(t: Tally): Omit<KindScore, "kind"> {
  return { ...t, recall: t.caught / t.labelled, kindAccuracy: t.rightKind / t.labelled };
}

// ---------------------------------------------------------------------------------------------------------------
// ATT&CK's own procedure texts: the `description` of every `uses` relationship whose target is a technique.

interface StixObject {
  type?: string;
  id?: string;
  relationship_type?: string;
  target_ref?: string;
  description?: string;
  revoked?: boolean;
  x_mitre_deprecated?: boolean;
}

/** The procedure texts of a STIX bundle, trimmed, revoked and deprecated relationships left out. */
export function attackProcedureTexts(bundle: { objects?: StixObject[] }): string[] {
  const objects = bundle.objects ?? [];
  const techniques = new Set(objects.filter((o) => o.type === "attack-pattern").map((o) => o.id));
  return objects
    .filter(
      (o) =>
        o.type === "relationship" &&
        o.relationship_type === "uses" &&
        techniques.has(o.target_ref) &&
        !o.revoked &&
        !o.x_mitre_deprecated,
    )
    .map((o) => (o.description ?? "").trim())
    .filter((text) => text.length > 0);
}

const ATTACK_LINK = /\[([^\]]*)\]\(https:\/\/attack\.mitre\.org\/[^)\s]*\)/g;
const CITATION = /\(Citation: [^)]*\)/g;

/**
 * A procedure text as ATT&CK's site shows it and a researcher would paste it: ATT&CK's markdown links to its own
 * pages reduced to their text (`[Cobalt Strike](https://attack.mitre.org/software/S0154)` → `Cobalt Strike`) and
 * `(Citation: …)` markers dropped.
 */
export function asRead(text: string): string {
  return text.replace(ATTACK_LINK, "$1").replace(CITATION, "");
}

export interface AttackEvaluation {
  total: number;
  unchanged: number;
  fraction: number;
  /** The first changed texts, cut to the region around the first change. */
  samples: { before: string; after: string }[];
}

export function evaluateAttack(texts: readonly string[], scrub: Scrubber, sampleCount = 5): AttackEvaluation {
  let unchanged = 0;
  const samples: AttackEvaluation["samples"] = [];
  for (const text of texts) {
    const after = scrub(text).text;
    if (after === text) unchanged += 1;
    else if (samples.length < sampleCount) samples.push(excerpt(text, after));
  }
  return { total: texts.length, unchanged, fraction: unchanged / texts.length, samples };
}

// The first difference with 60 characters of context either side, in both texts.
function excerpt(before: string, after: string): { before: string; after: string } {
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  const from = Math.max(0, i - 60);
  const cut = (s: string) => (from > 0 ? "…" : "") + s.slice(from, i + 60) + (i + 60 < s.length ? "…" : "");
  return { before: cut(before), after: cut(after) };
}
