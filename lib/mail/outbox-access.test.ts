import { describe, expect, it } from "vitest";
import { REMOTE_ADDR_HEADER, REMOTE_ADDR_SERVER_ENV, remoteAddressFor } from "../http/client-address";
import { isLoopbackHost, outboxReadable, outboxRefusal } from "./outbox-access";

const LOCAL_ENV = { [REMOTE_ADDR_SERVER_ENV]: "1", PORT: "3000" };
const fromLoopback = { [REMOTE_ADDR_HEADER]: "127.0.0.1", host: "localhost:3000" };

function readable(env: Record<string, string | undefined>, headers: Record<string, string>) {
  return outboxReadable({ env, headers: new Headers(headers) });
}

describe("outboxReadable", () => {
  it.each([
    ["a local instance, asked from loopback", LOCAL_ENV, fromLoopback, true],
    ["IPv6 loopback and host", LOCAL_ENV, { [REMOTE_ADDR_HEADER]: "::1", host: "[::1]:3000" }, true],
    ["IPv4-mapped loopback", LOCAL_ENV, { [REMOTE_ADDR_HEADER]: "::ffff:127.0.0.1", host: "127.0.0.1:3000" }, true],
    ["NEXTAUTH_URL on 127.0.0.1", { ...LOCAL_ENV, NEXTAUTH_URL: "http://127.0.0.1:3211" }, fromLoopback, true],
    ["SMTP_URL set", { ...LOCAL_ENV, SMTP_URL: "smtp://127.0.0.1:25" }, fromLoopback, false],
    ["APP_ENV=production", { ...LOCAL_ENV, APP_ENV: "production" }, fromLoopback, false],
    ["a public NEXTAUTH_URL", { ...LOCAL_ENV, NEXTAUTH_URL: "https://exchange.example.org" }, fromLoopback, false],
    ["a LAN NEXTAUTH_URL", { ...LOCAL_ENV, NEXTAUTH_URL: "http://192.168.1.5:3000" }, fromLoopback, false],
    ["an unparsable NEXTAUTH_URL", { ...LOCAL_ENV, NEXTAUTH_URL: "not a url" }, fromLoopback, false],
    ["not served by server.ts (header could be the client's)", { PORT: "3000" }, fromLoopback, false],
    ["no client address header (fail closed)", LOCAL_ENV, { host: "localhost:3000" }, false],
    ["a garbage client address", LOCAL_ENV, { [REMOTE_ADDR_HEADER]: "localhost", host: "localhost:3000" }, false],
    ["a remote client", LOCAL_ENV, { [REMOTE_ADDR_HEADER]: "192.0.2.2", host: "localhost:3000" }, false],
    [
      "a remote client that says X-Forwarded-For: 127.0.0.1",
      LOCAL_ENV,
      { [REMOTE_ADDR_HEADER]: "192.0.2.2", "x-forwarded-for": "127.0.0.1", host: "localhost:3000" },
      false,
    ],
    [
      "DNS rebinding: loopback client, foreign Host",
      LOCAL_ENV,
      { [REMOTE_ADDR_HEADER]: "127.0.0.1", host: "evil.example:3000" },
      false,
    ],
    [
      "a name under localhost is not trusted",
      LOCAL_ENV,
      { [REMOTE_ADDR_HEADER]: "127.0.0.1", host: "a.localhost:3000" },
      false,
    ],
    ["no Host header", LOCAL_ENV, { [REMOTE_ADDR_HEADER]: "127.0.0.1" }, false],
  ])("%s → %s", (_name, env, headers, expected) => {
    expect(readable(env, headers)).toBe(expected);
  });

  it("says why it refuses", () => {
    expect(outboxRefusal({ env: { ...LOCAL_ENV, SMTP_URL: "smtp://x" }, headers: new Headers(fromLoopback) })).toMatch(
      /SMTP/,
    );
    expect(outboxRefusal({ env: LOCAL_ENV, headers: new Headers(fromLoopback) })).toBeNull();
  });
});

describe("isLoopbackHost", () => {
  it.each([
    ["localhost", true],
    ["LOCALHOST:80", true],
    ["127.8.9.10:1", true],
    ["[::1]", true],
    ["[::ffff:127.0.0.1]:3000", true],
    ["0.0.0.0", false],
    ["localhost.evil.example", false],
    ["127.0.0.1.nip.io", false],
    ["", false],
    ["exa mple", false],
  ])("%s → %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe("remoteAddressFor (what server.ts writes)", () => {
  it("is the socket address unless a proxy is trusted", () => {
    expect(remoteAddressFor("192.0.2.2", "127.0.0.1", false)).toBe("192.0.2.2");
  });
  it("behind a trusted proxy, is the right-most X-Forwarded-For entry (the one the proxy appended)", () => {
    expect(remoteAddressFor("127.0.0.1", "127.0.0.1, 198.51.100.7", true)).toBe("198.51.100.7");
    expect(remoteAddressFor("127.0.0.1", " ::ffff:198.51.100.7 ", true)).toBe("198.51.100.7");
  });
  it("behind a trusted proxy without (a valid) X-Forwarded-For, falls back to the socket", () => {
    expect(remoteAddressFor("127.0.0.1", undefined, true)).toBe("127.0.0.1");
    expect(remoteAddressFor("127.0.0.1", "127.0.0.1, junk", true)).toBe("127.0.0.1");
  });
});
