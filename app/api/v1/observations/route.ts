import { db } from "@/lib/db/client";
import { apiRoute, readJson, requestActor } from "@/lib/http/api";
import { createObservation } from "@/lib/observations/service";

export const POST = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  const body = await readJson(request);
  const { observation, findings } = await createObservation(actor, body, db());
  return Response.json({ ...observation, findings }, { status: 201 });
});
