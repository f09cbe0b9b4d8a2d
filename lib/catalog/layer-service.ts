// The Navigator layer of what an actor may see (`GET /api/v1/catalog/layer`). Reviewers and admins count
// every observation their TLP audience allows (lib/observations/tlp.ts); contributors only their own, at any
// level (their own work is always theirs to see). Default statuses: what the community has accepted.
import { ATTACK_DOMAINS } from "../attack/bundle-domain";
import { currentCatalog } from "../attack/catalog";
import { assertCan, can, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { MY_STATUSES, type MyStatus } from "../observations/my-list";
import { audienceOf, tlpLevelsFor } from "../observations/tlp";
import { buildLayer, type TNavigatorLayer } from "./layer";

export const LAYER_DEFAULT_STATUSES = ["ACCEPTED", "PUBLISHED"] as const satisfies readonly MyStatus[];

export interface TLayerQuery {
  domain: string;
  statuses: MyStatus[];
}

/** `?domain=&status=ACCEPTED,PUBLISHED` checked: a 400 names the bad value and the valid ones. */
export function parseLayerQuery(params: URLSearchParams): TLayerQuery {
  const domain = params.get("domain") || "enterprise-attack";
  if (!(ATTACK_DOMAINS as readonly string[]).includes(domain)) {
    throw new AppError("VALIDATION", `Unknown domain "${domain}": use one of ${ATTACK_DOMAINS.join(", ")}.`, [
      { path: "domain", message: `Use one of ${ATTACK_DOMAINS.join(", ")}.` },
    ]);
  }
  const asked = (params.get("status") ?? "")
    .split(",")
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const bad = asked.find((s) => !(MY_STATUSES as readonly string[]).includes(s));
  if (bad) {
    const message = `Unknown status "${bad}": use a comma-separated list of ${MY_STATUSES.join(", ")}.`;
    throw new AppError("VALIDATION", message, [{ path: "status", message }]);
  }
  // In the enum's order, once each: the same question gives the same file.
  const statuses = MY_STATUSES.filter((s) => asked.includes(s));
  return { domain, statuses: statuses.length ? statuses : [...LAYER_DEFAULT_STATUSES] };
}

/** The layer for `?domain=&status=`; who asks is checked before what they ask (a 401 before a 400). */
export async function coverageLayer(actor: Actor | null, params: URLSearchParams, db: Db): Promise<TNavigatorLayer> {
  assertCan(actor, "observation:read-own");
  const query = parseLayerQuery(params);
  const community = can(actor, "observation:read-any");
  const scope = community ? { tlp: { in: tlpLevelsFor(audienceOf(actor)) } } : { contributorId: actor.id };
  const [groups, catalog] = await Promise.all([
    db.observation.groupBy({
      by: ["techniqueAttackId", "status"],
      where: { domain: query.domain, status: { in: query.statuses }, ...scope },
      _count: { _all: true },
    }),
    currentCatalog(db, query.domain),
  ]);
  return buildLayer({
    domain: query.domain,
    attackVersion: catalog?.version ?? null,
    statuses: query.statuses,
    counts: groups.map((g) => ({ techniqueId: g.techniqueAttackId, status: g.status, count: g._count._all })),
    scope: community ? "community" : "yours",
  });
}

/** The download's file name: `procedure-exchange-<domain>-layer.json`. */
export function layerFileName(domain: string): string {
  return `procedure-exchange-${domain}-layer.json`;
}
