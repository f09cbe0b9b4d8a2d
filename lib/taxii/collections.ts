// TAXII collections are the exported releases, plus one collection of everything ever exported. An
// exported release's bundle never changes (re-export is a no-op), so each bundle is parsed once per
// process and its records kept (a few, least recently used first out).
import { v5 as uuidv5 } from "uuid";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { STIX_MEDIA_TYPE } from "./media";
import type { TaxiiRecord } from "./select";
import { taxiiTimestamp, timestampKey } from "./timestamp";

/** Namespace of collection ids: a release's collection id is uuid v5 of its release id, for good. */
export const TAXII_NAMESPACE = "5d3f3a8e-61a4-4f55-9d55-1a0b8f0e7c21";
export const ALL_COLLECTION_ID = uuidv5("all-exported", TAXII_NAMESPACE);
export const releaseCollectionId = (releaseId: string) => uuidv5(`release:${releaseId}`, TAXII_NAMESPACE);

export interface TaxiiCollection {
  id: string;
  title: string;
  description: string;
  alias?: string;
  can_read: true;
  can_write: false;
  media_types: string[];
}

interface ExportedRelease {
  id: string;
  name: string;
  domain: string;
  attackVersion: string;
  exportedAt: Date;
  bundleSha256: string;
}

async function exportedReleases(db: Db): Promise<ExportedRelease[]> {
  const rows = await db.release.findMany({
    where: { status: "EXPORTED", exportedAt: { not: null }, bundleSha256: { not: null } },
    select: { id: true, name: true, domain: true, attackVersion: true, exportedAt: true, bundleSha256: true },
    orderBy: [{ exportedAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ ...r, exportedAt: r.exportedAt!, bundleSha256: r.bundleSha256! }));
}

const ALL_COLLECTION: TaxiiCollection = {
  id: ALL_COLLECTION_ID,
  title: "All exported objects",
  description:
    "Every STIX object of every exported release. Without match[version] each object's latest exported version; the versions endpoint lists them all.",
  alias: "all",
  can_read: true,
  can_write: false,
  media_types: [STIX_MEDIA_TYPE],
};

function releaseCollection(r: ExportedRelease): TaxiiCollection {
  return {
    id: releaseCollectionId(r.id),
    title: r.name,
    description: `Release "${r.name}": candidate additions to ${r.domain} ATT&CK v${r.attackVersion}, exported ${taxiiTimestamp(r.exportedAt)}.`,
    can_read: true,
    can_write: false,
    media_types: [STIX_MEDIA_TYPE],
  };
}

/** The all-objects collection first, then the releases, newest export first. */
export async function listTaxiiCollections(db: Db): Promise<TaxiiCollection[]> {
  return [ALL_COLLECTION, ...(await exportedReleases(db)).reverse().map(releaseCollection)];
}

interface FoundCollection {
  collection: TaxiiCollection;
  releases: ExportedRelease[];
}

export async function findTaxiiCollection(db: Db, collectionId: string): Promise<FoundCollection> {
  const releases = await exportedReleases(db);
  if (collectionId === ALL_COLLECTION_ID) return { collection: ALL_COLLECTION, releases };
  const release = releases.find((r) => releaseCollectionId(r.id) === collectionId);
  if (!release) {
    throw new AppError(
      "NOT_FOUND",
      `No collection ${collectionId.slice(0, 80)} in this API root: list them at the collections endpoint (only exported releases are collections).`,
    );
  }
  return { collection: releaseCollection(release), releases: [release] };
}

const CACHE_SIZE = 8;
const cache = new Map<string, TaxiiRecord[]>();
let merged: { key: string; records: TaxiiRecord[] } | null = null;

function recordsOf(bundleText: string, exportedAt: Date): TaxiiRecord[] {
  const bundle = JSON.parse(bundleText) as { objects?: Record<string, unknown>[] };
  const dateAdded = taxiiTimestamp(exportedAt);
  const dateAddedKey = timestampKey(dateAdded)!;
  return (bundle.objects ?? []).map((object) => {
    const stated = [object.modified, object.created].find(
      (v): v is string => typeof v === "string" && timestampKey(v) !== null,
    );
    const version = stated ?? dateAdded;
    return {
      id: String(object.id),
      type: String(object.type),
      // A STIX object without spec_version is 2.0.
      specVersion: typeof object.spec_version === "string" ? object.spec_version : "2.0",
      version,
      versionKey: timestampKey(version)!,
      dateAdded,
      dateAddedKey,
      object,
    };
  });
}

async function releaseRecords(db: Db, releases: ExportedRelease[]): Promise<TaxiiRecord[][]> {
  const keyOf = (r: ExportedRelease) => `${r.id}:${r.bundleSha256}`;
  const missing = releases.filter((r) => !cache.has(keyOf(r)));
  if (missing.length) {
    const rows = await db.release.findMany({
      where: { id: { in: missing.map((r) => r.id) } },
      select: { id: true, bundle: true },
    });
    const texts = new Map(rows.map((row) => [row.id, row.bundle]));
    for (const r of missing) cache.set(keyOf(r), recordsOf(texts.get(r.id) ?? '{"objects":[]}', r.exportedAt));
  }
  const result = releases.map((r) => {
    const records = cache.get(keyOf(r))!;
    // Least recently used goes first: re-insert what was just read.
    cache.delete(keyOf(r));
    cache.set(keyOf(r), records);
    return records;
  });
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}

/**
 * Every (object, version) of the collection. An object version that several releases carry (the
 * platform identity, MITRE's marking) counts once, added when the first of them was exported.
 */
export async function collectionRecords(db: Db, found: FoundCollection): Promise<TaxiiRecord[]> {
  // The same array while no release is exported, so selections of it stay cached (lib/taxii/service), and
  // the per-release cache (which holds fewer releases than there may be) is not re-read on every page.
  const key = found.releases.map((r) => `${r.id}:${r.bundleSha256}`).join(",");
  if (found.releases.length > 1 && merged?.key === key) return merged.records;
  const perRelease = await releaseRecords(db, found.releases);
  if (perRelease.length === 1) return perRelease[0];
  const seen = new Set<string>();
  const records: TaxiiRecord[] = [];
  for (const list of perRelease) {
    for (const r of list) {
      const version = `${r.id}@${r.versionKey}`;
      if (seen.has(version)) continue;
      seen.add(version);
      records.push(r);
    }
  }
  merged = { key, records };
  return records;
}
