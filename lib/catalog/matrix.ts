// The ATT&CK matrix of a domain as attack.mitre.org draws it (issue 8 item 5): tactics as columns, each with its
// active techniques, each technique with its sub-techniques. `shapeMatrix` is pure (tested directly);
// `loadMatrix` reads the current catalog in one query.
//
// The column order is ATT&CK's (the x-mitre-matrix object's `tactic_refs`), which the import does not store. It is
// the same in every release this project imports (v6.3 to 18.1, copied below from the 18.1 bundles; older
// Enterprise releases simply lack TA0043 and TA0042), so it is kept here rather than in the schema; a tactic a
// future release adds and this list does not know goes after the known ones, by ATT&CK ID.
import { ATTACK_DOMAINS, type AttackDomain } from "../attack/bundle-domain";
import { currentCatalog } from "../attack/catalog";
import type { Tx } from "../db/client";
import { AppError } from "../errors";

// prettier-ignore
export const MATRIX_TACTIC_ORDER: Record<AttackDomain, readonly string[]> = {
  "enterprise-attack": [
    "TA0043", "TA0042", "TA0001", "TA0002", "TA0003", "TA0004", "TA0005",
    "TA0006", "TA0007", "TA0008", "TA0009", "TA0011", "TA0010", "TA0040",
  ],
  "mobile-attack": [
    "TA0027", "TA0041", "TA0028", "TA0029", "TA0030", "TA0031",
    "TA0032", "TA0033", "TA0035", "TA0037", "TA0036", "TA0034",
  ],
  "ics-attack": [
    "TA0108", "TA0104", "TA0110", "TA0111", "TA0103", "TA0102",
    "TA0109", "TA0100", "TA0101", "TA0107", "TA0106", "TA0105",
  ],
};

export const DOMAIN_NAMES: Record<AttackDomain, string> = {
  "enterprise-attack": "Enterprise",
  "mobile-attack": "Mobile",
  "ics-attack": "ICS",
};

/** The catalog row fields the matrix needs (a subset of AttackObject). */
export interface TMatrixRow {
  kind: string;
  attackId: string | null;
  name: string;
  /** Tactic shortnames (`execution`); a tactic row holds its own shortname. */
  tactics: unknown;
  isSubtechnique: boolean;
  parentAttackId: string | null;
  revoked: boolean;
  deprecated: boolean;
}

export interface TMatrixCell {
  attackId: string;
  name: string;
}

export interface TMatrixTechnique extends TMatrixCell {
  subtechniques: TMatrixCell[];
}

export interface TMatrixColumn {
  tactic: TMatrixCell & { shortname: string };
  techniques: TMatrixTechnique[];
}

export interface TMatrix {
  domain: AttackDomain;
  /** The current catalog version, or null before the domain's first import. */
  version: string | null;
  columns: TMatrixColumn[];
  /** Distinct active techniques and sub-techniques (a technique under two tactics counts once). */
  techniqueCount: number;
  subtechniqueCount: number;
}

const byName = (a: TMatrixCell, b: TMatrixCell) => a.name.localeCompare(b.name, "en") || cmp(a.attackId, b.attackId);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/** An unknown domain names nothing: the page answers 404. */
export function assertDomain(domain: string): asserts domain is AttackDomain {
  if (!(ATTACK_DOMAINS as readonly string[]).includes(domain)) {
    throw new AppError("NOT_FOUND", `No ATT&CK domain "${domain}": use one of ${ATTACK_DOMAINS.join(", ")}.`);
  }
}

/** Tactics in ATT&CK's order, then the ones the order does not know by ATT&CK ID. */
export function orderTactics<T extends { attackId: string }>(domain: AttackDomain, tactics: T[]): T[] {
  const order = MATRIX_TACTIC_ORDER[domain];
  const rank = (t: T) => {
    const at = order.indexOf(t.attackId);
    return at < 0 ? order.length : at;
  };
  return [...tactics].sort((a, b) => rank(a) - rank(b) || cmp(a.attackId, b.attackId));
}

/**
 * The matrix from the domain's catalog rows: active tactics as columns in ATT&CK's order, active techniques
 * under every tactic they serve (by name, as ATT&CK lists them), each with its active sub-techniques that serve
 * the same tactic (by name). Revoked and deprecated objects never appear.
 */
export function shapeMatrix(domain: AttackDomain, version: string | null, rows: readonly TMatrixRow[]): TMatrix {
  const active = rows.filter((r) => !r.revoked && !r.deprecated && r.attackId);
  const tactics = orderTactics(
    domain,
    active
      .filter((r) => r.kind === "tactic")
      .map((r) => ({ attackId: r.attackId!, name: r.name, shortname: strings(r.tactics)[0] ?? "" })),
  );
  const techniques = active.filter((r) => r.kind === "technique");
  const subsOf = new Map<string, TMatrixRow[]>();
  for (const sub of techniques.filter((t) => t.isSubtechnique && t.parentAttackId)) {
    subsOf.set(sub.parentAttackId!, [...(subsOf.get(sub.parentAttackId!) ?? []), sub]);
  }
  const parents = techniques.filter((t) => !t.isSubtechnique);
  const columns = tactics.map((tactic) => ({
    tactic,
    techniques: parents
      .filter((t) => strings(t.tactics).includes(tactic.shortname))
      .map((t) => ({
        attackId: t.attackId!,
        name: t.name,
        // A sub-technique that names no tactic of its own follows its parent.
        subtechniques: (subsOf.get(t.attackId!) ?? [])
          .filter((s) => strings(s.tactics).length === 0 || strings(s.tactics).includes(tactic.shortname))
          .map((s) => ({ attackId: s.attackId!, name: s.name }))
          .sort(byName),
      }))
      .sort(byName),
  }));
  return {
    domain,
    version,
    columns,
    techniqueCount: parents.length,
    subtechniqueCount: techniques.length - parents.length,
  };
}

/** The current matrix of `domain`: one query for its tactics and techniques (404 for an unknown domain). */
export async function loadMatrix(db: Tx, domain: string): Promise<TMatrix> {
  assertDomain(domain);
  const [catalog, rows] = await Promise.all([
    currentCatalog(db, domain),
    db.attackObject.findMany({
      where: { domain, kind: { in: ["tactic", "technique"] }, revoked: false, deprecated: false },
      select: {
        kind: true,
        attackId: true,
        name: true,
        tactics: true,
        isSubtechnique: true,
        parentAttackId: true,
        revoked: true,
        deprecated: true,
      },
    }),
  ]);
  return shapeMatrix(domain, catalog?.version ?? null, rows);
}

/** How much coverage a count is, for the cell's colour: 0, 1, 2–4, 5–9, 10 or more. */
export const COVERAGE_LEVELS = [
  { level: 0, min: 0, label: "none" },
  { level: 1, min: 1, label: "1" },
  { level: 2, min: 2, label: "2–4" },
  { level: 3, min: 5, label: "5–9" },
  { level: 4, min: 10, label: "10 or more" },
] as const;

export function coverageLevel(count: number): number {
  let level = 0;
  for (const l of COVERAGE_LEVELS) if (count >= l.min) level = l.level;
  return level;
}
