import { describe, expect, it } from "vitest";
import { scrub } from "../index";
import { findPhones } from "./phone";

const values = (text: string) => findPhones(text).map((c) => c.value);

describe("findPhones", () => {
  it.each([
    ["vishing from +49 30 1234567 to the help desk", "+49 30 1234567"],
    ["caller ID +1 (415) 555-2671.", "+1 (415) 555-2671"],
    ["tel:+442079460958", "+442079460958"],
    ["call (555) 123-4567 to reset", "(555) 123-4567"],
    ["Phone: 415-555-2671", "415-555-2671"],
    ["the attacker called the number 415.555.2671", "415.555.2671"],
    ["Tel. 030 1234567", "030 1234567"],
    ["mobile 0171 2345678 received the MFA push", "0171 2345678"],
    ["SMS to +44 7700 900123", "+44 7700 900123"],
  ])("redacts %s", (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    "version 10.0.19041.1 and build 22621.2428",
    "on 2021-05-12 at 12:30:45 and 05/12/2021",
    "ports 8080, 443, 3389, 5985 and 5986",
    "event IDs 4624, 4625, 4648 and 4672",
    "T1059.001 and T1566.002, CVE-2021-44228",
    "beacon to 10.1.2.3 and 192.168.100.200",
    "MD5 d41d8cd98f00b204e9800998ecf8427e, +1 more",
    "call 1-2-3, phone home, called 12345",
    "the API call 2021-05-12 returned 200",
    "dial 192.168.1.1",
  ])("keeps %s", (text) => {
    expect(values(text)).toEqual([]);
  });

  it("gives the international and national spelling of one number one placeholder", () => {
    expect(scrub("+1 415 555 2671, phone (415) 555-2671").text).toBe("[PHONE-1], phone [PHONE-1]");
  });
});

describe("findPhones without a phone word", () => {
  it.each([
    ["the help desk was reached at (312) 555-0143 by the actor", "(312) 555-0143"],
    ["her direct line 206-555-0177 was in the signature", "206-555-0177"],
    ["dialled +44 7700 900456 after hours", "+44 7700 900456"],
    ["the manager's mobile, 030 901820 12, was spoofed", "030 901820 12"],
  ])("takes %s", (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    "Event IDs 4624-4625-4672 were cleared; build 123-456-7890x",
    "the ranges 100-200-3000 and 012-345-6789 are not numbers",
    "version 1.2.3 and port 8443, T1059.001, CVE-2021-44228, 2023-01-05",
    "+44 is the UK prefix and +1 2 is not a number",
  ])("keeps %s", (text) => {
    expect(values(text)).toEqual([]);
  });

  it("gives +1 (415) 555-2671 one finding, not a second for its national part", () => {
    expect(values("caller ID +1 (415) 555-2671 and again (415) 555-2671")).toEqual([
      "+1 (415) 555-2671",
      "(415) 555-2671",
    ]);
    expect(scrub("caller ID +1 (415) 555-2671 and again (415) 555-2671").text).toBe(
      "caller ID [PHONE-1] and again [PHONE-1]",
    );
  });
});
