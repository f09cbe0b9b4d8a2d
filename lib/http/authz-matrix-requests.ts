// One representative, well-formed request per API/TAXII route and method, and one call per server action, built
// from the seeded world: a caller who may do it gets a 2xx, so every refusal in the matrix is the authorization's
// (or the workflow's) doing, not a bad body's. Used by the matrix and, as the starting point, by the fuzzers.
import type { Db } from "../db/client";
import { TAXII_MEDIA_TYPE } from "../taxii/media";
import type { World } from "./authz-matrix-harness";

export interface RequestSpec {
  url: string;
  params: Record<string, string | string[]>;
  body?: unknown;
  accept?: string;
}

type Build = (w: World, db: Db) => Promise<RequestSpec> | RequestSpec;

async function version(db: Db, publicId: string): Promise<number> {
  return (await db.observation.findUniqueOrThrow({ where: { publicId } })).version;
}

const obs = (w: World, rest = "") => ({ url: `/api/v1/observations/${w.obsA}${rest}`, params: { id: w.obsA } });
const release = (w: World, rest: string) => ({
  url: `/api/v1/releases/${w.exportedRelease}${rest}`,
  params: { id: w.exportedRelease },
});
const taxii = (url: string, params: Record<string, string | string[]> = {}): RequestSpec => ({
  url,
  params,
  accept: TAXII_MEDIA_TYPE,
});
const collection = (w: World) => ({ collectionId: w.collectionId });

const NEW_OBSERVATION = {
  domain: "enterprise-attack",
  technique: "T1059.001",
  actor: { id: "G0016" },
  procedure: "used PowerShell to download a loader from a staging server.",
  references: [{ sourceName: "Acme Labs 2026", url: "https://example.org/a", description: "Acme.", public: true }],
  tlp: "CLEAR",
  credit: "anonymous",
};

