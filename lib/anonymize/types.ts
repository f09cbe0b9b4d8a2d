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

/** A recognized span of the input. `key` identifies the distinct value (case-folded where case carries no meaning). */
export interface Candidate {
  kind: FindingKind;
  start: number;
  end: number;
  value: string;
  key: string;
}
