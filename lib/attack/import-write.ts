// The write half of a catalog import: swaps a domain's rows for a new release in ONE transaction through the
// driver (lib/db/bulk.ts) rather than Prisma, whose createMany spent four of the five seconds of an Enterprise
// import. Readers see the old release or the new one, never a mix, and a process killed half-way commits
// nothing (import-crash.integration.test.ts).
import { randomUUID } from "node:crypto";
import { inBulkTransaction, type BulkSql } from "../db/bulk";
import { enqueueJobSql } from "../jobs/queue";
import { UPSTREAM_JOB_KIND, upstreamJobKey } from "../releases/upstream-job";
import { remapFlagUpdate } from "../review/remap-flag";
import { diffCatalog } from "./catalog-diff";
import { movedExamples } from "./moved-examples";
import type { AttackObjectRow, KnownProcedureRow } from "./parse";

export interface CatalogWrite {
  domain: string;
  version: string;
  sha256: string;
  objects: AttackObjectRow[];
  procedures: KnownProcedureRow[];
  onProgress: (done: number, total: number, phase: "objects" | "procedures") => void;
}

/**
 * Writes a parsed release. The newest version of a domain is current for new work: importing an older one
 * (6.3 after 7.0) records it and the change set from it to the current version, and leaves the rows alone.
 * Returns whether the rows now hold this version.
 */
export async function writeCatalog(url: string, write: CatalogWrite): Promise<WriteResult> {
  return inBulkTransaction(
    url,
    async (sql) => {
      // One import of a domain at a time: a second waits here rather than interleaving its deletes (SQLite's
      // BEGIN IMMEDIATE already serializes writers).
      if (sql.provider === "postgres") await sql.run(`LOCK TABLE "CatalogVersion" IN SHARE ROW EXCLUSIVE MODE`);
      return swapRows(sql, write);
    },
    { checkpointInBackground: true },
  );
}

export interface WriteResult {
  /** Same bytes already on record, and either current or older than the current version: nothing written. */
  skipped: boolean;
  /** Whether the rows hold this version (false for a release older than the current one). */
  current: boolean;
  /**
   * The upstream matching job (lib/releases/upstream-job.ts) this transaction queued, or found queued or running for
   * the same version; null when no exported observation of the domain may have been taken (the cheap first filter
   * of lib/releases/upstream.ts's candidates: exported, not yet marked), so the matching is skipped altogether.
   * Queued with the catalog's rows, so a process killed right after the commit still has the matching done.
   */
  upstreamJob: { id: string; created: boolean } | null;
}

/** Release versions in numeric order: 6.3 < 7.0 < 17.1 < 18.1 (text order would put 18.1 before 6.3). */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

