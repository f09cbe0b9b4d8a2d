import { db } from "@/lib/db/client";
import { apiRoute, readJson, requestActor } from "@/lib/http/api";
import { bulkAction } from "@/lib/review/bulk";

// `{ action, items: [{ id, version }], reason, assignee?, duplicateOf? }` → `{ action, items: [{ id, status, version }] }`;
// all or nothing (lib/review/bulk.ts): a refusal lists every refused item in `error.refused`.
export const POST = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  const body = await readJson(request);
  return Response.json(await bulkAction(actor, body, db()));
});
