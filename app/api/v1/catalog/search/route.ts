import { parseCatalogQuery, searchCatalog } from "@/lib/attack/catalog";
import { findRevokedHit } from "@/lib/attack/revoked";
import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";

export const GET = apiRoute(async (request: Request) => {
  await requestActor(request);
  const query = parseCatalogQuery(new URL(request.url).searchParams);
  const [items, revoked] = await Promise.all([searchCatalog(db(), query), findRevokedHit(db(), query)]);
  // `revoked` only when the query is the whole ID of a revoked object: what replaced it, if ATT&CK says.
  return Response.json({ items, ...(revoked ? { revoked } : {}) });
});
