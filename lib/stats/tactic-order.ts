// ATT&CK's tactic order: the columns of each domain's matrix (its x-mitre-matrix `tactic_refs`), by
// x_mitre_shortname. The catalog keeps the tactic objects (names, TA ids) but not the matrix, and the order
// has not changed within a domain since tactics were added, so it lives here; a tactic this list does not
// know yet goes after the known ones, by its TA id. lib/stats/tactic-order.integration.test.ts checks the
// list against the Enterprise release's own matrix.
import type { AttackDomain } from "../attack/parse";

export const TACTIC_ORDER: Record<AttackDomain, readonly string[]> = {
  "enterprise-attack": [
    "reconnaissance",
    "resource-development",
    "initial-access",
    "execution",
    "persistence",
    "privilege-escalation",
    "defense-evasion",
    "credential-access",
    "discovery",
    "lateral-movement",
    "collection",
    "command-and-control",
    "exfiltration",
    "impact",
  ],
  "mobile-attack": [
    "initial-access",
    "execution",
    "persistence",
    "privilege-escalation",
    "defense-evasion",
    "credential-access",
    "discovery",
    "lateral-movement",
    "collection",
    "command-and-control",
    "exfiltration",
    "impact",
    "network-effects",
    "remote-service-effects",
  ],
  "ics-attack": [
    "initial-access",
    "execution",
    "persistence",
    "privilege-escalation",
    "evasion",
    "discovery",
    "lateral-movement",
    "collection",
    "command-and-control",
    "inhibit-response-function",
    "impair-process-control",
    "impact",
  ],
};

export interface TacticRef {
  domain: string;
  shortname: string;
  attackId: string | null;
}

const rank = (t: TacticRef) => {
  const domains = Object.keys(TACTIC_ORDER);
  const d = domains.indexOf(t.domain);
  const at = TACTIC_ORDER[t.domain as AttackDomain]?.indexOf(t.shortname) ?? -1;
  return [d < 0 ? domains.length : d, at < 0 ? Number.MAX_SAFE_INTEGER : at] as const;
};

/** Domains in ATTACK_DOMAINS order, then each domain's tactics in matrix order, unknown ones last by TA id. */
export function compareTactics(a: TacticRef, b: TacticRef): number {
  const [da, ta] = rank(a);
  const [db, tb] = rank(b);
  return da - db || ta - tb || (a.attackId ?? a.shortname).localeCompare(b.attackId ?? b.shortname);
}
