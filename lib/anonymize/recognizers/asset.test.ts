import { describe, expect, it } from "vitest";
import { findAssetsAndEmployees } from "./asset";

const found = (text: string) => findAssetsAndEmployees(text).map((c) => [c.kind, c.value]);

describe("findAssetsAndEmployees", () => {
  it.each([
    ["laptop asset tag 004512 was imaged", "ASSET", "004512"],
    ["Asset ID: AT-10234", "ASSET", "AT-10234"],
    ["asset #7781", "ASSET", "7781"],
    ["employee no. 48213 opened the lure", "EMPLOYEE", "48213"],
    ["EmpID 55123", "EMPLOYEE", "55123"],
    ["staff id E-1234", "EMPLOYEE", "E-1234"],
    ["badge 7781 was cloned", "EMPLOYEE", "7781"],
    ['"employee_number": "00123"', "EMPLOYEE", "00123"],
  ])("redacts %s", (text, kind, value) => {
    expect(found(text)).toEqual([[kind, value]]);
  });

  it.each([
    "asset tag inventory and asset management software",
    "employee ID cards and badge readers",
    "the badge of honor and employees 2 to 5",
    "assets T1059.001 and Asset Discovery",
    "asset 2 of 5 and badge 1",
  ])("keeps %s", (text) => {
    expect(found(text)).toEqual([]);
  });
});
