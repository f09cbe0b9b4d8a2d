import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";
import { downloadResponse } from "@/lib/http/download";
import { getReleaseChangelog } from "@/lib/releases/changelog-service";

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requestActor(request);
  return downloadResponse(await getReleaseChangelog(actor, (await params).id, "json", db()));
});
