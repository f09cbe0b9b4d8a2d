// The labelled corpus behind `npm run bench` and corpus.test.ts: sentences written like incident write-ups and
// procedure examples, each seeded with fictional identifiers (documentation address ranges, example.com, Contoso,
// Fabrikam, 555 numbers, AWS's example account ids) so the labels are exact.
import type { FindingKind } from "../types";

export interface Label {
  /** The identifier exactly as it appears in the sentence. */
  value: string;
  /** The kind of placeholder it should get. */
  kind: FindingKind;
}

export interface LabelledSentence {
  text: string;
  /** Identifiers that must not survive scrubbing (compared case-insensitively). */
  gone: Label[];
  /** Values that must survive verbatim: ATT&CK ids, tools, built-ins, defanged IOCs, hashes, CVEs, versions. */
  keep: string[];
}

/** A sentence with identifiers, grouped by kind: `labelled(text, { USER: ["jdoe"] }, ["cmd.exe"])`. */
export function labelled(
  text: string,
  gone: Partial<Record<FindingKind, string[]>>,
  keep: string[] = [],
): LabelledSentence {
  const labels = Object.entries(gone).flatMap(([kind, values]) =>
    (values ?? []).map((value) => ({ value, kind: kind as FindingKind })),
  );
  return { text, gone: labels, keep };
}

/** A sentence with nothing to replace: it must come back unchanged. */
export function keepOnly(text: string, keep: string[] = []): LabelledSentence {
  return { text, gone: [], keep };
}
