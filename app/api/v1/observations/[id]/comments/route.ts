import { db } from "@/lib/db/client";
import { apiRoute, readJson, requestActor } from "@/lib/http/api";
import { replyToQuestion } from "@/lib/review/reply";

// The contributor's reply to a reviewer's question: { body, version } (DESIGN §7).
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requestActor(request);
  const body = await readJson(request);
  return Response.json(await replyToQuestion(actor, (await params).id, body, db()), { status: 201 });
});
