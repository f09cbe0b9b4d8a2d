import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { apiRoute, requestActor } from "@/lib/http/api";
import { listQueue, QUEUE_LIMIT_MAX } from "@/lib/review/queue";

export const GET = apiRoute(async (request: Request) => {
  const actor = await requestActor(request);
  const raw = new URL(request.url).searchParams.get("limit") ?? "100";
  // Whole numbers only: a negative `take` would answer with the newest items instead of the oldest.
  const limit = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (!(limit >= 1 && limit <= QUEUE_LIMIT_MAX))
    throw new AppError("VALIDATION", `Query parameter limit must be a whole number from 1 to ${QUEUE_LIMIT_MAX}.`, [
      { path: "limit", message: "Invalid limit" },
    ]);
  return Response.json({ items: await listQueue(actor, db(), { limit }) });
});
