import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";
import { getJob } from "@/lib/jobs";

// A job's status, progress, result or error: for whoever started it, and admins.
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requestActor(request);
  return Response.json(await getJob(actor, (await params).id, db()));
});
