import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";
import { listQueue, parseQueueLimit } from "@/lib/review/queue";

export const GET = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  const limit = parseQueueLimit(new URL(request.url).searchParams.get("limit"));
  return Response.json({ items: await listQueue(actor, db(), { limit }) });
});
