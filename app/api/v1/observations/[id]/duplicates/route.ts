import { db } from "@/lib/db/client";
import { apiRoute, requestActor } from "@/lib/http/api";
import { findDuplicateCandidates } from "@/lib/review/duplicates";

/** Reviewers and admins: the nearest observations and ATT&CK procedure examples (lib/review/duplicates.ts). */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requestActor(request);
  return Response.json(await findDuplicateCandidates(actor, (await params).id, db()));
});
