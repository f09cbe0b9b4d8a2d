// TAXII clients authenticate with HTTP Basic (taxii2-client, OpenCTI, MISP) or a bearer token; both carry a
// personal API token.

/** The API token an Authorization header carries: Basic's password (or, with no password, its user name), or Bearer. */
export function tokenFromAuthorization(header: string | null): string | null {
  if (!header) return null;
  const [scheme = "", value = "", ...rest] = header.trim().split(/\s+/);
  if (rest.length || !value) return null;
  if (scheme.toLowerCase() === "bearer") return value;
  if (scheme.toLowerCase() !== "basic") return null;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  const password = decoded.slice(colon + 1);
  return password || decoded.slice(0, colon) || null;
}
