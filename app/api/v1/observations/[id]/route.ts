import { db } from "@/lib/db/client";
import { apiRoute, readJson, requestActor } from "@/lib/http/api";
import { editObservation, getObservation } from "@/lib/observations/service";

type Ctx = { params: Promise<{ id: string }> };

export const GET = apiRoute(async (request: Request, { params }: Ctx) => {
  const actor = await requestActor(request);
  return Response.json(await getObservation(actor, (await params).id, db()));
});

export const PATCH = apiRoute(async (request: Request, { params }: Ctx) => {
  const actor = await requestActor(request);
  const body = await readJson(request);
  return Response.json(await editObservation(actor, (await params).id, body, db()));
});
