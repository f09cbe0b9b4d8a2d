// Runs before Next routes a request. Keep it a thin list of calls into lib/http: each guard answers
// a request Next would otherwise turn into a bare 500, or returns null to let it through.
import { appOrigins } from "@/lib/http/origin";
import { malformedPathResponse, serverActionGuard } from "@/lib/http/request-guards";

export async function proxy(request: Request): Promise<Response | undefined> {
  return (
    malformedPathResponse(request.url) ??
    (await serverActionGuard(request, appOrigins(request.url, process.env.NEXTAUTH_URL))) ??
    undefined
  );
}
