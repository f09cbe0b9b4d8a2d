import { describe, expect, it } from "vitest";
import { scrub } from "../index";
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

describe("findAssetsAndEmployees: multi-segment tags and service tags", () => {
  it.each([
    ["asset tag GX-LT-004512 was re-imaged", "ASSET", "GX-LT-004512"],
    ["Lenovo serial number PF3X9K21 on the loaner", "ASSET", "PF3X9K21"],
    ["Dell service tag 4HG7K22 matched the CMDB", "ASSET", "4HG7K22"],
    ["S/N: C02XK1ZJH", "ASSET", "C02XK1ZJH"],
  ])("takes %s", (text, kind, value) => {
    expect(found(text)).toEqual([[kind, value]]);
  });

  it.each([
    "the service tag field was empty; asset tag inventory ran weekly",
    "serial number checks and asset tag scanning",
    "asset 2023-10-05 in the log",
  ])("keeps %s", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("outranks the host-name shape of the same tag", () => {
    expect(scrub("The laptop, asset tag GX-LT-004512, was lost.").text).toBe(
      "The laptop, asset tag [ASSET-1], was lost.",
    );
  });
});
