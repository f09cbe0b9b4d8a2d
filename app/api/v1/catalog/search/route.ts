import { parseCatalogQuery, searchCatalog } from "@/lib/attack/catalog";
import { ATTACK_DOMAINS } from "@/lib/attack/parse";
import { findRevokedHit } from "@/lib/attack/revoked";
import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";

// q, kinds (technique,group,…), domain (one domain; `all` or absent: every domain): lib/attack/catalog.
export const GET = apiRoute(async (request: Request) => {
  await requestActor(request);
  const query = parseCatalogQuery(new URL(request.url).searchParams);
  const domains = query.domain ? [query.domain] : ATTACK_DOMAINS;
  const [items, ...revokedHits] = await Promise.all([
    searchCatalog(db(), query),
    ...domains.map((domain) => findRevokedHit(db(), { ...query, domain })),
  ]);
  // `revoked` only when the query is the whole ID of a revoked object: what replaced it, if ATT&CK says.
  const revoked = revokedHits.find(Boolean);
  return Response.json({ items, ...(revoked ? { revoked } : {}) });
});