/** "METHOD /route" → the request. Keys must match the route files found on disk (the matrix checks both ways). */
export const ROUTE_REQUESTS: Record<string, Build> = {
  "POST /api/v1/anonymize": () => ({
    url: "/api/v1/anonymize",
    params: {},
    body: { text: "host fin-ws-12.corp.local" },
  }),
  "GET /api/v1/audit": () => ({ url: "/api/v1/audit", params: {} }),
  "GET /api/v1/catalog/changes": () => ({ url: "/api/v1/catalog/changes?domain=enterprise-attack", params: {} }),
  "POST /api/v1/catalog/examples": () => ({
    url: "/api/v1/catalog/examples",
    params: {},
    body: { domain: "enterprise-attack", technique: "T1059.001", actor: "G0016" },
  }),
  "GET /api/v1/catalog/layer": () => ({ url: "/api/v1/catalog/layer", params: {} }),
  "GET /api/v1/catalog/search": () => ({ url: "/api/v1/catalog/search?q=powershell", params: {} }),
  "POST /api/v1/catalog/suggest": () => ({
    url: "/api/v1/catalog/suggest",
    params: {},
    body: { text: "The actor ran an encoded PowerShell command to download its loader.", domain: "enterprise-attack" },
  }),
  "GET /api/v1/drafts/current": () => ({ url: "/api/v1/drafts/current", params: {} }),
  "PUT /api/v1/drafts/current": () => ({
    url: "/api/v1/drafts/current",
    params: {},
    body: { procedure: "used PowerShell." },
  }),
  "DELETE /api/v1/drafts/current": () => ({ url: "/api/v1/drafts/current", params: {} }),
  "POST /api/v1/observations": () => ({ url: "/api/v1/observations", params: {}, body: NEW_OBSERVATION }),
  "GET /api/v1/observations/[id]": (w) => obs(w),
  "PATCH /api/v1/observations/[id]": async (w, db) => ({
    ...obs(w),
    body: { version: await version(db, w.obsA), procedure: "used PowerShell to run a loader.", reason: "clearer" },
  }),
  "GET /api/v1/observations/[id]/comments": (w) => obs(w, "/comments"),
  "POST /api/v1/observations/[id]/comments": (w) => ({ ...obs(w, "/comments"), body: { body: "Thanks, noted." } }),
  "GET /api/v1/observations/[id]/duplicates": (w) => obs(w, "/duplicates"),
  "POST /api/v1/observations/[id]/purge": async (w, db) => ({
    ...obs(w, "/purge"),
    body: { value: "PowerShell", version: await version(db, w.obsA) },
  }),
  "POST /api/v1/observations/[id]/remap": async (w, db) => ({
    ...obs(w, "/remap"),
    body: { version: await version(db, w.obsA), technique: "T1059.001", reason: "better fit" },
  }),
  "POST /api/v1/observations/[id]/revert": async (w, db) => ({
    ...obs(w, "/revert"),
    body: { version: await version(db, w.obsA), toVersion: 1 },
  }),
  "GET /api/v1/observations/[id]/revisions/diff": (w) => ({
    url: `/api/v1/observations/${w.obsA}/revisions/diff?from=1&to=2`,
    params: { id: w.obsA },
  }),
  "POST /api/v1/observations/[id]/transitions": async (w, db) => ({
    ...obs(w, "/transitions"),
    body: { action: "ask", version: await version(db, w.obsA), comment: "Which loader?" },
  }),
  "GET /api/v1/jobs/[id]": (w) => ({ url: `/api/v1/jobs/${w.jobA}`, params: { id: w.jobA } }),
  "GET /api/v1/openapi.json": () => ({ url: "/api/v1/openapi.json", params: {} }),
  "GET /api/v1/queue": () => ({ url: "/api/v1/queue?limit=10", params: {} }),
  "POST /api/v1/queue/bulk": async (w, db) => ({
    url: "/api/v1/queue/bulk",
    params: {},
    body: { action: "reject", items: [{ id: w.obsA, version: await version(db, w.obsA) }], reason: "out of scope" },
  }),
  "GET /api/v1/releases": () => ({ url: "/api/v1/releases", params: {} }),
  "POST /api/v1/releases": () => ({
    url: "/api/v1/releases",
    params: {},
    // Another domain: enterprise-attack has its OPEN release already (one per domain).
    body: { name: "Next", domain: "mobile-attack", attackVersion: "18.1" },
  }),
  "GET /api/v1/releases/[id]/bundle.json": (w) => release(w, "/bundle.json"),
  "GET /api/v1/releases/[id]/changelog.json": (w) => release(w, "/changelog.json"),
  "GET /api/v1/releases/[id]/changelog.md": (w) => release(w, "/changelog.md"),
  "POST /api/v1/releases/[id]/export": (w) => ({
    url: `/api/v1/releases/${w.openRelease}/export`,
    params: { id: w.openRelease },
  }),
  "POST /api/v1/releases/[id]/freeze": (w) => ({
    url: `/api/v1/releases/${w.openRelease}/freeze`,
    params: { id: w.openRelease },
  }),
  "GET /api/v1/releases/[id]/layer.json": (w) => release(w, "/layer.json"),
  "GET /api/v1/releases/[id]/sightings.csv": (w) => release(w, "/sightings.csv"),
  "GET /api/v1/releases/[id]/sightings.json": (w) => release(w, "/sightings.json"),
  "GET /api/v1/users": () => ({ url: "/api/v1/users", params: {} }),
  "POST /api/v1/users": () => ({
    url: "/api/v1/users",
    params: {},
    body: { email: "new-person@authz.test", role: "CONTRIBUTOR" },
  }),
  "PATCH /api/v1/users/[id]": (w) => ({
    url: `/api/v1/users/${w.users.contributorB.actor.id}`,
    params: { id: w.users.contributorB.actor.id },
    body: { role: "REVIEWER" },
  }),
  "GET /taxii2": () => taxii("/taxii2/"),
  "GET /taxii2/[...rest]": () => taxii("/taxii2/nowhere/else", { rest: ["nowhere", "else"] }),
  "GET /taxii2/api": () => taxii("/taxii2/api/"),
  "GET /taxii2/api/collections": () => taxii("/taxii2/api/collections/"),
  "GET /taxii2/api/collections/[collectionId]": (w) =>
    taxii(`/taxii2/api/collections/${w.collectionId}/`, collection(w)),
  "GET /taxii2/api/collections/[collectionId]/manifest": (w) =>
    taxii(`/taxii2/api/collections/${w.collectionId}/manifest/`, collection(w)),
  "GET /taxii2/api/collections/[collectionId]/objects": (w) =>
    taxii(`/taxii2/api/collections/${w.collectionId}/objects/`, collection(w)),
  "POST /taxii2/api/collections/[collectionId]/objects": (w) => ({
    ...taxii(`/taxii2/api/collections/${w.collectionId}/objects/`, collection(w)),
    body: { objects: [] },
  }),
  "GET /taxii2/api/collections/[collectionId]/objects/[objectId]": (w) =>
    taxii(`/taxii2/api/collections/${w.collectionId}/objects/${w.stixObjectId}/`, {
      ...collection(w),
      objectId: w.stixObjectId,
    }),
  "DELETE /taxii2/api/collections/[collectionId]/objects/[objectId]": (w) =>
    taxii(`/taxii2/api/collections/${w.collectionId}/objects/${w.stixObjectId}/`, {
      ...collection(w),
      objectId: w.stixObjectId,
    }),
  "GET /taxii2/api/collections/[collectionId]/objects/[objectId]/versions": (w) =>
    taxii(`/taxii2/api/collections/${w.collectionId}/objects/${w.stixObjectId}/versions/`, {
      ...collection(w),
      objectId: w.stixObjectId,
    }),
};

