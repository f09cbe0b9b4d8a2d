import { describe, expect, it } from "vitest";
import { appOrigins, crossSiteWriteError } from "./origin";

const APP = "http://127.0.0.1:3000";
const req = (method: string, origin?: string) =>
  new Request(`${APP}/api/v1/releases/x/export`, { method, headers: origin ? { origin } : {} });

describe("crossSiteWriteError", () => {
  const allowed = appOrigins(`${APP}/api/v1/x`, "https://pe.example.org/base");

  it("lists the request's own origin and the configured one", () => {
    expect(allowed).toEqual([APP, "https://pe.example.org"]);
    expect(appOrigins(`${APP}/x`, "not a url")).toEqual([APP]);
  });

  it.each([["GET"], ["HEAD"], ["OPTIONS"]])("lets %s through without an Origin", (method) => {
    expect(crossSiteWriteError(req(method), allowed)).toBeNull();
  });

  it.each([[APP], ["https://pe.example.org"]])("accepts writes from %s", (origin) => {
    expect(crossSiteWriteError(req("POST", origin), allowed)).toBeNull();
  });

  it.each([
    ["POST", undefined, /no Origin/],
    ["POST", "http://127.0.0.1:3001", /came from http:\/\/127\.0\.0\.1:3001/],
    ["PATCH", "null", /came from null/],
    ["DELETE", "https://pe.example.org.evil.example", /not from this app/],
    ["PUT", "http://localhost:3000", /not from this app/],
  ])("refuses %s from %s with 403 saying to use a token", (method, origin, why) => {
    const error = crossSiteWriteError(req(method, origin), allowed);
    expect(error?.code).toBe("FORBIDDEN");
    expect(error?.message).toMatch(why);
    expect(error?.message).toMatch(/Bearer/);
  });
});
