import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";
import { requestExport } from "@/lib/releases/export-job";

// Queues the export (or finds the one under way) and answers at once: 202 with the job; follow it at Location.
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requestActor(request);
  const { job } = await requestExport(actor, (await params).id, db());
  return Response.json(job, { status: 202, headers: { location: job.url } });
});
