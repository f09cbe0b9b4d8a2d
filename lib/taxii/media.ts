// TAXII 2.1 media types and content negotiation: every endpoint answers only
// `application/taxii+json;version=2.1`; the client must ask for it in Accept, with or without the version.
export const TAXII_MEDIA_TYPE = "application/taxii+json;version=2.1";
export const STIX_MEDIA_TYPE = "application/stix+json;version=2.1";

/**
 * Whether an Accept header admits TAXII 2.1 JSON. `application/taxii+json` without a version means the
 * server's (2.1); another version, another type, a wildcard or no Accept at all do not (the OASIS
 * reference server answers those 406 too). Parameters are compared without spaces or quotes, `q`
 * ignored unless it is 0.
 */
export function acceptsTaxii(accept: string | null): boolean {
  if (!accept) return false;
  return accept.split(",").some((range) => {
    const [type, ...params] = range.split(";").map((part) => part.trim().toLowerCase());
    if (type !== "application/taxii+json") return false;
    let version: string | null = null;
    for (const param of params) {
      const [name, value = ""] = param.split("=").map((s) => s.trim().replace(/^"|"$/g, ""));
      if (name === "version") version = value;
      if (name === "q" && Number(value) === 0) return false;
    }
    return version === null || version === "2.1";
  });
}
