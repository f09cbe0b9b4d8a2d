// Next.js's own trailing-slash redirect is off (next.config.js skipTrailingSlashRedirect) because TAXII 2.1
// addresses every resource with a trailing slash (/taxii2/api/collections/): those are served as written.
// Every other path keeps the default: `/queue/` answers 308 to `/queue`.
export const TAXII_PREFIX = "/taxii2/";

export function trailingSlashRedirect(requestUrl: string): Response | null {
  const url = new URL(requestUrl);
  const { pathname } = url;
  if (pathname === "/" || !pathname.endsWith("/") || pathname.startsWith(TAXII_PREFIX)) return null;
  // One leading slash only: `//evil.example/` must not become a protocol-relative `//evil.example`.
  const target = `/${pathname.replace(/^\/+/, "").replace(/\/+$/, "")}`;
  return new Response(null, { status: 308, headers: { location: `${target}${url.search}` } });
}
