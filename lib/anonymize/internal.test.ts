import { describe, expect, it } from "vitest";
import { isNeverPublic } from "./internal";

describe("isNeverPublic", () => {
  it.each([
    "10.1.2.3",
    "192.168.0.0/16",
    "172.16.5.4",
    "127.0.0.1",
    "169.254.10.20",
    "100.64.1.1",
    "fd12:3456::1",
    "fe80::1",
    "::ffff:10.0.0.1",
    "localhost",
    "dc01.corp.local",
    "fs.contoso.internal",
    "ops@corp.local",
    "wks01.lan.",
  ])("refuses %s as public", (value) => {
    expect(isNeverPublic(value)).toBe(true);
  });

  it.each([
    "45.77.12.9",
    "45.77.12.0/24",
    "2001:4860:4860::8888",
    "evil.com",
    "c2.evil.net",
    "billing@evil.com",
    "dc01",
  ])("allows %s", (value) => {
    expect(isNeverPublic(value)).toBe(false);
  });
});
