// Serves the change sets the import records (lib/attack/import.ts → CatalogChange): what one ATT&CK
// release added, revoked (with the replacement), deprecated and renamed against the one imported
// before it. Any signed-in user may read them: they describe public ATT&CK content, nothing of ours.
import type { Actor } from "../auth/permissions";
import { assertCan } from "../auth/permissions";
import type { Tx } from "../db/client";
import { AppError } from "../errors";
import { ATTACK_DOMAINS, type AttackDomain } from "./bundle-domain";
import type { TCatalogChanges } from "./catalog-diff";

export interface CatalogChangesQuery {
  domain: AttackDomain;
  /** Both optional: without them, the latest change set of the domain. */
  from?: string;
  to?: string;
}

export type TCatalogChangeSet = { domain: string; from: string; to: string; importedAt: Date } & TCatalogChanges;

export function parseChangesQuery(params: URLSearchParams): CatalogChangesQuery {
  const domain = params.get("domain") ?? "enterprise-attack";
  if (!(ATTACK_DOMAINS as readonly string[]).includes(domain)) {
    throw new AppError("VALIDATION", `Unknown domain "${domain}": use one of ${ATTACK_DOMAINS.join(", ")}.`);
  }
  const from = params.get("from")?.trim() || undefined;
  const to = params.get("to")?.trim() || undefined;
  return { domain: domain as AttackDomain, from, to };
}

export async function getCatalogChanges(
  actor: Actor | null,
  query: CatalogChangesQuery,
  db: Tx,
): Promise<TCatalogChangeSet> {
  assertCan(actor, "observation:read-own");
  const { domain, from, to } = query;
  const row = await db.catalogChange.findFirst({
    where: { domain, ...(from ? { fromVersion: from } : {}), ...(to ? { toVersion: to } : {}) },
    orderBy: { createdAt: "desc" },
  });
  if (!row) throw new AppError("NOT_FOUND", notFoundMessage(query));
  return toChangeSet(row);
}

/** The latest change set of every domain that has one (the /catalog/changes page), in domain order. */
export async function listLatestCatalogChanges(actor: Actor | null, db: Tx): Promise<TCatalogChangeSet[]> {
  assertCan(actor, "observation:read-own");
  const rows = await Promise.all(
    ATTACK_DOMAINS.map((domain) => db.catalogChange.findFirst({ where: { domain }, orderBy: { createdAt: "desc" } })),
  );
  return rows.filter((row) => row !== null).map(toChangeSet);
}

function toChangeSet(row: {
  domain: string;
  fromVersion: string;
  toVersion: string;
  createdAt: Date;
  changes: unknown;
}): TCatalogChangeSet {
  const { added, revoked, deprecated, renamed } = row.changes as TCatalogChanges;
  return {
    domain: row.domain,
    from: row.fromVersion,
    to: row.toVersion,
    importedAt: row.createdAt,
    added,
    revoked,
    deprecated,
    renamed,
  };
}

function notFoundMessage({ domain, from, to }: CatalogChangesQuery): string {
  const how = "Changes are recorded when a version is imported over another one (npm run cli -- attack:import).";
  if (!from && !to) return `No changes recorded for ${domain} yet: only one version was imported. ${how}`;
  const pair = `${from ? ` from ${from}` : ""}${to ? ` to ${to}` : ""}`;
  return `No changes recorded for ${domain}${pair}: those versions were not imported one after the other. ${how}`;
}
