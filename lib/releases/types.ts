// Input and output shapes of the STIX export. The caller (service.ts) maps database rows to the
// Export* inputs, so this module and its tests never need a database.

export interface ExportReference {
  sourceName: string;
  url?: string;
  description: string;
}

export type ProposedActorType = "intrusion-set" | "malware" | "tool" | "campaign";

export interface ExportObservation {
  publicId: string; // "OBS-000123"
  procedure: string; // anonymized text, written as a predicate: "used PowerShell to …"
  references: ExportReference[]; // may be empty: the platform's public record is cited instead
  technique: { stixId: string; attackId: string; name: string };
  actor:
    | { kind: "EXISTING"; stix: Record<string, unknown> } // MITRE's object as published, STIX 2.0 or 2.1 layout
    | { kind: "PROPOSED"; type: ProposedActorType; name: string; aliases: string[]; description: string };
  credit: { mode: "named" | "organization" | "anonymous"; name?: string; org?: string };
  acceptedAt: Date;
  // Optional: when the activity was seen. A proposed campaign needs first_seen/last_seen (the data
  // model requires them); without these the acceptance date stands in for both.
  observedFrom?: Date;
  observedTo?: Date;
}

export interface ExportRelease {
  id: string;
  name: string;
  domain: "enterprise-attack" | "mobile-attack" | "ics-attack";
  attackVersion: string;
  frozenAt: Date;
}

export interface ExportOptions {
  baseUrl: string; // "http://localhost:3000": the platform's public record lives at `${baseUrl}/o/OBS-…`
  identityName: string; // "Procedure Exchange"
}

/** A STIX object as it goes into the bundle: plain JSON, no class instances. */
export type StixObject = { type: string; id: string } & Record<string, unknown>;

export interface StixBundle {
  type: "bundle";
  id: string;
  objects: StixObject[];
}

/** One validation failure; `field` is a dotted path inside the object ("" when the whole object is at fault). */
export interface BundleIssue {
  objectId: string;
  type: string;
  field: string;
  message: string;
}
