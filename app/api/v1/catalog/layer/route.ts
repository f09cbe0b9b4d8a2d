import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";
import { requestedLayer } from "@/lib/catalog/layer-service";

export const GET = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  const { layer, fileName } = await requestedLayer(actor, new URL(request.url).searchParams, db());
  return new Response(JSON.stringify(layer, null, 2), {
    headers: {
      "content-type": "application/json",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
});
