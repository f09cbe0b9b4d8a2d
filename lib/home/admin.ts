// An admin's home, beyond the reviewer's: the release accepted work gathers in, who uses the
// instance (users per role), and which ATT&CK catalog versions were imported.
import { assertCan, ROLES, type Actor, type Role } from "../auth/permissions";
import type { Db } from "../db/client";
import { listReleases } from "../releases/service";

export interface AdminHome {
  /** OPEN releases (one per domain at most) with how many observations joined each. */
  open: { id: string; name: string; domain: string; attackVersion: string; observations: number }[];
  lastExported: { name: string; exportedAt: string; observations: number } | null;
  users: Record<Role, number>;
  catalogs: { domain: string; version: string; objectCount: number; importedAt: string; current: boolean }[];
}

export async function adminHome(actor: Actor, db: Db): Promise<AdminHome> {
  assertCan(actor, "release:manage");
  assertCan(actor, "user:manage");
  const [releases, grouped, catalogs] = await Promise.all([
    listReleases(actor, db),
    db.user.groupBy({ by: ["role"], _count: { _all: true } }),
    db.catalogVersion.findMany({ orderBy: [{ domain: "asc" }, { importedAt: "desc" }] }),
  ]);
  const users = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>;
  for (const g of grouped) users[g.role as Role] = g._count._all;
  // listReleases is newest first.
  const exported = releases.find((r) => r.status === "EXPORTED");
  return {
    open: releases
      .filter((r) => r.status === "OPEN")
      .map(({ id, name, domain, attackVersion, observations }) => ({ id, name, domain, attackVersion, observations })),
    lastExported: exported
      ? {
          name: exported.name,
          exportedAt: exported.exportedAt ?? exported.createdAt,
          observations: exported.observations,
        }
      : null,
    users,
    catalogs: catalogs.map((c) => ({
      domain: c.domain,
      version: c.version,
      objectCount: c.objectCount,
      importedAt: c.importedAt.toISOString(),
      current: c.current,
    })),
  };
}
