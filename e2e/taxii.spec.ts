// TAXII 2.1 over real HTTP against the production build, as a TAXII client sees it: discovery → API root →
// collections → objects paged with limit/next, and the refusals (401 without a token, 406 for a wrong Accept,
// 400 for bad filters or a forged next, 404 for an unknown collection). Request-only: no page.
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readE2eTokens, type E2eTokens } from "./tokens";
import { exportRelease } from "./jobs";

test.describe.configure({ mode: "serial" });

const TAXII = "application/taxii+json;version=2.1";
const STIX = "application/stix+json;version=2.1";

let tokens: E2eTokens;
const release: { id?: string; name?: string; objectIds?: string[] } = {};

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
// What taxii2-client and OpenCTI send: HTTP Basic, the token as password.
const basic = (token: string) => ({ authorization: `Basic ${Buffer.from(`anyone:${token}`).toString("base64")}` });

function taxiiGet(request: APIRequestContext, url: string, headers: Record<string, string>) {
  return request.get(url, { headers: { accept: TAXII, ...headers }, maxRedirects: 0 });
}

async function ok(response: APIResponse) {
  const text = await response.text();
  expect(response.status(), `${response.url()}: ${text}`).toBe(200);
  expect(response.headers()["content-type"]).toBe(TAXII);
  return JSON.parse(text);
}

/** A TAXII error message: the status, the TAXII media type, title, description and http_status (a string). */
async function taxiiError(response: APIResponse, status: number) {
  const text = await response.text();
  expect(response.status(), `${response.url()}: ${text}`).toBe(status);
  expect(response.headers()["content-type"]).toBe(TAXII);
  const body = JSON.parse(text);
  expect(body).toMatchObject({ title: expect.any(String), http_status: String(status) });
  expect(body.description.length).toBeGreaterThan(20);
  return body;
}

