import { listAudit, parseAuditQuery } from "@/lib/audit/browse";
import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";

export const GET = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  const query = parseAuditQuery(new URL(request.url).searchParams);
  return Response.json(await listAudit(actor, query, db()));
});
