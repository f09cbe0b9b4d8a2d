// Turns an official ATT&CK STIX bundle into catalog rows. Pure (no I/O, no Prisma) so it can be unit
// tested with tiny inline bundles and reused by anything that needs the catalog's shape.
// Two layouts exist for the same content and both must work: mitre/cti (STIX 2.0, no `spec_version`
// on objects) and mitre-attack/attack-stix-data (STIX 2.1 objects plus one `x-mitre-collection`).
import { AppError } from "../errors";
import { citationsFromStix, type Citation } from "../markdown/references";
import { detectDomain, type AttackDomain } from "./bundle-domain";

export { ATTACK_DOMAINS, type AttackDomain } from "./bundle-domain";

export const ATTACK_KINDS = ["technique", "tactic", "group", "software", "campaign"] as const;
export type AttackKind = (typeof ATTACK_KINDS)[number];
/** The kinds an observation's actor may be. */
export const ACTOR_KINDS = ["group", "software", "campaign"] as const satisfies readonly AttackKind[];

const KIND_OF_TYPE: Record<string, AttackKind> = {
  "attack-pattern": "technique",
  "x-mitre-tactic": "tactic",
  "intrusion-set": "group",
  malware: "software",
  tool: "software",
  campaign: "campaign",
};

// Mobile and ICS objects that were revoked or deprecated long ago still carry the old per-domain
// source names; current objects of every domain use "mitre-attack".
const ATTACK_SOURCE_NAMES = ["mitre-attack", "mitre-mobile-attack", "mitre-ics-attack"];

export interface StixObject {
  type: string;
  id: string;
  [key: string]: unknown;
}

/** One AttackObject row, minus the generated id. */
export interface AttackObjectRow {
  domain: AttackDomain;
  stixId: string;
  attackId: string | null;
  kind: AttackKind;
  stixType: string;
  name: string;
  description: string;
  url: string | null;
  aliases: string[];
  tactics: string[];
  platforms: string[];
  isSubtechnique: boolean;
  parentAttackId: string | null;
  revoked: boolean;
  /** The stixId of the object that replaced this revoked one (its `revoked-by` relationship). */
  revokedBy: string | null;
  deprecated: boolean;
  version: string | null;
  modified: Date;
  stix: StixObject;
}

/** One KnownProcedure row: an existing `uses` relationship from an actor to a technique. */
export interface KnownProcedureRow {
  domain: AttackDomain;
  stixId: string;
  sourceRef: string;
  targetRef: string;
  description: string;
  /** The texts of its `(Citation: X)` markers: the relationship's external_references. */
  references: Citation[];
  /** The relationship's STIX `created`, kept so an export can update this relationship (lib/releases/stix.ts). */
  created: string | null;
}

export interface ParsedCatalog {
  domain: AttackDomain;
  version: string;
  layout: "stix-2.0" | "stix-2.1";
  /** Every object in the bundle, including those the catalog does not keep. */
  bundleObjects: number;
  objects: AttackObjectRow[];
  procedures: KnownProcedureRow[];
}

export interface ParseOptions {
  /** File name or URL the bundle came from: `enterprise-attack-18.1.json` implies version 18.1. */
  fileName?: string;
  /** The version the user asserted (`--version`), used when the bundle and its name are silent. */
  version?: string;
  /** The domain the user asserted (`--domain`), for bundles that do not declare theirs. */
  domain?: AttackDomain;
}