async function api(request: APIRequestContext, method: "GET" | "POST", url: string, token: string, data?: unknown) {
  const response = await request.fetch(url, { method, data, headers: bearer(token) });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

test.beforeAll(async ({ request }) => {
  tokens = readE2eTokens();
  // Three accepted observations, exported as a release (an open one from another spec is reused).
  for (const [technique, detail] of [
    ["T1059.001", "ran an encoded PowerShell command to stage the loader"],
    ["T1105", "downloaded a second-stage tool over HTTPS"],
    ["T1053.005", "created a scheduled task that relaunched the loader hourly"],
  ]) {
    const created = await api(request, "POST", "/api/v1/observations", tokens.contributor, {
      domain: "enterprise-attack",
      technique,
      actor: { id: "G0016" },
      procedure: `${detail} (TAXII spec).`,
      references: [
        {
          sourceName: "Acme Labs 2026",
          url: "https://example.org/reports/apt29",
          description: "Acme Labs. (2026, May 4). APT29 loaders. Retrieved May 5, 2026.",
          public: true,
        },
      ],
      tlp: "CLEAR",
      credit: "anonymous",
    });
    const transitions = `/api/v1/observations/${created.id}/transitions`;
    await api(request, "POST", transitions, tokens.reviewer, { action: "claim", version: 1 });
    await api(request, "POST", transitions, tokens.reviewer, { action: "accept", version: 2 });
  }
  const { items } = await api(request, "GET", "/api/v1/releases", tokens.admin);
  const open = (items as { id: string; name: string; status: string; domain: string }[]).find(
    (r) => r.status === "OPEN" && r.domain === "enterprise-attack",
  );
  const target =
    open ??
    (await api(request, "POST", "/api/v1/releases", tokens.admin, {
      name: `TAXII spec release ${Date.now()}`,
      attackVersion: "18.1",
    }));
  await exportRelease(request, target.id, bearer(tokens.admin));
  const bundle = await api(request, "GET", `/api/v1/releases/${target.id}/bundle.json`, tokens.contributor);
  release.id = target.id;
  release.name = target.name;
  release.objectIds = (bundle.objects as { id: string }[]).map((o) => o.id);
  expect(release.objectIds.length).toBeGreaterThan(4);
});

test("a client walks discovery → API root → collections → objects, paging with limit=2", async ({ request }) => {
  const discovery = await ok(await taxiiGet(request, "/taxii2/", basic(tokens.contributor)));
  expect(discovery.api_roots).toHaveLength(1);
  const root = new URL(discovery.api_roots[0]);
  expect(root.pathname).toBe("/taxii2/api/");
  expect(discovery.default).toBe(discovery.api_roots[0]);

  const information = await ok(await taxiiGet(request, root.pathname, basic(tokens.contributor)));
  expect(information.versions).toEqual([TAXII]);

  const { collections } = await ok(await taxiiGet(request, `${root.pathname}collections/`, basic(tokens.contributor)));
  const mine = (collections as { id: string; title: string }[]).find((c) => c.title === release.name);
  expect(mine).toMatchObject({ can_read: true, can_write: false, media_types: [STIX] });
  const collection = `${root.pathname}collections/${mine!.id}/`;
  expect(await ok(await taxiiGet(request, collection, bearer(tokens.contributor)))).toEqual(mine);

  // Page through with limit=2, following next until more is false: every bundle object exactly once.
  const seen: string[] = [];
  let next: string | undefined;
  for (let pages = 0; ; pages++) {
    expect(pages).toBeLessThan(50);
    const query = new URLSearchParams({ limit: "2", ...(next ? { next } : {}) });
    const response = await taxiiGet(request, `${collection}objects/?${query}`, basic(tokens.contributor));
    const envelope = await ok(response);
    expect(envelope.objects.length).toBeGreaterThan(0);
    expect(envelope.objects.length).toBeLessThanOrEqual(2);
    expect(response.headers()["x-taxii-date-added-first"]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    expect(response.headers()["x-taxii-date-added-last"]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    seen.push(...(envelope.objects as { id: string }[]).map((o) => o.id));
    if (!envelope.more) {
      expect(envelope.next).toBeUndefined();
      break;
    }
    next = envelope.next;
  }
  expect(seen.sort()).toEqual([...release.objectIds!].sort());

  // The manifest, one object, its versions, and a type filter.
  const manifest = await ok(await taxiiGet(request, `${collection}manifest/`, bearer(tokens.contributor)));
  expect(manifest.objects).toHaveLength(release.objectIds!.length);
  expect(manifest.objects[0]).toMatchObject({ media_type: STIX, date_added: expect.any(String) });
  const objectUrl = `${collection}objects/${manifest.objects[0].id}/`;
  const one = await ok(await taxiiGet(request, objectUrl, bearer(tokens.contributor)));
  expect(one.objects.map((o: { id: string }) => o.id)).toEqual([manifest.objects[0].id]);
  const versions = await ok(await taxiiGet(request, `${objectUrl}versions/`, bearer(tokens.contributor)));
  expect(versions.versions).toEqual([manifest.objects[0].version]);
  const uses = await ok(
    await taxiiGet(request, `${collection}objects/?match[type]=relationship`, bearer(tokens.contributor)),
  );
  expect(uses.objects.length).toBeGreaterThanOrEqual(3);
  for (const o of uses.objects) expect(o.type).toBe("relationship");
});

test("no token is a 401 with a Basic challenge; a wrong Accept is a 406", async ({ request }) => {
  for (const headers of [
    {},
    bearer(tokens.revoked),
    basic(tokens.revoked),
    basic("pe_not-a-token"),
    { authorization: "Digest x" },
  ]) {
    const response = await taxiiGet(request, "/taxii2/", headers);
    await taxiiError(response, 401);
    expect(response.headers()["www-authenticate"]).toMatch(/^Basic realm="/);
  }
  for (const accept of ["*/*", "application/json", STIX, "application/taxii+json;version=2.0"]) {
    const response = await request.get("/taxii2/api/collections/", {
      headers: { accept, ...basic(tokens.contributor) },
    });
    const body = await taxiiError(response, 406);
    expect(body.description).toContain(TAXII);
  }
});

test("bad filters, forged next values and unknown collections are 4xx TAXII errors", async ({ request }) => {
  const { collections } = await ok(await taxiiGet(request, "/taxii2/api/collections/", bearer(tokens.reviewer)));
  const id = (collections as { id: string; title: string }[]).find((c) => c.title === release.name)!.id;
  const objects = `/taxii2/api/collections/${id}/objects/`;
  const auth = bearer(tokens.reviewer);
  expect(
    (await taxiiError(await taxiiGet(request, `${objects}?added_after=yesterday`, auth), 400)).description,
  ).toMatch(/added_after/);
  await taxiiError(await taxiiGet(request, `${objects}?limit=lots`, auth), 400);
  await taxiiError(await taxiiGet(request, `${objects}?match[version]=newest`, auth), 400);
  const first = await ok(await taxiiGet(request, `${objects}?limit=1`, auth));
  expect(first.more).toBe(true);
  const forged = `${first.next.slice(0, -3)}abc`;
  expect((await taxiiError(await taxiiGet(request, `${objects}?next=${forged}`, auth), 400)).description).toMatch(
    /next/,
  );
  await taxiiError(await taxiiGet(request, `${objects}?next=${first.next}&match[type]=tool`, auth), 400);
  await taxiiError(await taxiiGet(request, "/taxii2/api/collections/no-such-collection/objects/", auth), 404);
  await taxiiError(
    await taxiiGet(request, `${objects}attack-pattern--00000000-0000-4000-8000-000000000000/`, auth),
    404,
  );
  await taxiiError(await taxiiGet(request, "/taxii2/no-such-root/", auth), 404);
  // Read-only: adding or deleting objects is a 403.
  const post = await request.post(objects, {
    headers: { accept: TAXII, "content-type": TAXII, ...auth },
    data: { objects: [] },
  });
  await taxiiError(post, 403);
  await taxiiError(
    await request.delete(`${objects}${release.objectIds![0]}/`, { headers: { accept: TAXII, ...auth } }),
    403,
  );
  // A limit above the server's page size is served, capped.
  const capped = await ok(await taxiiGet(request, `${objects}?limit=100000`, auth));
  expect(capped.objects.length).toBe(release.objectIds!.length);
  // TAXII addresses keep their trailing slash; elsewhere a trailing slash still redirects away.
  const queue = await request.get("/queue/", { maxRedirects: 0 });
  expect(queue.status()).toBe(308);
  // Next.js may relativize a same-origin Location: either form must lead to /queue.
  expect(new URL(queue.headers()["location"], "http://127.0.0.1").pathname).toBe("/queue");
});
