import { describe, expect, it } from "vitest";
import { scrub } from "../index";
import { findMacs } from "./mac";

const values = (text: string) => findMacs(text).map((c) => c.value);

describe("findMacs", () => {
  it.each([
    ["NIC 00:1A:2B:3C:4D:5E on DC01", "00:1A:2B:3C:4D:5E"],
    ["ipconfig: 00-1A-2B-3C-4D-5E.", "00-1A-2B-3C-4D-5E"],
    ["switch port 001a.2b3c.4d5e", "001a.2b3c.4d5e"],
    ["(c8:27:cc:c2:37:5a)", "c8:27:cc:c2:37:5a"],
  ])("redacts %s", (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    "ARP broadcast ff:ff:ff:ff:ff:ff and 00:00:00:00:00:00",
    "fingerprint 16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48",
    "at 12:30:45, mixed 00:1A-2B:3C:4D:5E",
    "GUID 6f9619ff-8b86-d011-b42d-00c04fc964ff and version 1607.1234.5678",
    "2001:db8::1 and T1059.001",
  ])("keeps %s", (text) => {
    expect(values(text)).toEqual([]);
  });

  it("gives the three spellings of one address one placeholder", () => {
    expect(scrub("00:1A:2B:3C:4D:5E = 00-1a-2b-3c-4d-5e = 001a.2b3c.4d5e").text).toBe("[MAC-1] = [MAC-1] = [MAC-1]");
  });
});
