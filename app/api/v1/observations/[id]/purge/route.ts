import { db } from "@/lib/db/client";
import { apiRoute, readJson, requestActor } from "@/lib/http/api";
import { purgeValue } from "@/lib/observations/purge";

// The body carries the leaked value: it is passed to the service and never logged or echoed.
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requestActor(request);
  const body = await readJson(request);
  return Response.json(await purgeValue(actor, (await params).id, body, db()));
});
