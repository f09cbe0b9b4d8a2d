// Which ATT&CK domain a bundle belongs to. Newer bundles say it (their x-mitre-collection's name, or
// x_mitre_domains on every object); older releases (v6.3 and v7.0 among them) say neither, so the domain is read from the
// kill-chain names of their techniques, and `--domain` settles what the content cannot.
import { AppError } from "../errors";
import type { StixObject } from "./parse";

export const ATTACK_DOMAINS = ["enterprise-attack", "mobile-attack", "ics-attack"] as const;
export type AttackDomain = (typeof ATTACK_DOMAINS)[number];

const DOMAIN_OF_KILL_CHAIN: Record<string, AttackDomain> = {
  "mitre-attack": "enterprise-attack",
  "mitre-mobile-attack": "mobile-attack",
  "mitre-ics-attack": "ics-attack",
};

// Below this share of the techniques' kill-chain phases the majority domain is a guess, not an answer:
// the bundle mixes domains and only the user can say which one it is meant to be.
const MAJORITY = 0.5;

/** A user-given domain (`--domain`), checked against the ones the catalog knows. */
export function parseDomain(value: string): AttackDomain {
  const domain = value.trim().toLowerCase();
  if (isDomain(domain)) return domain;
  throw new AppError("VALIDATION", `"${value}" is not an ATT&CK domain: use one of ${ATTACK_DOMAINS.join(", ")}.`);
}

/**
 * The bundle's domain. What the bundle declares (collection, x_mitre_domains) wins and a `forced`
 * domain that contradicts it is refused, as a contradicting --version is; a domain only inferred
 * from kill-chain names yields to `forced`.
 */
export function detectDomain(
  all: StixObject[],
  collection: StixObject | undefined,
  forced: AttackDomain | undefined,
  source: string,
): AttackDomain {
  const where = source.replace(/^The /, "the "); // mid-sentence
  const declared = domainFromName(str(collection?.name)) ?? domainFromObjects(all);
  if (declared && forced && declared !== forced) {
    throw new AppError(
      "VALIDATION",
      `--domain ${forced} contradicts ${where}, which declares ${declared}. Leave out --domain.`,
    );
  }
  const domain = forced ?? declared ?? domainFromKillChains(all);
  if (domain) return domain;
  throw new AppError(
    "VALIDATION",
    `Cannot tell the ATT&CK domain of ${where}: it has no x-mitre-collection, no x_mitre_domains, and its ` +
      `techniques' kill-chain names do not point to one domain. Pass --domain (${ATTACK_DOMAINS.join(", ")}).`,
  );
}

export function domainFromName(name: string | null): AttackDomain | null {
  if (!name) return null;
  if (isDomain(name)) return name;
  if (/enterprise/i.test(name)) return "enterprise-attack";
  if (/mobile/i.test(name)) return "mobile-attack";
  if (/\bics\b/i.test(name)) return "ics-attack";
  return null;
}

// Objects shared between domains list several; the bundle's own domain is on nearly all of them.
function domainFromObjects(all: StixObject[]): AttackDomain | null {
  const counts = new Map<AttackDomain, number>();
  for (const o of all) {
    if (!Array.isArray(o.x_mitre_domains)) continue;
    for (const d of o.x_mitre_domains)
      if (typeof d === "string" && isDomain(d)) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Exported for tests: the domain most of the techniques' kill-chain phases name, if a clear majority. */
export function domainFromKillChains(all: StixObject[]): AttackDomain | null {
  const counts = new Map<AttackDomain, number>();
  let total = 0;
  for (const o of all) {
    if (o.type !== "attack-pattern" || !Array.isArray(o.kill_chain_phases)) continue;
    for (const phase of o.kill_chain_phases) {
      const domain = DOMAIN_OF_KILL_CHAIN[String((phase as { kill_chain_name?: unknown })?.kill_chain_name)];
      if (!domain) continue;
      counts.set(domain, (counts.get(domain) ?? 0) + 1);
      total++;
    }
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > total * MAJORITY ? best[0] : null;
}

function isDomain(v: string): v is AttackDomain {
  return (ATTACK_DOMAINS as readonly string[]).includes(v);
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.length > 0 ? v : null;
}
