// Runs before every request (Next.js 16's renamed middleware). A thin composition: each concern is one
// function from lib/http.
// 1. Guards answer requests Next would otherwise turn into a bare 500 (malformed percent-encoding in a
//    path, server action calls with a foreign Origin, an oversize or malformed body), or return null.
//    The trailing-slash redirect lives here too (lib/http/trailing-slash: TAXII paths keep their slash).
// 2. Security headers: a fresh script nonce per request, put into the request's CSP (Next.js stamps its
//    scripts with it) and every header of lib/http/headers onto the answer, refusals included.
import { NextResponse, type NextRequest } from "next/server";
import { servedOverHttps } from "@/lib/env";
import { CSP_HEADER, newNonce, securityHeaders } from "@/lib/http/headers";
import { appOrigins } from "@/lib/http/origin";
import { malformedPathResponse, serverActionGuard } from "@/lib/http/request-guards";
import { trailingSlashRedirect } from "@/lib/http/trailing-slash";

export async function proxy(request: NextRequest) {
  const headers = securityHeaders({
    nonce: newNonce(),
    pathname: request.nextUrl.pathname,
    cookieNames: request.cookies.getAll().map((cookie) => cookie.name),
    https: servedOverHttps(),
  });
  const refused =
    malformedPathResponse(request.url) ??
    trailingSlashRedirect(request.url, process.env.NEXTAUTH_URL) ??
    (await serverActionGuard(request, appOrigins(request.url, process.env.NEXTAUTH_URL)));
  const response = refused ?? nextWithCsp(request, headers[CSP_HEADER]);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function nextWithCsp(request: NextRequest, csp: string): NextResponse {
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(CSP_HEADER, csp);
  return NextResponse.next({ request: { headers: requestHeaders } });
}
