export type FindingKind = "EMAIL" | "IP" | "HOST" | "TERM";

/** One per distinct value, in order of first appearance. */
export interface Finding {
  kind: FindingKind;
  value: string;
  placeholder: string;
  count: number;
}

export interface ScrubOptions {
  /** Values to leave untouched (public IOCs); compared case-insensitively and exactly, after refanging. */
  keep?: string[];
  /** Extra terms to replace (customer or person names); case-insensitive, whole words. */
  redact?: string[];
}

export interface ScrubResult {
  text: string;
  findings: Finding[];
}

/** A finding of `scrubFields`: the same value across fields, with the keys of the fields it occurred in. */
export interface FieldFinding<K extends string = string> extends Finding {
  fields: K[];
}

export interface ScrubFieldsResult<K extends string = string> {
  fields: Record<K, string>;
  findings: FieldFinding<K>[];
}

/** A recognized span of the input. `key` identifies the distinct value (case-folded where case carries no meaning). */
export interface Candidate {
  kind: FindingKind;
  start: number;
  end: number;
  value: string;
  key: string;
}
