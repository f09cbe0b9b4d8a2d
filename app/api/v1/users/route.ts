import { inviteUser, listUsers } from "@/lib/auth/admin-users";
import { db } from "@/lib/db/client";
import { apiRoute, readJson, requestActor } from "@/lib/http/api";

export const GET = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  return Response.json({ items: await listUsers(actor, db()) });
});

export const POST = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  const body = await readJson(request);
  return Response.json(await inviteUser(actor, body, db()), { status: 201 });
});
