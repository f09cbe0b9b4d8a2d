import { db } from "@/lib/db/client";
import { apiRoute, readJson, requestActor } from "@/lib/http/api";
import { getSubmitContext } from "@/lib/observations/submit-context";

// POST, not GET: the procedure text can be long, and it must not land in URLs or access logs.
// The text ranks ATT&CK's examples and is dropped: never stored, logged or echoed.
export const POST = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  return Response.json(await getSubmitContext(actor, await readJson(request), db()));
});
