import { describe, expect, it } from "vitest";
import { scrub } from "../index";
import { findIpv6 } from "./ipv6";

const values = (text: string) => findIpv6(text).map((c) => c.value);

describe("findIpv6", () => {
  it.each([
    ["beacon to 2001:db8:85a3::8a2e:370:7334 over 443", "2001:db8:85a3::8a2e:370:7334"],
    ["full form 2001:0db8:0000:0000:0000:ff00:0042:8329.", "2001:0db8:0000:0000:0000:ff00:0042:8329"],
    ["link-local fe80::1c2d:3e4f:5a6b:7c8d%eth0", "fe80::1c2d:3e4f:5a6b:7c8d"],
    ["the VPC range 2600:1f18:abcd::/56 was scanned", "2600:1f18:abcd::/56"],
    ["mapped ::ffff:10.1.2.3 in the log", "::ffff:10.1.2.3"],
    ["NAT64 of a host 64:ff9b::a01:203/128", "64:ff9b::a01:203/128"],
    ["the site block 2001:db8:1234::/48", "2001:db8:1234::/48"],
    ["url http://[2001:db8::25]:8080/x", "2001:db8::25"],
    ["unique local fd12:3456:789a:1::1", "fd12:3456:789a:1::1"],
  ])("redacts %s", (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    "binds to ::1 and :: on port 5985",
    "LLMNR answers on ff02::1:3 and mDNS on ff02::fb",
    "MAC 00:1A:2B:3C:4D:5E on the NIC",
    "at 12:30:45 and 2021-05-12T12:30:45Z",
    "std::string and std::vector<int>, boost::asio",
    "[System.Convert]::FromBase64String($x); [IO.File]::Add(1)",
    "fingerprint 16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48",
    "SHA1 da39a3ee5e6b4b0d3255bfef95601890afd80709 and MD5 d41d8cd98f00b204e9800998ecf8427e",
    "C++ class Foo::Bar and dead::beef",
    "ratio 3:2:1 and time 1:23:45:67",
    "NAT64 64:ff9b::/96, mapped ::ffff:0:0/96 and the documentation block 2001:db8::/32",
  ])("keeps %s", (text) => {
    expect(values(text)).toEqual([]);
  });

  it("gives one placeholder to two spellings of one address", () => {
    const { text, findings } = scrub("2001:db8::1 and 2001:0db8:0:0:0:0:0:1");
    expect(text).toBe("[IP-1] and [IP-1]");
    expect(findings).toHaveLength(1);
  });
});
