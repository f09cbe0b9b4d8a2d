// Runs before every request (Next.js 16's renamed middleware). A thin composition: each concern is one
// function from lib/http. Security headers: a fresh script nonce per request, put into the request's
// CSP (Next.js stamps its scripts with it) and every header of lib/http/headers onto the answer.
import { NextResponse, type NextRequest } from "next/server";
import { servedOverHttps } from "@/lib/env";
import { CSP_HEADER, newNonce, securityHeaders } from "@/lib/http/headers";

export function proxy(request: NextRequest) {
  const headers = securityHeaders({
    nonce: newNonce(),
    pathname: request.nextUrl.pathname,
    cookieNames: request.cookies.getAll().map((cookie) => cookie.name),
    https: servedOverHttps(),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(CSP_HEADER, headers[CSP_HEADER]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
