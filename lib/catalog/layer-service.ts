// The Navigator layer of what an actor may see (`GET /api/v1/catalog/layer`). Reviewers and admins count
// every observation their TLP audience allows (lib/observations/tlp.ts); contributors only their own, at any
// level (their own work is always theirs to see). Default statuses: what the community has accepted.
// `?actor=G0016` asks instead for an actor's techniques per ATT&CK (its page's "Download as Navigator layer").
import { ATTACK_DOMAINS } from "../attack/bundle-domain";
import { currentCatalog, resolveActor } from "../attack/catalog";
import { findReplacement, resolveRevoked } from "../attack/revoked";
import { assertCan, can, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { MY_STATUSES, type MyStatus } from "../observations/my-list";
import { audienceOf, tlpLevelsFor } from "../observations/tlp";
import { buildActorLayer, buildLayer, type TNavigatorLayer } from "./layer";
import { actorTechniqueIds } from "./object-page";

export const LAYER_DEFAULT_STATUSES = ["ACCEPTED", "PUBLISHED"] as const satisfies readonly MyStatus[];

export interface TLayerQuery {
  domain: string;
  statuses: MyStatus[];
  /** A group, software or campaign ATT&CK ID: its techniques per ATT&CK instead of the coverage. */
  actor?: string;
}

const ACTOR_ID = /^[GSC]\d{4}$/;

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
  const actor = params.get("actor")?.trim().toUpperCase();
  if (actor !== undefined && !ACTOR_ID.test(actor)) {
    const message = `"${params.get("actor")}" is not a group, software or campaign ATT&CK ID: use one like G0016, S0002 or C0022.`;
    throw new AppError("VALIDATION", message, [{ path: "actor", message }]);
  }
  return { domain, statuses: statuses.length ? statuses : [...LAYER_DEFAULT_STATUSES], ...(actor ? { actor } : {}) };
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

/** The download's file name: `procedure-exchange-<domain>-layer.json`, `…-<domain>-G0016-layer.json` for an actor. */
export function layerFileName(domain: string, actor?: string): string {
  return `procedure-exchange-${domain}${actor ? `-${actor}` : ""}-layer.json`;
}

/** `GET /api/v1/catalog/layer`: the coverage layer, or with `?actor=` that actor's; with the file's name. */
export async function requestedLayer(
  actor: Actor | null,
  params: URLSearchParams,
  db: Db,
): Promise<{ layer: TNavigatorLayer; fileName: string }> {
  assertCan(actor, "observation:read-own");
  const query = parseLayerQuery(params);
  if (!query.actor) {
    const layer = await coverageLayer(actor, params, db);
    return { layer, fileName: layerFileName(layer.domain) };
  }
  const [found, catalog] = await Promise.all([
    resolveActor(db, query.domain, query.actor),
    currentCatalog(db, query.domain),
  ]);
  if (!found) throw await unknownActor(db, query.domain, query.actor);
  const layer = buildActorLayer({
    domain: query.domain,
    attackVersion: catalog?.version ?? null,
    actor: { attackId: query.actor, name: found.name },
    techniqueIds: await actorTechniqueIds(db, query.domain, found.stixId),
  });
  return { layer, fileName: layerFileName(query.domain, query.actor) };
}

// A revoked actor names its replacement (issue 8, bad input); an unknown one says where to look.
async function unknownActor(db: Db, domain: string, attackId: string): Promise<AppError> {
  const revoked = await resolveRevoked(db, domain, attackId, ["group", "software", "campaign"]);
  const replacement = revoked ? await findReplacement(db, domain, revoked) : null;
  const message = revoked
    ? `${attackId} was revoked in ATT&CK${replacement ? `: use ${replacement.attackId} ${replacement.name} instead` : ""}.`
    : `No group, software or campaign ${attackId} in ${domain}: check the ID on its catalog page.`;
  return new AppError("VALIDATION", message, [{ path: "actor", message }]);
}

export interface TCoverage {
  /** Observations per technique ATT&CK ID (sub-techniques their own), zero counts left out. */
  counts: Record<string, number>;
  scope: "yours" | "community";
}

/** The matrix's coverage mode: the default layer's scores, so the page and the download never disagree. */
export async function coverageCounts(actor: Actor | null, domain: string, db: Db): Promise<TCoverage> {
  const layer = await coverageLayer(actor, new URLSearchParams({ domain }), db);
  return {
    counts: Object.fromEntries(layer.techniques.map((t) => [t.techniqueID, t.score])),
    scope: can(actor, "observation:read-any") ? "community" : "yours",
  };
}