/** JSON.parse with a message a user can act on. */
export function parseBundleText(text: string, options: ParseOptions = {}): ParsedCatalog {
  const source = describe(options.fileName);
  if (text.trim() === "") throw new AppError("VALIDATION", `${source} is empty: expected an ATT&CK STIX bundle.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\s+/g, " ") : "";
    // An interrupted download is the usual cause; say so rather than leave a parser message alone.
    if (looksTruncated(text, message)) {
      throw new AppError(
        "VALIDATION",
        `${source} ends in the middle of its JSON (${message}): the file looks truncated. Download it again.`,
      );
    }
    throw new AppError("VALIDATION", `${source} is not JSON${message ? ` (${message})` : ""}.`);
  }
  return parseBundle(json, options);
}

// V8 reports a cut-off text either as "Unexpected end of JSON input" or as an error at the last position.
function looksTruncated(text: string, message: string): boolean {
  if (/end of JSON input/i.test(message)) return true;
  const at = /at position (\d+)/.exec(message);
  return at !== null && Number(at[1]) >= text.trimEnd().length;
}

export function parseBundle(bundle: unknown, options: ParseOptions = {}): ParsedCatalog {
  const source = describe(options.fileName);
  if (!isRecord(bundle) || bundle.type !== "bundle" || !Array.isArray(bundle.objects)) {
    throw new AppError("VALIDATION", `${source} is not a STIX bundle (expected {"type": "bundle", "objects": [...]}).`);
  }
  const all = latestOnly(
    bundle.objects.filter(
      (o): o is StixObject => isRecord(o) && typeof o.type === "string" && typeof o.id === "string",
    ),
  );
  const hasAttackContent = all.some((o) => o.type === "attack-pattern" && attackReference(o)?.external_id);
  if (!hasAttackContent) {
    throw new AppError(
      "VALIDATION",
      `${source} is a STIX bundle but holds no ATT&CK techniques: not an ATT&CK release.`,
    );
  }
  const collection = all.find((o) => o.type === "x-mitre-collection");
  const domain = detectDomain(all, collection, options.domain, source);
  const version = detectVersion(collection, options);
  const layout = collection || all.some((o) => o.spec_version === "2.1") ? "stix-2.1" : "stix-2.0";

  const objects: AttackObjectRow[] = [];
  const procedures: KnownProcedureRow[] = [];
  const replacements = new Map<string, string>();
  for (const o of all) {
    const kind = KIND_OF_TYPE[o.type];
    if (kind) objects.push(toObjectRow(o, kind, domain));
    else if (o.type === "relationship") {
      const row = toProcedureRow(o, domain);
      if (row) procedures.push(row);
      else if (o.relationship_type === "revoked-by" && str(o.source_ref) && str(o.target_ref)) {
        replacements.set(String(o.source_ref), String(o.target_ref));
      }
    }
  }
  // Only a revoked object names its replacement: a stray relationship must not mark a live one.
  for (const row of objects) if (row.revoked) row.revokedBy = replacements.get(row.stixId) ?? null;
  return { domain, version, layout, bundleObjects: bundle.objects.length, objects, procedures };
}

function toObjectRow(o: StixObject, kind: AttackKind, domain: AttackDomain): AttackObjectRow {
  const ref = attackReference(o);
  const attackId = str(ref?.external_id);
  const isSubtechnique =
    kind === "technique" && (o.x_mitre_is_subtechnique === true || (attackId?.includes(".") ?? false));
  return {
    domain,
    stixId: o.id,
    attackId,
    kind,
    stixType: o.type,
    name: (str(o.name) ?? attackId ?? o.id).trim(),
    description: (str(o.description) ?? "").trim(),
    url: str(ref?.url),
    // Groups and campaigns use STIX `aliases`, software uses `x_mitre_aliases`.
    aliases: strings(o.x_mitre_aliases ?? o.aliases),
    tactics: kind === "tactic" ? strings([o.x_mitre_shortname]) : phaseNames(o.kill_chain_phases),
    platforms: strings(o.x_mitre_platforms),
    isSubtechnique,
    parentAttackId: isSubtechnique && attackId ? attackId.split(".")[0] : null,
    revoked: o.revoked === true,
    revokedBy: null,
    deprecated: o.x_mitre_deprecated === true,
    version: str(o.x_mitre_version),
    modified: timestamp(o.modified ?? o.created),
    stix: o,
  };
}

function toProcedureRow(o: StixObject, domain: AttackDomain): KnownProcedureRow | null {
  const sourceRef = str(o.source_ref);
  const targetRef = str(o.target_ref);
  if (o.relationship_type !== "uses" || !sourceRef || !targetRef?.startsWith("attack-pattern--")) return null;
  if (o.revoked === true || o.x_mitre_deprecated === true) return null;
  // 1,406 descriptions in 18.1 carry stray leading/trailing whitespace; duplicate detection compares text.
  return {
    domain,
    stixId: o.id,
    sourceRef,
    targetRef,
    description: (str(o.description) ?? "").trim(),
    references: citationsFromStix(o.external_references),
    created: str(o.created) ?? null,
  };
}

// Official releases hold each id once, but a Workbench export may carry several versions of an
// object; the catalog keeps one row per id, so keep the newest instead of failing on the unique key.
function latestOnly(objects: StixObject[]): StixObject[] {
  // The usual case, every id once, costs one Set; dates are compared only when an id repeats.
  if (new Set(objects.map((o) => o.id)).size === objects.length) return objects;
  const byId = new Map<string, StixObject>();
  for (const o of objects) {
    const seen = byId.get(o.id);
    if (!seen || timestamp(o.modified).getTime() >= timestamp(seen.modified).getTime()) byId.set(o.id, o);
  }
  return [...byId.values()];
}

function detectVersion(collection: StixObject | undefined, options: ParseOptions): string {
  const asserted = options.version ? normalizeVersion(options.version) : null;
  if (options.version && !asserted) {
    throw new AppError("VALIDATION", `"${options.version}" is not an ATT&CK version (expected e.g. 18.1).`);
  }
  const fromCollection = normalizeVersion(str(collection?.x_mitre_version) ?? "");
  const fromName = options.fileName ? versionFromName(options.fileName) : null;
  const found = fromCollection ?? fromName;
  const where = fromCollection ? "the bundle's x-mitre-collection" : "the file name";
  // Never import under a version the content contradicts: the catalog version is what releases target.
  if (found && asserted && found !== asserted) {
    throw new AppError("VALIDATION", `--version ${asserted} contradicts ${where}, which says ${found}.`);
  }
  const version = found ?? asserted;
  if (!version) {
    throw new AppError(
      "VALIDATION",
      `Cannot tell the ATT&CK version of ${describe(options.fileName).replace(/^The /, "the ")}: it has no x-mitre-collection and its name ` +
        "carries no version. Pass --version (e.g. --version 18.1).",
    );
  }
  return version;
}

/** `enterprise-attack-18.1.json` → 18.1; also `…/ATT%26CK-v18.1/enterprise-attack/enterprise-attack.json`. */
export function versionFromName(name: string): string | null {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // A stray % in a file name: match the raw text.
  }
  const segments = decoded
    .replace(/[?#].*$/, "")
    .split(/[\\/]/)
    .filter(Boolean);
  const inFile = /(?:^|[-_ ])v?(\d+\.\d+(?:\.\d+)?)\.json$/i.exec(segments.at(-1) ?? "");
  if (inFile) return inFile[1];
  // mitre/cti tags its releases `ATT&CK-v18.1`; a folder named `v18.1` means the same.
  for (const segment of segments.reverse()) {
    const m = /(?:^|-)v(\d+\.\d+(?:\.\d+)?)$/i.exec(segment);
    if (m) return m[1];
  }
  return null;
}

function normalizeVersion(v: string): string | null {
  const m = /^v?(\d+(?:\.\d+){0,2})$/i.exec(v.trim());
  return m ? m[1] : null;
}

function attackReference(o: StixObject): { external_id?: unknown; url?: unknown } | undefined {
  const refs = Array.isArray(o.external_references) ? o.external_references.filter(isRecord) : [];
  for (const name of ATTACK_SOURCE_NAMES) {
    const ref = refs.find((r) => r.source_name === name && typeof r.external_id === "string");
    if (ref) return ref;
  }
  return undefined;
}

function phaseNames(phases: unknown): string[] {
  if (!Array.isArray(phases)) return [];
  return strings(
    phases
      .filter((p) => isRecord(p) && ATTACK_SOURCE_NAMES.includes(String(p.kill_chain_name)))
      .map((p) => p.phase_name),
  );
}

function timestamp(v: unknown): Date {
  const date = typeof v === "string" ? new Date(v) : new Date(NaN);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.length > 0 ? v : null;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.length > 0) : [];
}

function describe(fileName: string | undefined): string {
  return fileName ? `"${fileName}"` : "The bundle";
}
