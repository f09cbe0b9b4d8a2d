// What one ATT&CK release changed against the one before it, by STIX id: pure, so the import can run it
// on rows it already holds (lib/attack/import.ts) and unit tests on tiny inline rows. "Revoked" and
// "deprecated" mean newly so: the object was live in the old release. ATT&CK keeps a revoked object's
// id (T1086 stays T1086) and names its replacement with a `revoked-by` relationship (revokedBy).

export interface DiffRow {
  stixId: string;
  attackId: string | null;
  kind: string;
  name: string;
  revoked: boolean;
  revokedBy: string | null;
  deprecated: boolean;
}

export interface TCatalogRef {
  id: string;
  name: string;
}

export interface TCatalogChanges {
  added: (TCatalogRef & { kind: string })[];
  revoked: (TCatalogRef & { replacedBy: TCatalogRef | null })[];
  deprecated: TCatalogRef[];
  renamed: { id: string; from: string; to: string }[];
}

const isLive = (row: DiffRow) => !row.revoked && !row.deprecated;
// An object without an ATT&CK id (none in the official bundles today) is still listed, by its STIX id.
const refOf = (row: DiffRow): TCatalogRef => ({ id: row.attackId ?? row.stixId, name: row.name });
const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id, "en", { numeric: true });

export function diffCatalog(oldRows: DiffRow[], newRows: DiffRow[]): TCatalogChanges {
  const before = new Map(oldRows.map((row) => [row.stixId, row]));
  const after = new Map(newRows.map((row) => [row.stixId, row]));
  const changes: TCatalogChanges = { added: [], revoked: [], deprecated: [], renamed: [] };
  for (const row of newRows) {
    const old = before.get(row.stixId);
    if (!old) {
      if (isLive(row)) changes.added.push({ ...refOf(row), kind: row.kind });
      continue;
    }
    if (!isLive(old)) continue;
    if (row.revoked) {
      const by = row.revokedBy ? after.get(row.revokedBy) : undefined;
      changes.revoked.push({ ...refOf(row), replacedBy: by ? refOf(by) : null });
    } else if (row.deprecated) {
      changes.deprecated.push(refOf(row));
    } else if (row.name !== old.name) {
      changes.renamed.push({ id: refOf(row).id, from: old.name, to: row.name });
    }
  }
  changes.added.sort(byId);
  changes.revoked.sort(byId);
  changes.deprecated.sort(byId);
  changes.renamed.sort(byId);
  return changes;
}

/** How many of each: the page's summary line and the import's log. */
export function countChanges(changes: TCatalogChanges): Record<keyof TCatalogChanges, number> {
  return {
    added: changes.added.length,
    revoked: changes.revoked.length,
    deprecated: changes.deprecated.length,
    renamed: changes.renamed.length,
  };
}
