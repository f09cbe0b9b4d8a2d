import { changeUser } from "@/lib/auth/admin-users";
import { db } from "@/lib/db/client";
import { apiRoute, readJson, requestActor } from "@/lib/http/api";

export const PATCH = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requestActor(request);
  const body = await readJson(request);
  return Response.json(await changeUser(actor, (await params).id, body, db()));
});
