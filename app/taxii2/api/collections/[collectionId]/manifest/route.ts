// TAXII 2.1 manifest of a collection (§5.3).
import { db } from "@/lib/db/client";
import { taxiiRoute } from "@/lib/taxii/http";
import { getManifest } from "@/lib/taxii/service";

type Context = { params: Promise<{ collectionId: string }> };

export const GET = taxiiRoute<Context>(async ({ actor, params, paging, context }) =>
  getManifest(actor, (await context.params).collectionId, params, db(), paging),
);
