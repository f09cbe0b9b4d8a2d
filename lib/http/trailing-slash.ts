// Next.js's own trailing-slash redirect is off (next.config.js skipTrailingSlashRedirect) because TAXII 2.1
// addresses every resource with a trailing slash (/taxii2/api/collections/): those are served as written.
// Every other path keeps the default: `/queue/` answers 308 to `/queue`.
export const TAXII_PREFIX = "/taxii2/";

/** `publicUrl` (NEXTAUTH_URL) gives the redirect's origin when set: behind a proxy the request's own may be internal. */
export function trailingSlashRedirect(requestUrl: string, publicUrl?: string): Response | null {
  const url = new URL(requestUrl);
  const { pathname } = url;
  if (pathname === "/" || !pathname.endsWith("/") || pathname.startsWith(TAXII_PREFIX)) return null;
  // One leading slash only: `//evil.example/` must not become a protocol-relative `//evil.example`.
  const target = `/${pathname.replace(/^\/+/, "").replace(/\/+$/, "")}`;
  // Absolute: Next.js refuses a relative Location from middleware.
  const origin = publicUrl ? new URL(publicUrl).origin : url.origin;
  return new Response(null, { status: 308, headers: { location: `${origin}${target}${url.search}` } });
}
