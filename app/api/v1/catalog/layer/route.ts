import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";
import { downloadResponse } from "@/lib/http/download";
import { requestedLayer } from "@/lib/catalog/layer-service";

export const GET = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  const { layer, fileName } = await requestedLayer(actor, new URL(request.url).searchParams, db());
  return downloadResponse({ fileName, contentType: "application/json", text: JSON.stringify(layer, null, 2) });
});
