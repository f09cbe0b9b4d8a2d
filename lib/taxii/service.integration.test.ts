// TAXII over real exported releases: every object arrives exactly once when paging with limit=2,
// filters and the all-objects collection behave, and bad input is a 4xx AppError.
import { describe, expect, it } from "vitest";
import { observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { createObservation } from "../observations/service";
import { createRelease, exportRelease, getReleaseBundle } from "../releases/service";
import { transitionObservation } from "../review/workflow";
import { ALL_COLLECTION_ID, releaseCollectionId } from "./collections";
import {
  getCollection,
  getManifest,
  getObject,
  getObjects,
  getObjectVersions,
  listCollections,
  type PagingContext,
  type TaxiiResult,
} from "./service";

const w = useWorkDb();
const paging: PagingContext = { secret: "test-secret", now: new Date() };

async function accepted(overrides = {}) {
  const { observation } = await createObservation(w.contributor, observationInput(overrides), w.db);
  await transitionObservation(w.reviewer, observation.id, { action: "claim", version: 1 }, w.db);
  await transitionObservation(w.reviewer, observation.id, { action: "accept", version: 2 }, w.db);
}

type Stix = { id: string; type: string; modified?: string; created?: string };

/** Creates and exports a release of credited observations, one per technique; returns its id, objects, export date. */
async function exported(name: string, techniques: string[]) {
  await w.db.user.update({ where: { id: w.contributor.id }, data: { creditName: "Jane Analyst" } });
  const release = await createRelease(w.admin, { name, domain: "enterprise-attack", attackVersion: "18.1" }, w.db);
  for (const technique of techniques) await accepted({ technique, credit: "named" });
  await exportRelease(w.admin, release.id, w.db);
  const { text } = await getReleaseBundle(w.admin, release.id, w.db);
  const row = await w.db.release.findUniqueOrThrow({ where: { id: release.id } });
  return { id: release.id, objects: (JSON.parse(text) as { objects: Stix[] }).objects, exportedAt: row.exportedAt! };
}

/** Pages through an endpoint with limit=2, following `next` until `more` is false. */
async function pageAll(
  call: (params: URLSearchParams) => Promise<TaxiiResult>,
  query: Record<string, string> = {},
): Promise<{ items: unknown[]; pages: TaxiiResult[] }> {
  const items: unknown[] = [];
  const pages: TaxiiResult[] = [];
  let next: string | undefined;
  for (let i = 0; i < 100; i++) {
    const params = new URLSearchParams({ ...query, limit: "2", ...(next ? { next } : {}) });
    const page = await call(params);
    pages.push(page);
    const body = page.body as { more: boolean; next?: string; objects?: unknown[]; versions?: unknown[] };
    items.push(...(body.objects ?? body.versions ?? []));
    if (!body.more) {
      expect(body.next).toBeUndefined();
      return { items, pages };
    }
    expect(typeof body.next).toBe("string");
    next = body.next;
  }
  throw new Error("paging never ended");
}

describe("TAXII service", () => {
  it("serves exported releases as collections, paged with limit/next, each object once", async () => {
    const first = await exported("TAXII one", ["T1059.001", "T1105", "T1071.001"]);
    // A later release credits the same actor again: a second version of its credited copy.
    const second = await exported("TAXII two", ["T1566.001"]);

    const { collections } = (await listCollections(w.contributor, w.db)).body as { collections: { id: string }[] };
    expect(collections.map((c) => c.id)).toEqual([
      ALL_COLLECTION_ID,
      releaseCollectionId(second.id),
      releaseCollectionId(first.id),
    ]);
    const one = releaseCollectionId(first.id);
    expect((await getCollection(w.contributor, one, w.db)).body).toMatchObject({
      id: one,
      title: "TAXII one",
      can_read: true,
      can_write: false,
      media_types: ["application/stix+json;version=2.1"],
    });

    // limit=2 through the first release: every bundle object exactly once, in pages of at most two.
    const paged = await pageAll((p) => getObjects(w.contributor, one, p, w.db, paging));
    const ids = (paged.items as Stix[]).map((o) => o.id);
    expect(ids.length).toBe(first.objects.length);
    expect(new Set(ids)).toEqual(new Set(first.objects.map((o) => o.id)));
    expect(paged.pages.length).toBe(Math.ceil(first.objects.length / 2));
    const added = first.exportedAt.toISOString();
    for (const page of paged.pages) {
      expect(page.headers).toEqual({ "X-TAXII-Date-Added-First": added, "X-TAXII-Date-Added-Last": added });
    }

    // The manifest pages the same way and names each object's version.
    const manifest = (await pageAll((p) => getManifest(w.contributor, one, p, w.db, paging))).items as {
      id: string;
      version: string;
      date_added: string;
      media_type: string;
    }[];
    expect(manifest.map((m) => m.id)).toEqual(ids);
    for (const m of manifest) {
      const object = first.objects.find((o) => o.id === m.id)!;
      expect(m).toEqual({
        id: m.id,
        version: object.modified ?? object.created,
        date_added: added,
        media_type: "application/stix+json;version=2.1",
      });
    }

    // Filters: match[type], match[id], added_after.
    const uses = (
      await pageAll((p) => getObjects(w.contributor, one, p, w.db, paging), { "match[type]": "relationship" })
    ).items as Stix[];
    expect(uses.map((o) => o.type)).toEqual(["relationship", "relationship", "relationship"]);
    const picked = (
      await getObjects(w.contributor, one, new URLSearchParams({ "match[id]": uses[1].id }), w.db, paging)
    ).body as { objects: Stix[] };
    expect(picked.objects.map((o) => o.id)).toEqual([uses[1].id]);
    const nothingNew = await getObjects(w.contributor, one, new URLSearchParams({ added_after: added }), w.db, paging);
    expect(nothingNew).toEqual({ body: { more: false }, headers: {} });

    // The all-objects collection: both releases, objects they share once, the latest version by default.
    const all = (await pageAll((p) => getObjects(w.contributor, ALL_COLLECTION_ID, p, w.db, paging))).items as Stix[];
    const union = new Set([...first.objects, ...second.objects].map((o) => o.id));
    expect(all.length).toBe(union.size);
    expect(new Set(all.map((o) => o.id))).toEqual(union);
    const since = (
      await pageAll((p) => getObjects(w.contributor, ALL_COLLECTION_ID, p, w.db, paging), {
        added_after: added,
      })
    ).items as Stix[];
    const firstVersions = new Set(first.objects.map((o) => `${o.id}@${o.modified ?? o.created}`));
    expect(since.map((o) => o.id).sort()).toEqual(
      second.objects
        .filter((o) => !firstVersions.has(`${o.id}@${o.modified ?? o.created}`))
        .map((o) => o.id)
        .sort(),
    );

    // An object both releases carry in different versions: two versions, the latest by default.
    const credited = second.objects.find(
      (o) => o.type === "intrusion-set" && first.objects.some((f) => f.id === o.id && f.modified !== o.modified),
    );
    expect(credited, "the second release re-credits an actor of the first").toBeDefined();
    {
      const versions = (
        await pageAll((p) => getObjectVersions(w.contributor, ALL_COLLECTION_ID, credited!.id, p, w.db, paging))
      ).items;
      expect(versions).toEqual([first.objects.find((o) => o.id === credited!.id)!.modified, credited!.modified]);
      const latest = (
        await getObject(w.contributor, ALL_COLLECTION_ID, credited!.id, new URLSearchParams(), w.db, paging)
      ).body as { objects: Stix[] };
      expect(latest.objects).toEqual([credited!]);
      const both = (
        await getObject(
          w.contributor,
          ALL_COLLECTION_ID,
          credited!.id,
          new URLSearchParams({ "match[version]": "all" }),
          w.db,
          paging,
        )
      ).body as { objects: Stix[] };
      expect(both.objects.map((o) => o.modified)).toEqual(versions);
    }
  });

  it("refuses unknown collections and objects, bad filters and forged or foreign next values", async () => {
    const release = await exported("TAXII bad input", ["T1059.001", "T1105"]);
    const id = releaseCollectionId(release.id);
    const objects = (p: Record<string, string>) => getObjects(w.contributor, id, new URLSearchParams(p), w.db, paging);

    expect((await appErrorOf(getCollection(w.contributor, "no-such-collection", w.db))).code).toBe("NOT_FOUND");
    expect(
      (await appErrorOf(getObjects(w.contributor, releaseCollectionId("nope"), new URLSearchParams(), w.db, paging)))
        .code,
    ).toBe("NOT_FOUND");
    const ghost = "attack-pattern--00000000-0000-4000-8000-000000000000";
    expect((await appErrorOf(getObject(w.contributor, id, ghost, new URLSearchParams(), w.db, paging))).code).toBe(
      "NOT_FOUND",
    );
    expect(
      (await appErrorOf(getObjectVersions(w.contributor, id, ghost, new URLSearchParams(), w.db, paging))).code,
    ).toBe("NOT_FOUND");

    expect((await appErrorOf(objects({ added_after: "last week" }))).message).toMatch(/added_after/);
    const { body } = await objects({ limit: "1" });
    const next = (body as { next: string }).next;
    expect((await appErrorOf(objects({ next: `${next.slice(0, -2)}xx` }))).message).toMatch(
      /not a value this server issued/,
    );
    // The same next with other filters, or on another endpoint, belongs to another query.
    expect((await appErrorOf(objects({ next, "match[type]": "relationship" }))).message).toMatch(/another query/);
    const onManifest = getManifest(w.contributor, id, new URLSearchParams({ next }), w.db, paging);
    expect((await appErrorOf(onManifest)).code).toBe("VALIDATION");
    // Expired: a day later.
    const tomorrow = { ...paging, now: new Date(paging.now.getTime() + 25 * 3600 * 1000) };
    const stale = getObjects(w.contributor, id, new URLSearchParams({ next }), w.db, tomorrow);
    expect((await appErrorOf(stale)).message).toMatch(/expired/);
    // A newly exported release shows in the all-objects collection at once (no stale cached selection).
    const all = () => getObjects(w.contributor, ALL_COLLECTION_ID, new URLSearchParams(), w.db, paging);
    const before = ((await all()).body as { objects: Stix[] }).objects.length;
    expect(before).toBe(release.objects.length);
    const later = await exported("TAXII later", ["T1566.001"]);
    const after = ((await all()).body as { objects: Stix[] }).objects.map((o) => o.id);
    expect(after).toEqual(expect.arrayContaining(later.objects.map((o) => o.id)));
    expect(after.length).toBeGreaterThan(before);
    // An open (not yet exported) release is no collection.
    const open = await createRelease(
      w.admin,
      { name: "Still open", domain: "enterprise-attack", attackVersion: "18.1" },
      w.db,
    );
    expect((await appErrorOf(getCollection(w.contributor, releaseCollectionId(open.id), w.db))).code).toBe("NOT_FOUND");
  });
});
