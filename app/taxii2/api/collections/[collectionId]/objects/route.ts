// TAXII 2.1 objects of a collection (§5.4), paged with limit/next.
import { db } from "@/lib/db/client";
import { taxiiRoute } from "@/lib/taxii/http";
import { getObjects, refuseWrite } from "@/lib/taxii/service";

type Context = { params: Promise<{ collectionId: string }> };

export const GET = taxiiRoute<Context>(async ({ actor, params, paging, context }) =>
  getObjects(actor, (await context.params).collectionId, params, db(), paging),
);

// Add Objects: the collections are read-only (can_write false): 403.
export const POST = taxiiRoute(({ actor }) => refuseWrite(actor));
