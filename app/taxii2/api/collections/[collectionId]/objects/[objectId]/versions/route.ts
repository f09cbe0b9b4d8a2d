// TAXII 2.1 versions of one object (§5.8).
import { db } from "@/lib/db/client";
import { taxiiRoute } from "@/lib/taxii/http";
import { getObjectVersions } from "@/lib/taxii/service";

type Context = { params: Promise<{ collectionId: string; objectId: string }> };

export const GET = taxiiRoute<Context>(async ({ actor, params, paging, context }) => {
  const { collectionId, objectId } = await context.params;
  return getObjectVersions(actor, collectionId, objectId, params, db(), paging);
});
