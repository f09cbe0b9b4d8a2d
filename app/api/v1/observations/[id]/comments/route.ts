import { db } from "@/lib/db/client";
import { apiRoute, readJson, requestActor } from "@/lib/http/api";
import { addComment, listComments } from "@/lib/review/comments";

type Ctx = { params: Promise<{ id: string }> };

// The conversation (issue 9 item 4): the comments this actor may read, oldest first.
export const GET = apiRoute(async (request: Request, { params }: Ctx) => {
  const actor = await requestActor(request);
  const id = (await params).id;
  return Response.json({ id: id.toUpperCase(), comments: await listComments(actor, id, db()) });
});

// { body, visibility?, version?, keep?, redact? }: the contributor's comment in NEEDS_INFO is the answer (DESIGN §7).
export const POST = apiRoute(async (request: Request, { params }: Ctx) => {
  const actor = await requestActor(request);
  const body = await readJson(request);
  return Response.json(await addComment(actor, (await params).id, body, db()), { status: 201 });
});
