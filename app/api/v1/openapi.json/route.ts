import { openApiDocument } from "@/lib/http/openapi";

// Public: the document describes the API and reveals no data. Built once per process (lib/http/openapi).
export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
