// The security headers of every answer, in one place: proxy.ts only applies what this returns.
// Scripts run only with the per-request nonce (Next.js reads it from the request's CSP and stamps its
// own scripts with it), which is why every page renders dynamically (the root layout reads the session).
import { randomBytes } from "node:crypto";

export const CSP_HEADER = "Content-Security-Policy";

/** next-auth's session cookie, with and without the `__Secure-` prefix it gets over https. */
export const SESSION_COOKIE_NAMES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

/** Browser features the app never uses; `()` denies them to every origin. Only names Chromium knows. */
const DENIED_FEATURES = [
  "accelerometer",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * No inline or eval'd script without the nonce; 'strict-dynamic' lets the nonce'd Next.js loader
 * load its chunks. Styles stay 'unsafe-inline': React and next-auth's own pages use style attributes,
 * which a nonce cannot allow, and a style cannot run code.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

export interface HeaderRequest {
  nonce: string;
  pathname: string;
  /** Names of the cookies the request carries. */
  cookieNames: readonly string[];
  /** NEXTAUTH_URL is https (lib/env servedOverHttps). */
  https: boolean;
}

export function isSignedInRequest(cookieNames: readonly string[]): boolean {
  return cookieNames.some((name) => (SESSION_COOKIE_NAMES as readonly string[]).includes(name));
}

/** The headers for one answer. The CSP also goes on the request, where Next.js finds the nonce. */
export function securityHeaders({ nonce, pathname, cookieNames, https }: HeaderRequest): Record<string, string> {
  const headers: Record<string, string> = {
    [CSP_HEADER]: contentSecurityPolicy(nonce),
    "Permissions-Policy": DENIED_FEATURES.map((feature) => `${feature}=()`).join(", "),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
  };
  if (https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  // Build assets are the same for everyone and keep Next's immutable caching.
  const asset = pathname.startsWith("/_next/static/");
  if (!asset && (pathname === "/api" || pathname.startsWith("/api/") || isSignedInRequest(cookieNames)))
    headers["Cache-Control"] = "no-store";
  return headers;
}
