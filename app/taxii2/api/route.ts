// TAXII 2.1 API root information (§4.2).
import { taxiiRoute } from "@/lib/taxii/http";
import { apiRootInformation } from "@/lib/taxii/service";

export const GET = taxiiRoute(({ actor }) => apiRootInformation(actor));
