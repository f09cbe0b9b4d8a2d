import { suggestForText } from "@/lib/attack/suggest-service";
import { db } from "@/lib/db/client";
import { apiRoute, readJson, requestActor } from "@/lib/http/api";

// POST, not GET: the procedure text can be long, and it must not land in URLs or access logs.
export const POST = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  return Response.json(await suggestForText(actor, await readJson(request), db()));
});
