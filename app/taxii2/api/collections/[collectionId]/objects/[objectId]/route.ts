// TAXII 2.1 one object of a collection (§5.6).
import { db } from "@/lib/db/client";
import { taxiiRoute } from "@/lib/taxii/http";
import { getObject, refuseWrite } from "@/lib/taxii/service";

type Context = { params: Promise<{ collectionId: string; objectId: string }> };

export const GET = taxiiRoute<Context>(async ({ actor, params, paging, context }) => {
  const { collectionId, objectId } = await context.params;
  return getObject(actor, collectionId, objectId, params, db(), paging);
});

// Delete an Object: the collections are read-only (can_write false): 403.
export const DELETE = taxiiRoute(({ actor }) => refuseWrite(actor));
