/**
 * Every kind of identifier the anonymizer replaces; a kind is the name inside its placeholders (`[AWS-ACCOUNT-1]`).
 * One list: placeholders already in a text are recognized by it, and each recognizer module emits one or more kinds.
 */
export const FINDING_KINDS = [
  "EMAIL",
  "IP",
  "HOST",
  "DOMAIN",
  "USER",
  "AWS-ACCOUNT",
  "ARN",
  "BUCKET",
  "AZURE-ID",
  "GCP-PROJECT",
  "CLOUD-USER",
  "MAC",
  "PHONE",
  "NATIONAL-ID",
  "K8S",
  "REPO",
  "ASSET",
  "EMPLOYEE",
  "ORG",
  "TERM",
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

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
  /**
   * Replace only the `redact` terms, with no recognizer: for purging one value from text stored earlier, which
   * must change nothing else (public references and kept indicators stay as they were stored).
   */
  termsOnly?: boolean;
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
  /**
   * The `keep` values that spared something: each a value a recognizer would have replaced, as written in the text.
   * A `keep` entry that matched nothing (or that the never-public rule refused) is not here.
   */
  kept: string[];
}

/** A recognized span of the input. `key` identifies the distinct value (case-folded where case carries no meaning). */
export interface Candidate {
  kind: FindingKind;
  start: number;
  end: number;
  value: string;
  key: string;
  /**
   * Breaks ties between candidates covering exactly the same span (higher wins; default 0): a recognizer that saw
   * context ("user m.schmidt") outranks one that only saw a shape (`m.schmidt` looks like a host name).
   */
  priority?: number;
}

/** A structural recognizer: scans the whole text once, returns candidate spans; index.ts decides which win. */
export type Recognizer = (text: string) => Candidate[];
