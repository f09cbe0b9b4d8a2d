// TAXII 2.1 one collection (§5.2).
import { db } from "@/lib/db/client";
import { taxiiRoute } from "@/lib/taxii/http";
import { getCollection } from "@/lib/taxii/service";

type Context = { params: Promise<{ collectionId: string }> };

export const GET = taxiiRoute<Context>(async ({ actor, context }) =>
  getCollection(actor, (await context.params).collectionId, db()),
);
