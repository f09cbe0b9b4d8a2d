import { describe, expect, it } from "vitest";
import { clientAddress, isLoopbackAddress, REMOTE_ADDR_HEADER, REMOTE_ADDR_SERVER_ENV } from "./client-address";

const headers = (value: string) => new Headers({ [REMOTE_ADDR_HEADER]: value });
const ours = { [REMOTE_ADDR_SERVER_ENV]: "1" };

describe("clientAddress", () => {
  it("reads the address server.ts wrote, normalizing IPv4-mapped IPv6", () => {
    expect(clientAddress(headers("::ffff:127.0.0.1"), ours)).toBe("127.0.0.1");
    expect(clientAddress(headers("2001:db8::1"), ours)).toBe("2001:db8::1");
  });
  it("trusts nothing when server.ts did not write the header: a client could have sent it", () => {
    expect(clientAddress(headers("127.0.0.1"), {})).toBeNull();
  });
  it("refuses a value that is not an address", () => {
    expect(clientAddress(headers("localhost"), ours)).toBeNull();
    expect(clientAddress(new Headers(), ours)).toBeNull();
  });
});

describe("isLoopbackAddress", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["198.51.100.2", false],
    ["10.0.0.1", false],
    ["", false],
    ["not-an-ip", false],
  ])("%s → %s", (address, loopback) => expect(isLoopbackAddress(address)).toBe(loopback));
});
