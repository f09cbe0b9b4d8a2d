// TAXII 2.1 collections (§5.1): the exported releases and the all-objects collection.
import { db } from "@/lib/db/client";
import { taxiiRoute } from "@/lib/taxii/http";
import { listCollections } from "@/lib/taxii/service";

export const GET = taxiiRoute(({ actor }) => listCollections(actor, db()));