async function swapRows(sql: BulkSql, write: CatalogWrite): Promise<WriteResult> {
  const { domain, version, sha256, objects, procedures, onProgress } = write;
  const [previous] = await sql.query(
    `SELECT "version", "sha256" FROM "CatalogVersion" WHERE "domain" = ? AND "current" = ?`,
    [domain, sql.encode(true)],
  );
  const older = previous !== undefined && compareVersions(version, String(previous.version)) < 0;
  // Same bytes already loaded and still what the rows hold, or an older release already on record with its
  // change set: nothing to do. A version imported before another one since is loaded again.
  const [existing] = await sql.query(
    `SELECT "sha256", "current" FROM "CatalogVersion" WHERE "domain" = ? AND "version" = ?`,
    [domain, version],
  );
  if (existing?.sha256 === sha256 && (Boolean(existing.current) || older)) {
    return { skipped: true, current: Boolean(existing.current), upstreamJob: null };
  }
  // The change set first: once the old rows are gone there is nothing left to compare with. For an older
  // release it runs the other way: from it to the current rows.
  if (previous && previous.sha256 !== sha256) {
    const currentRows = (
      await sql.query(
        `SELECT "stixId", "attackId", "kind", "name", "revoked", "revokedBy", "deprecated" FROM "AttackObject" WHERE "domain" = ?`,
        [domain],
      )
    ).map((r) => ({
      stixId: String(r.stixId),
      attackId: (r.attackId as string | null) ?? null,
      kind: String(r.kind),
      name: String(r.name),
      revoked: Boolean(r.revoked),
      revokedBy: (r.revokedBy as string | null) ?? null,
      deprecated: Boolean(r.deprecated),
    }));
    const [from, to] = older ? [version, String(previous.version)] : [String(previous.version), version];
    // Where the retired techniques' examples went (lib/attack/moved-examples.ts): read before the rows go.
    const moved = await movedExamples(sql, { domain, older, currentRows, objects, procedures });
    await sql.run(`DELETE FROM "CatalogChange" WHERE "domain" = ? AND "fromVersion" = ? AND "toVersion" = ?`, [
      domain,
      from,
      to,
    ]);
    await sql.insert("CatalogChange", [
      {
        id: randomUUID(),
        domain,
        fromVersion: from,
        toVersion: to,
        createdAt: new Date(),
        changes: { ...(older ? diffCatalog(objects, currentRows) : diffCatalog(currentRows, objects)), moved },
      },
    ]);
  }

  if (!older) {
    await sql.run(`DELETE FROM "KnownProcedure" WHERE "domain" = ?`, [domain]);
    await sql.run(`DELETE FROM "AttackObject" WHERE "domain" = ?`, [domain]);
    await sql.insert("AttackObject", withIds(objects), (done) => onProgress(done, objects.length, "objects"));
    await sql.insert("KnownProcedure", withIds(procedures), (done) =>
      onProgress(done, procedures.length, "procedures"),
    );
    await analyzeCatalog(sql);
    // Observations whose technique or actor this release revoked, deprecated or dropped (or brought back) follow
    // at once, in the same transaction: the queue's needsRemapping filter reads the flag (lib/review/remap-flag).
    await sql.run(remapFlagUpdate("?"), [domain]);
    // Exactly one current version per domain: the one whose rows the tables now hold.
    await sql.run(`UPDATE "CatalogVersion" SET "current" = ? WHERE "domain" = ? AND "current" = ?`, [
      sql.encode(false),
      domain,
      sql.encode(true),
    ]);
  }
  // Re-importing a version with other bytes (the STIX 2.1 layout of a release loaded as 2.0) updates its row.
  await sql.run(
    `INSERT INTO "CatalogVersion" ("id", "domain", "version", "sha256", "objectCount", "importedAt", "current")
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT ("domain", "version") DO UPDATE SET
       "sha256" = excluded."sha256", "objectCount" = excluded."objectCount",
       "importedAt" = excluded."importedAt", "current" = excluded."current"`,
    [randomUUID(), domain, version, sha256, objects.length, sql.encode(new Date()), sql.encode(!older)],
  );
  const upstreamJob =
    !older && (await hasUpstreamCandidates(sql, domain))
      ? await enqueueJobSql(sql, {
          kind: UPSTREAM_JOB_KIND,
          key: upstreamJobKey({ domain, version }),
          payload: { domain, version },
        })
      : null;
  return { skipped: false, current: !older, upstreamJob };
}

/**
 * Planner statistics for the catalog objects just written. Without them SQLite takes the (domain, kind, name) index
 * for a look-up by ATT&CK ID and kind and walks every technique of the domain (~2 ms, on every submission) instead of
 * the attackId index (~0.1 ms); PostgreSQL's autovacuum would analyze the new rows only a while later. AttackObject
 * only: a few ms (SQLite's sampled ANALYZE) to ~30 ms, where KnownProcedure's 14 MB of example texts would cost
 * PostgreSQL ~200 ms, for look-ups that have one index to take anyway.
 */
async function analyzeCatalog(sql: BulkSql): Promise<void> {
  if (sql.provider === "sqlite") await sql.run(`PRAGMA analysis_limit = 1000`);
  await sql.run(`ANALYZE "AttackObject"`);
}

// A superset of markTakenUpstream's candidates (its version comparison is left to it): published observations
// naming an existing actor, not yet marked, in an exported release.
async function hasUpstreamCandidates(sql: BulkSql, domain: string): Promise<boolean> {
  const rows = await sql.query(
    `SELECT 1 FROM "Observation" o JOIN "Release" r ON r."id" = o."releaseId"
     WHERE o."domain" = ? AND o."status" = 'PUBLISHED' AND o."actorKind" = 'EXISTING'
       AND o."actorStixId" IS NOT NULL AND o."upstreamAt" IS NULL AND r."status" = 'EXPORTED' LIMIT 1`,
    [domain],
  );
  return rows.length > 0;
}

// Ids that sort in insertion order (one random prefix per import, then a counter): each row lands at the end of
// the primary-key index instead of a random page of it, which halves the time of 16,000 inserts.
const withIds = <T extends object>(rows: T[]) => {
  const prefix = randomUUID().replace(/-/g, "").slice(0, 16);
  return rows.map((row, i) => ({ id: `${prefix}${i.toString(36).padStart(5, "0")}`, ...row }));
};
