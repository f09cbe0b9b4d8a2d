// Cross-site request forgery: a browser attaches the session cookie to requests any page sends
// (SameSite=Lax does not help between ports of one host: they are the same *site*). A write that
// rides on that cookie must therefore come from a page of this app, which browsers prove with the
// Origin header they set on every non-GET request. Bearer tokens are never sent ambiently: exempt.
import { AppError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/** The origins a write may come from: the request's own (as the server sees it) and the configured app URL. */
export function appOrigins(requestUrl: string, configuredUrl?: string): string[] {
  const origins = [new URL(requestUrl).origin];
  if (configuredUrl) {
    try {
      origins.push(new URL(configuredUrl).origin);
    } catch {
      // A malformed NEXTAUTH_URL is reported at start-up; here it just allows nothing extra.
    }
  }
  return origins;
}

/** Null when the request may write with a cookie; else the 403 to answer. */
export function crossSiteWriteError(request: Request, allowedOrigins: string[]): AppError | null {
  if (isSafeMethod(request.method)) return null;
  const origin = request.headers.get("origin");
  if (origin && origin !== "null" && allowedOrigins.includes(origin)) return null;
  const why = origin ? `came from ${origin}, not from this app` : "carried no Origin header";
  return new AppError(
    "FORBIDDEN",
    `This ${request.method} request ${why}, so the session cookie is not accepted for it. Use the app's own pages, or send a personal API token as 'Authorization: Bearer <token>' from scripts.`,
  );
}
