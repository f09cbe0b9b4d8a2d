import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";
import { getReleaseChangelog } from "@/lib/releases/changelog-service";

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requestActor(request);
  const { fileName, contentType, text } = await getReleaseChangelog(actor, (await params).id, "md", db());
  return new Response(text, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
});
