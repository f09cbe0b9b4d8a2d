// The caller's own autosaved submit-form draft (one per user): read, replace, delete. Stored anonymized.
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { apiRoute, readJson, requestActor } from "@/lib/http/api";
import { discardDraft, getDraft, saveDraft } from "@/lib/observations/drafts";

export const GET = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  const draft = await getDraft(actor, db());
  if (!draft) throw new AppError("NOT_FOUND", "You have no saved draft: PUT one to /api/v1/drafts/current.");
  return Response.json(draft);
});

export const PUT = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  const body = await readJson(request);
  return Response.json(await saveDraft(actor, body, db()));
});

export const DELETE = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  if (!(await discardDraft(actor, db()))) throw new AppError("NOT_FOUND", "You have no saved draft to delete.");
  return new Response(null, { status: 204 });
});
