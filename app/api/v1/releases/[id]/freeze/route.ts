import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";
import { freezeRelease } from "@/lib/releases/service";

// OPEN → FROZEN (admins): no observation joins it any more; export publishes what it holds (DESIGN §6).
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requestActor(request);
  return Response.json(await freezeRelease(actor, (await params).id, db()));
});
