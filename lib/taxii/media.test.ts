import { describe, expect, it } from "vitest";
import { tokenFromAuthorization } from "./credentials";
import { acceptsTaxii } from "./media";
import { timestampKey } from "./timestamp";

describe("acceptsTaxii", () => {
  it("accepts TAXII JSON 2.1, with or without the version, among other types", () => {
    for (const accept of [
      "application/taxii+json;version=2.1",
      "application/taxii+json; version=2.1",
      "APPLICATION/TAXII+JSON;VERSION=2.1",
      "application/taxii+json",
      'application/taxii+json;version="2.1"',
      "text/html, application/taxii+json;version=2.1;q=0.9",
    ]) {
      expect(acceptsTaxii(accept), accept).toBe(true);
    }
  });

  it("refuses other versions, other types, wildcards, q=0 and no Accept", () => {
    for (const accept of [
      null,
      "",
      "*/*",
      "application/json",
      "application/stix+json;version=2.1",
      "application/taxii+json;version=2.0",
      "application/taxii+json;version=2.1;q=0",
      "application/taxii+jsonx",
    ]) {
      expect(acceptsTaxii(accept), String(accept)).toBe(false);
    }
  });
});

describe("tokenFromAuthorization", () => {
  const basic = (userPass: string) => `Basic ${Buffer.from(userPass).toString("base64")}`;

  it("reads a bearer token or the Basic password (or a lone Basic user name)", () => {
    expect(tokenFromAuthorization("Bearer pe_abc")).toBe("pe_abc");
    // taxii2-client's TokenAuth.
    expect(tokenFromAuthorization("Token pe_abc")).toBe("pe_abc");
    expect(tokenFromAuthorization(basic("anyone:pe_abc"))).toBe("pe_abc");
    expect(tokenFromAuthorization(basic("pe_abc:"))).toBe("pe_abc");
    expect(tokenFromAuthorization(basic("me:pe:with:colons"))).toBe("pe:with:colons");
  });

  it("finds nothing in other schemes or malformed headers", () => {
    for (const header of [
      null,
      "",
      "Bearer",
      "Digest abc",
      "Basic",
      basic("no-colon"),
      basic(":"),
      "Bearer a b",
      "Token",
    ]) {
      expect(tokenFromAuthorization(header), String(header)).toBeNull();
    }
  });
});

describe("timestampKey", () => {
  it("keys equal instants alike and in time order", () => {
    expect(timestampKey("2026-01-01T00:00:00Z")).toBe(timestampKey("2026-01-01T00:00:00.000000Z"));
    expect(timestampKey("2026-01-01T00:00:00.5Z")! > timestampKey("2026-01-01T00:00:00.499999Z")!).toBe(true);
    expect(timestampKey("0099-12-31T23:59:59Z")).toBe("0099-12-31T23:59:59.000000000Z");
  });
});
