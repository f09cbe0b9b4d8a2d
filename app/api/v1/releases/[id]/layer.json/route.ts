import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";
import { getReleaseLayer } from "@/lib/releases/release-layer-service";

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requestActor(request);
  const { fileName, contentType, text } = await getReleaseLayer(actor, (await params).id, db());
  return new Response(text, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
});
