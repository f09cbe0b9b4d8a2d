import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";
import { coverageLayer, layerFileName, parseLayerQuery } from "@/lib/catalog/layer-service";

export const GET = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  const query = parseLayerQuery(new URL(request.url).searchParams);
  const layer = await coverageLayer(actor, query, db());
  return new Response(JSON.stringify(layer, null, 2), {
    headers: {
      "content-type": "application/json",
      "content-disposition": `attachment; filename="${layerFileName(query.domain)}"`,
      "cache-control": "no-store",
    },
  });
});
