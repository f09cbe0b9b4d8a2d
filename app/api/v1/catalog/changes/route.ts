import { getCatalogChanges, parseChangesQuery } from "@/lib/attack/changes";
import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";

// `?domain=&from=&to=` (ATT&CK versions, e.g. 6.3 and 7.0); without from/to, the latest change set.
export const GET = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  const query = parseChangesQuery(new URL(request.url).searchParams);
  return Response.json(await getCatalogChanges(actor, query, db()));
});
