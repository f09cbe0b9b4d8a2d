// Counting observations per tactic. An observation's tactics are its technique's (AttackObject.tactics: the
// kill-chain phase names, e.g. "execution"); a technique that serves several tactics counts under each, so
// the bars may add up to more than the observations. Names and order come from the catalog's tactic objects.
import type { Tx } from "../db/client";
import { compareTactics } from "./tactic-order";
import type { Bar } from "./types";

/** How many observations use one technique (a groupBy row). */
export interface TechniqueCount {
  domain: string;
  techniqueStixId: string;
  count: number;
}

export const NO_TACTIC_LABEL = "Technique not in the catalog";

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/**
 * Turns per-technique counts into per-tactic bars. Several sets of counts (e.g. one per release) share one
 * catalog lookup: pass them all, get one list of bars per set, in the same order.
 */
export async function barsByTactic(db: Tx, sets: TechniqueCount[][]): Promise<Bar[][]> {
  const all = sets.flat();
  const domains = [...new Set(all.map((r) => r.domain))];
  if (domains.length === 0) return sets.map(() => []);
  const [techniques, tactics] = await Promise.all([
    // Every technique of the domains, not those of the counts: a list of the queue's hundreds of techniques made
    // Prisma compile a statement with as many parameters (21 ms against 5 ms).
    db.attackObject.findMany({
      where: { domain: { in: domains }, kind: "technique" },
      select: { domain: true, stixId: true, tactics: true },
    }),
    db.attackObject.findMany({
      where: { domain: { in: domains }, kind: "tactic" },
      select: { domain: true, attackId: true, name: true, tactics: true },
    }),
  ]);
  const phasesOf = new Map(techniques.map((t) => [`${t.domain} ${t.stixId}`, strings(t.tactics)]));
  const tacticOf = new Map(
    tactics.map((t) => {
      const shortname = strings(t.tactics)[0] ?? "";
      return [`${t.domain} ${shortname}`, { domain: t.domain, shortname, attackId: t.attackId, name: t.name }];
    }),
  );
  const manyDomains = domains.length > 1;
  return sets.map((rows) => {
    const counts = new Map<string, number>();
    let unknown = 0;
    for (const r of rows) {
      const phases = phasesOf.get(`${r.domain} ${r.techniqueStixId}`) ?? [];
      if (phases.length === 0) unknown += r.count;
      for (const phase of phases) {
        const key = `${r.domain} ${phase}`;
        counts.set(key, (counts.get(key) ?? 0) + r.count);
      }
    }
    const bars = [...counts]
      .map(([key, value]) => {
        const [domain, shortname] = key.split(" ");
        const tactic = tacticOf.get(key) ?? { domain, shortname, attackId: null, name: shortname };
        const label = manyDomains ? `${tactic.name} (${domain})` : tactic.name;
        return { tactic, bar: { key, label, value } };
      })
      .sort((a, b) => compareTactics(a.tactic, b.tactic))
      .map((x) => x.bar);
    if (unknown > 0) bars.push({ key: "unknown", label: NO_TACTIC_LABEL, value: unknown });
    return bars;
  });
}