/** Server actions: "file#export" → its arguments. */
export const ACTION_CALLS: Record<string, (w: World, db: Db) => Promise<unknown[]> | unknown[]> = {
  "(admin)/jobs/actions.ts#retryJobAction": (w) => [w.failedJob],
  "(admin)/releases/actions.ts#createReleaseAction": () => [
    { name: "Next", domain: "mobile-attack", attackVersion: "18.1" },
  ],
  "(admin)/releases/actions.ts#exportReleaseAction": (w) => [w.openRelease],
  "(admin)/releases/actions.ts#freezeReleaseAction": (w) => [w.openRelease],
  "(admin)/users/actions.ts#inviteUserAction": () => [{ email: "new-person@authz.test", role: "CONTRIBUTOR" }],
  "(admin)/users/actions.ts#changeUserAction": (w) => [w.users.contributorB.actor.id, { role: "REVIEWER" }],
  "(contribute)/profile/actions.ts#updateProfileAction": () => [{ creditName: "A. Person", creditOrg: "" }],
  "(contribute)/profile/actions.ts#createTokenAction": () => [{ name: "laptop" }],
  "(contribute)/profile/actions.ts#revokeTokenAction": async (w, db) => [
    (await db.apiToken.findFirstOrThrow({ where: { userId: w.users.contributorA.actor.id } })).id,
  ],
  "(contribute)/profile/actions.ts#setDigestAction": () => [{ digest: "DAILY" }],
  "(contribute)/submit/actions.ts#submitObservationAction": () => [NEW_OBSERVATION],
  "(contribute)/submit/actions.ts#saveDraftAction": () => [{ procedure: "used PowerShell." }],
  "(contribute)/submit/actions.ts#discardDraftAction": () => [],
  "(review)/queue/[id]/actions.ts#transitionAction": async (w, db) => [
    w.obsA,
    { action: "ask", version: await version(db, w.obsA), comment: "Which loader?" },
  ],
  "(review)/queue/[id]/actions.ts#editAction": async (w, db) => [
    w.obsA,
    { version: await version(db, w.obsA), procedure: "used PowerShell to run a loader.", reason: "clearer" },
  ],
  "(review)/queue/[id]/actions.ts#purgeAction": async (w, db) => [
    w.obsA,
    { value: "PowerShell", version: await version(db, w.obsA) },
  ],
  "(review)/queue/[id]/actions.ts#replyAction": async (w, db) => [
    w.obsA,
    { body: "It was the usual loader.", version: await version(db, w.obsA) },
  ],
  "(review)/queue/[id]/actions.ts#commentAction": (w) => [w.obsA, { body: "Thanks, noted." }],
  "(review)/queue/[id]/actions.ts#remapAction": async (w, db) => [
    w.obsA,
    { version: await version(db, w.obsA), technique: "T1059.001", reason: "better fit" },
  ],
  "(review)/queue/[id]/actions.ts#revertAction": async (w, db) => [
    w.obsA,
    { version: await version(db, w.obsA), toVersion: 1 },
  ],
  "(review)/queue/actions.ts#bulkQueueAction": async (w, db) => [
    { action: "reject", items: [{ id: w.obsA, version: await version(db, w.obsA) }], reason: "out of scope" },
  ],
};
