// Which techniques took over the procedure examples of a technique a newer ATT&CK release retired (revoked,
// deprecated or dropped): ATT&CK keeps a `uses` relationship's id across releases, so a relationship that
// targeted T1064 "Scripting" in v6.3 and targets T1059.005 in v7.0 says T1059.005 took over that example. The
// import records it in the change set (CatalogChange.changes.moved) BEFORE it replaces the older rows, and the
// remap assistance (lib/attack/suggest-remap.ts) offers those techniques as successors.
// Cheap on purpose: only the examples of the retired techniques (a few hundred of 16,000) are read.
import type { BulkSql, Row } from "../db/bulk";
import type { DiffRow } from "./catalog-diff";

export interface TMovedRef {
  stixId: string;
  /** ATT&CK ID (the STIX id for an object without one), as in the rest of the change set. */
  id: string;
  name: string;
}

/** One retired technique and where its examples went, most first; names as the newer release has them. */
export interface TMovedExamples extends TMovedRef {
  to: (TMovedRef & { count: number })[];
}

export interface ExampleRef {
  /** The relationship's STIX id: the same in every release. */
  stixId: string;
  targetRef: string;
}

const isLive = (row: DiffRow) => !row.revoked && !row.deprecated;
const refOf = (row: DiffRow): TMovedRef => ({ stixId: row.stixId, id: row.attackId ?? row.stixId, name: row.name });
const byId = (a: TMovedRef, b: TMovedRef) => a.id.localeCompare(b.id, "en", { numeric: true });

/** Techniques live in the older release and revoked, deprecated or missing in the newer one. */
export function retiredTechniques(oldRows: readonly DiffRow[], newRows: readonly DiffRow[]): Set<string> {
  const after = new Map(newRows.map((row) => [row.stixId, row]));
  const retired = new Set<string>();
  for (const row of oldRows) {
    if (row.kind !== "technique" || !isLive(row)) continue;
    const now = after.get(row.stixId);
    if (!now || !isLive(now)) retired.add(row.stixId);
  }
  return retired;
}

/**
 * Pure: for each retired technique, the techniques its older examples target in the newer release, with how
 * many moved. An example the newer release dropped, or that still targets the retired technique, moved nowhere.
 * `oldExamples` may hold any examples (only those of retired techniques count); `newTargetOf` maps a
 * relationship id to its target in the newer release.
 */
export function diffMovedExamples(
  oldRows: readonly DiffRow[],
  newRows: readonly DiffRow[],
  oldExamples: readonly ExampleRef[],
  newTargetOf: ReadonlyMap<string, string>,
): TMovedExamples[] {
  const retired = retiredTechniques(oldRows, newRows);
  if (retired.size === 0) return [];
  const before = new Map(oldRows.map((row) => [row.stixId, row]));
  const after = new Map(newRows.map((row) => [row.stixId, row]));
  const moves = new Map<string, Map<string, number>>();
  for (const example of oldExamples) {
    if (!retired.has(example.targetRef)) continue;
    const target = newTargetOf.get(example.stixId);
    if (!target || target === example.targetRef || !after.has(target)) continue;
    const counts = moves.get(example.targetRef) ?? new Map<string, number>();
    counts.set(target, (counts.get(target) ?? 0) + 1);
    moves.set(example.targetRef, counts);
  }
  const result: TMovedExamples[] = [];
  for (const [from, counts] of moves) {
    const to = [...counts]
      .map(([stixId, count]) => ({ ...refOf(after.get(stixId)!), count }))
      .sort((a, b) => b.count - a.count || byId(a, b));
    // The retired technique as the newer release names it (it may be missing from it: then the older name).
    result.push({ ...refOf(after.get(from) ?? before.get(from)!), to });
  }
  return result.sort(byId);
}

// SQLite allows 32,766 bound parameters and PostgreSQL 65,535; a retired set is usually a few hundred ids.
const CHUNK = 500;

async function readExamples(sql: BulkSql, domain: string, column: "targetRef" | "stixId", ids: string[]) {
  const rows: Row[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    rows.push(
      ...(await sql.query(
        `SELECT "stixId", "targetRef" FROM "KnownProcedure" WHERE "domain" = ? AND "${column}" IN (${chunk.map(() => "?").join(", ")})`,
        [domain, ...chunk],
      )),
    );
  }
  return rows.map((r) => ({ stixId: String(r.stixId), targetRef: String(r.targetRef) }));
}

export interface MovedExamplesInput {
  domain: string;
  /** Whether the release being imported is older than the one the rows hold (then it is the "old" side). */
  older: boolean;
  /** The domain's current rows (the release the tables hold). */
  currentRows: readonly DiffRow[];
  /** The release being imported. */
  objects: readonly DiffRow[];
  procedures: readonly ExampleRef[];
}

/**
 * The moved examples between the rows the tables hold and the release being imported, in release order:
 * read inside the import's transaction, before the rows are replaced. Only the KnownProcedure rows of the
 * retired techniques (newer import) or of the imported examples of retired techniques (older import) are read.
 */
export async function movedExamples(sql: BulkSql, input: MovedExamplesInput): Promise<TMovedExamples[]> {
  const { domain, older, currentRows, objects, procedures } = input;
  const [oldRows, newRows] = older ? [objects, currentRows] : [currentRows, objects];
  const retired = retiredTechniques(oldRows, newRows);
  if (retired.size === 0) return [];
  if (older) {
    const oldExamples = procedures.filter((p) => retired.has(p.targetRef));
    if (oldExamples.length === 0) return [];
    const current = await readExamples(
      sql,
      domain,
      "stixId",
      oldExamples.map((e) => e.stixId),
    );
    return diffMovedExamples(oldRows, newRows, oldExamples, new Map(current.map((e) => [e.stixId, e.targetRef])));
  }
  const oldExamples = await readExamples(sql, domain, "targetRef", [...retired]);
  if (oldExamples.length === 0) return [];
  const wanted = new Set(oldExamples.map((e) => e.stixId));
  const newTargetOf = new Map<string, string>();
  for (const p of procedures) if (wanted.has(p.stixId)) newTargetOf.set(p.stixId, p.targetRef);
  return diffMovedExamples(oldRows, newRows, oldExamples, newTargetOf);
}
