import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";
import { getReleaseBundle } from "@/lib/releases/service";

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requestActor(request);
  const { name, text } = await getReleaseBundle(actor, (await params).id, db());
  const file = `${name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-|-$/g, "") || "release"}.json`;
  return new Response(text, {
    headers: {
      "content-type": "application/json",
      "content-disposition": `attachment; filename="${file}"`,
      "cache-control": "no-store",
    },
  });
});
