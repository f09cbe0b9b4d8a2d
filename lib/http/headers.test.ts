import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./headers";

const base = { nonce: "bm9uY2U=", pathname: "/", cookieNames: [] as string[], https: false };

describe("contentSecurityPolicy", () => {
  const csp = contentSecurityPolicy("bm9uY2U=");
  const directive = (name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

  it("allows scripts only with the nonce, never inline or eval", () => {
    expect(directive("script-src")).toBe("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(directive("script-src")).not.toMatch(/unsafe-inline/);
  });

  it.each([
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "default-src 'self'",
  ])("has %s", (expected) => {
    expect(csp.split("; ")).toContain(expected);
  });
});

describe("newNonce", () => {
  it("is 128 random bits, different every time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});

describe("securityHeaders", () => {
  it.each([
    ["a page, signed out", base, undefined],
    ["a page, signed in", { ...base, pathname: "/my", cookieNames: ["next-auth.session-token"] }, "no-store"],
    ["a page, signed in over https", { ...base, cookieNames: ["__Secure-next-auth.session-token"] }, "no-store"],
    ["a page with other cookies only", { ...base, cookieNames: ["next-auth.csrf-token"] }, undefined],
    ["an API answer, signed out", { ...base, pathname: "/api/v1/queue" }, "no-store"],
    ["next-auth's API", { ...base, pathname: "/api/auth/csrf" }, "no-store"],
    ["/api itself", { ...base, pathname: "/api" }, "no-store"],
    ["a path that only starts like api", { ...base, pathname: "/apiary" }, undefined],
    [
      "a build asset, signed in",
      { ...base, pathname: "/_next/static/chunks/a.js", cookieNames: ["next-auth.session-token"] },
      undefined,
    ],
  ])("%s: Cache-Control %s", (_name, input, expected) => {
    expect(securityHeaders(input)["Cache-Control"]).toBe(expected);
  });

  it("sends HSTS only when served over https", () => {
    expect(securityHeaders(base)["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ ...base, https: true })["Strict-Transport-Security"]).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });

  it("always sends the CSP with the request's nonce, Permissions-Policy, nosniff and Referrer-Policy", () => {
    const headers = securityHeaders(base);
    expect(headers["Content-Security-Policy"]).toContain("'nonce-bm9uY2U='");
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"])
      expect(headers["Permissions-Policy"]).toContain(`${feature}=()`);
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("same-origin");
  });
});
