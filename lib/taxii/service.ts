// The TAXII 2.1 read-only API (§4 discovery and API root, §5 collections): each function returns the
// resource and its TAXII headers; lib/taxii/http.ts turns that into a response.
import { assertCan, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { collectionRecords, findTaxiiCollection, listTaxiiCollections } from "./collections";
import { STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE } from "./media";
import { issueNext, readNext } from "./next-token";
import { parseTaxiiQuery, queryFingerprint, type Endpoint, type TaxiiQuery } from "./query";
import { pageOf, selectRecords, type TaxiiRecord } from "./select";

export const API_ROOT_PATH = "/taxii2/api/";

export interface TaxiiResult {
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** What signs `next` values, and the clock that dates them. */
export interface PagingContext {
  secret: string;
  now: Date;
}

// Any signed-in account may read: exported bundles hold only TLP:CLEAR content (lib/releases).
const READ = "observation:read-own";

export function discovery(actor: Actor, baseUrl: string): TaxiiResult {
  assertCan(actor, READ);
  const root = `${baseUrl}${API_ROOT_PATH}`;
  return {
    body: {
      title: "Procedure Exchange TAXII server",
      description:
        "Read-only TAXII 2.1: one collection per exported release, and one of every exported object. Authenticate with a personal API token (HTTP Basic password, or Bearer).",
      default: root,
      api_roots: [root],
    },
  };
}

export function apiRootInformation(actor: Actor): TaxiiResult {
  assertCan(actor, READ);
  return {
    body: {
      title: "Procedure Exchange releases",
      description: "Candidate ATT&CK procedure examples, as exported releases (STIX 2.1 bundles).",
      versions: [TAXII_MEDIA_TYPE],
      // Read-only: this API root accepts no request bodies.
      max_content_length: 0,
    },
  };
}

export async function listCollections(actor: Actor, db: Db): Promise<TaxiiResult> {
  assertCan(actor, READ);
  return { body: { collections: await listTaxiiCollections(db) } };
}

export async function getCollection(actor: Actor, collectionId: string, db: Db): Promise<TaxiiResult> {
  assertCan(actor, READ);
  return { body: { ...(await findTaxiiCollection(db, collectionId)).collection } };
}

interface Paged {
  records: TaxiiRecord[];
  more: boolean;
  next?: string;
  headers: Record<string, string>;
}

// Filtering and sorting a large collection costs far more than cutting a page from the result, so a
// client paging through keeps hitting the same selection. Keyed by the collection's records array,
// which lib/taxii/collections keeps the same while no release is exported.
const SELECTIONS_PER_COLLECTION = 16;
const selections = new WeakMap<TaxiiRecord[], Map<string, TaxiiRecord[]>>();

function cachedSelection(records: TaxiiRecord[], query: TaxiiQuery): TaxiiRecord[] {
  let cache = selections.get(records);
  if (!cache) selections.set(records, (cache = new Map()));
  const key = queryFingerprint("", query);
  let selected = cache.get(key);
  if (!selected) {
    selected = selectRecords(records, query);
    cache.set(key, selected);
    if (cache.size > SELECTIONS_PER_COLLECTION) cache.delete(cache.keys().next().value!);
  }
  return selected;
}

/** The shared path of the four object endpoints: find, filter, page, sign the next position. */
async function pagedRecords(
  actor: Actor,
  endpoint: Endpoint,
  collectionId: string,
  objectId: string | null,
  params: URLSearchParams,
  db: Db,
  paging: PagingContext,
): Promise<Paged> {
  assertCan(actor, READ);
  const query = parseTaxiiQuery(endpoint, params);
  const found = await findTaxiiCollection(db, collectionId);
  let records = await collectionRecords(db, found);
  if (objectId !== null) {
    records = records.filter((r) => r.id === objectId);
    if (records.length === 0) {
      throw new AppError(
        "NOT_FOUND",
        `No object ${objectId.slice(0, 120)} in collection "${found.collection.title}": list its objects or manifest to see what it holds.`,
      );
    }
  }
  const fingerprint = queryFingerprint(`${endpoint}:${found.collection.id}:${objectId ?? ""}`, query);
  const after = query.next === null ? null : readNext(query.next, fingerprint, paging.secret, paging.now);
  const page = pageOf(
    objectId === null ? cachedSelection(records, query) : selectRecords(records, query),
    query.limit,
    after,
  );
  const first = page.records[0];
  const last = page.records[page.records.length - 1];
  return {
    records: page.records,
    more: page.more,
    ...(page.last ? { next: issueNext(page.last, fingerprint, paging.secret, paging.now) } : {}),
    headers: first ? { "X-TAXII-Date-Added-First": first.dateAdded, "X-TAXII-Date-Added-Last": last.dateAdded } : {},
  };
}

function envelope(paged: Paged, key: "objects" | "versions", items: unknown[]): TaxiiResult {
  return {
    body: {
      more: paged.more,
      ...(paged.next ? { next: paged.next } : {}),
      ...(items.length ? { [key]: items } : {}),
    },
    headers: paged.headers,
  };
}

export async function getObjects(
  actor: Actor,
  collectionId: string,
  params: URLSearchParams,
  db: Db,
  paging: PagingContext,
): Promise<TaxiiResult> {
  const paged = await pagedRecords(actor, "objects", collectionId, null, params, db, paging);
  return envelope(
    paged,
    "objects",
    paged.records.map((r) => r.object),
  );
}

export async function getManifest(
  actor: Actor,
  collectionId: string,
  params: URLSearchParams,
  db: Db,
  paging: PagingContext,
): Promise<TaxiiResult> {
  const paged = await pagedRecords(actor, "manifest", collectionId, null, params, db, paging);
  const manifest = paged.records.map((r) => ({
    id: r.id,
    date_added: r.dateAdded,
    version: r.version,
    media_type: STIX_MEDIA_TYPE,
  }));
  return envelope(paged, "objects", manifest);
}

export async function getObject(
  actor: Actor,
  collectionId: string,
  objectId: string,
  params: URLSearchParams,
  db: Db,
  paging: PagingContext,
): Promise<TaxiiResult> {
  const paged = await pagedRecords(actor, "object", collectionId, objectId, params, db, paging);
  return envelope(
    paged,
    "objects",
    paged.records.map((r) => r.object),
  );
}

export async function getObjectVersions(
  actor: Actor,
  collectionId: string,
  objectId: string,
  params: URLSearchParams,
  db: Db,
  paging: PagingContext,
): Promise<TaxiiResult> {
  const paged = await pagedRecords(actor, "versions", collectionId, objectId, params, db, paging);
  return envelope(
    paged,
    "versions",
    paged.records.map((r) => r.version),
  );
}

/** Add Objects and Delete an Object: every collection here is read-only (`can_write` false), so 403. */
export function refuseWrite(actor: Actor): never {
  assertCan(actor, READ);
  throw new AppError(
    "FORBIDDEN",
    "This TAXII server is read-only: collections hold exported releases, which change only by exporting a new release.",
  );
}
