// TAXII 2.1 discovery (§4.1): README "TAXII 2.1".
import { appUrl } from "@/lib/env";
import { taxiiRoute } from "@/lib/taxii/http";
import { discovery } from "@/lib/taxii/service";

export const GET = taxiiRoute(({ actor }) => discovery(actor, appUrl()));
