// TAXII clients authenticate with HTTP Basic (taxii2-client, OpenCTI, MISP), a bearer token, or taxii2-client's
// TokenAuth (`Authorization: Token <key>`); each carries a personal API token.

/** The API token an Authorization header carries: Basic's password (or, with no password, its user name), Bearer or Token. */
export function tokenFromAuthorization(header: string | null): string | null {
  if (!header) return null;
  const [scheme = "", value = "", ...rest] = header.trim().split(/\s+/);
  if (rest.length || !value) return null;
  if (scheme.toLowerCase() === "bearer" || scheme.toLowerCase() === "token") return value;
  if (scheme.toLowerCase() !== "basic") return null;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  const password = decoded.slice(colon + 1);
  return password || decoded.slice(0, colon) || null;
}
