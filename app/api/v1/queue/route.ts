import { assertCan } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";
import { parseQueueParams } from "@/lib/review/queue-params";
import { queryQueue } from "@/lib/review/queue-query";

// `{ items, nextCursor, total, counts }`: the parameters are README's "GET /queue" row (lib/review/queue-params.ts).
export const GET = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  assertCan(actor, "observation:read-any"); // a contributor learns nothing, not even which parameters are wrong
  const filters = parseQueueParams(new URL(request.url).searchParams);
  return Response.json(await queryQueue(actor, filters, db()));
});
