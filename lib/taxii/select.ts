// The pure part of every object endpoint: filter a collection's records as TAXII 2.1 says (§3.4), order
// them by date added, and cut one page after a position. Positions are keys, not offsets, so a page
// boundary stays put when releases are exported between two requests.
import type { TaxiiQuery } from "./query";

/** One version of one STIX object in a collection. */
export interface TaxiiRecord {
  id: string;
  type: string;
  specVersion: string;
  /** The object's version as it states it: `modified`, else `created`, else its date added. */
  version: string;
  versionKey: string;
  /** ISO timestamp (date_added) and its key. */
  dateAdded: string;
  dateAddedKey: string;
  object: Record<string, unknown>;
}

/** Where a page ended: the last record's sort key. */
export interface PagePosition {
  d: string;
  i: string;
  v: string;
}

export interface Page {
  records: TaxiiRecord[];
  more: boolean;
  /** Position of the last record, when more follow. */
  last: PagePosition | null;
}

const positionOf = (r: TaxiiRecord): PagePosition => ({ d: r.dateAddedKey, i: r.id, v: r.versionKey });

function compare(a: PagePosition, b: PagePosition): number {
  if (a.d !== b.d) return a.d < b.d ? -1 : 1;
  if (a.i !== b.i) return a.i < b.i ? -1 : 1;
  if (a.v !== b.v) return a.v < b.v ? -1 : 1;
  return 0;
}

function groupById(records: TaxiiRecord[]): Map<string, TaxiiRecord[]> {
  const groups = new Map<string, TaxiiRecord[]>();
  for (const r of records) {
    const group = groups.get(r.id);
    if (group) group.push(r);
    else groups.set(r.id, [r]);
  }
  return groups;
}

/** Without match[spec_version], only the latest spec version of each object (§3.4). */
function bySpecVersion(records: TaxiiRecord[], wanted: string[] | null): TaxiiRecord[] {
  if (wanted) return records.filter((r) => wanted.includes(r.specVersion));
  const latest = new Map<string, string>();
  for (const r of records) {
    const seen = latest.get(r.id);
    if (!seen || Number(r.specVersion) > Number(seen)) latest.set(r.id, r.specVersion);
  }
  return records.filter((r) => r.specVersion === latest.get(r.id));
}

function byVersion(records: TaxiiRecord[], match: TaxiiQuery["versions"]): TaxiiRecord[] {
  if (match.all) return records;
  const keep = new Set<TaxiiRecord>();
  for (const group of groupById(records).values()) {
    const sorted = [...group].sort((a, b) => (a.versionKey < b.versionKey ? -1 : a.versionKey > b.versionKey ? 1 : 0));
    if (match.first) keep.add(sorted[0]);
    if (match.last) keep.add(sorted[sorted.length - 1]);
    for (const r of group) if (match.at.includes(r.versionKey)) keep.add(r);
  }
  return records.filter((r) => keep.has(r));
}

/**
 * Filters in the reference server's order: id and type, then added_after, then spec version, then
 * version (so `last` with added_after is the latest version added since then), then date-added order.
 */
export function selectRecords(records: TaxiiRecord[], query: TaxiiQuery): TaxiiRecord[] {
  const { ids, types, addedAfter } = query;
  let selected = records.filter(
    (r) =>
      (!ids || ids.includes(r.id)) &&
      (!types || types.includes(r.type)) &&
      (addedAfter === null || r.dateAddedKey > addedAfter),
  );
  selected = byVersion(bySpecVersion(selected, query.specVersions), query.versions);
  return selected.sort((a, b) => compare(positionOf(a), positionOf(b)));
}

/** One page of sorted records: those after `after` (exclusive), at most `limit`. */
export function pageOf(sorted: TaxiiRecord[], limit: number, after: PagePosition | null): Page {
  let start = 0;
  if (after) {
    // Binary search: the first record past the position.
    let high = sorted.length;
    while (start < high) {
      const mid = (start + high) >> 1;
      if (compare(positionOf(sorted[mid]), after) <= 0) start = mid + 1;
      else high = mid;
    }
  }
  const records = sorted.slice(start, start + limit);
  const more = start + limit < sorted.length;
  return { records, more, last: more && records.length ? positionOf(records[records.length - 1]) : null };
}
