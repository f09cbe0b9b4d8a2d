import { db } from "@/lib/db/client";
import { apiRoute, readJson, requestActor } from "@/lib/http/api";
import { revertObservation } from "@/lib/observations/revisions";

export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requestActor(request);
  const body = await readJson(request);
  return Response.json(await revertObservation(actor, (await params).id, body, db()));
});
