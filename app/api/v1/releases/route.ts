import { db } from "@/lib/db/client";
import { apiRoute, readJson, requestActor } from "@/lib/http/api";
import { createRelease, listReleases } from "@/lib/releases/service";

export const GET = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  return Response.json({ items: await listReleases(actor, db()) });
});

export const POST = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  const body = await readJson(request);
  return Response.json(await createRelease(actor, body, db()), { status: 201 });
});
