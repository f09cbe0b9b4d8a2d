import { describe, expect, it } from "vitest";
import { findNationalIds, validSteuerId } from "./national-id";

const values = (text: string) => findNationalIds(text).map((c) => c.value);

describe("findNationalIds", () => {
  it.each([
    ["the HR export held 123-45-6789 for each employee", "123-45-6789"],
    ["SSN: 123 45 6789", "123 45 6789"],
    ["social security number 123456789", "123456789"],
    ["NI number AB 12 34 56 C in payroll", "AB 12 34 56 C"],
    ["NINO QQ 12 34 56 C", "QQ 12 34 56 C"],
    ["national insurance: QQ123456C", "QQ123456C"],
    ["Steuer-ID 86095742719", "86095742719"],
    ["Steueridentifikationsnummer: 86 095 742 719", "86 095 742 719"],
  ])("redacts %s", (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    "unassigned 000-12-3456, 666-12-3456, 912-34-5678, 123-00-4567, 123-45-0000",
    "a 9-digit 123456789 without context and 123 45 6789 spaced",
    "2021-05-12, CVE-2021-44228, T1059.001, 10.0.19041.1, 4624",
    "phone 415-555-2671 and the Windows build 19041-12-3456-7",
    "specimen QQ 12 34 56 C without a word, unissued GB 12 34 56 A, compact AB123456C",
    "Steuer-ID 86095742718 (wrong check digit) and 12345678901",
  ])("keeps %s", (text) => {
    expect(values(text)).toEqual([]);
  });

  it("checks the Steuer-ID check digit", () => {
    expect(validSteuerId("86095742719")).toBe(true);
    expect(validSteuerId("86095742718")).toBe(false);
  });
});
