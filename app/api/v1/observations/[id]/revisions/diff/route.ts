import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";
import { compareRevisions, parseCompareQuery } from "@/lib/observations/revisions";

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requestActor(request);
  const query = parseCompareQuery(new URL(request.url).searchParams);
  return Response.json(await compareRevisions(actor, (await params).id, query, db()));
});
