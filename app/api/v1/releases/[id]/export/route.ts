import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";
import { exportRelease } from "@/lib/releases/service";

export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requestActor(request);
  return Response.json(await exportRelease(actor, (await params).id, db()));
});
