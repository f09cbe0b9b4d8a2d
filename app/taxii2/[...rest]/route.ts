// Any other address under /taxii2/: a TAXII error message, not the site's HTML 404 page.
import { AppError } from "@/lib/errors";
import { taxiiRoute } from "@/lib/taxii/http";

export const GET = taxiiRoute(() => {
  throw new AppError("NOT_FOUND", "No TAXII resource at this address: start from the discovery endpoint /taxii2/.");
});
