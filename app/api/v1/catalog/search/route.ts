import { parseCatalogQuery, searchCatalog } from "@/lib/attack/catalog";
import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";

export const GET = apiRoute(async (request: Request) => {
  await requestActor(request);
  const query = parseCatalogQuery(new URL(request.url).searchParams);
  return Response.json({ items: await searchCatalog(db(), query) });
});
