import { describe, expect, it } from "vitest";
import { scrub } from "../index";
import { findOrganizations, orgStems } from "./organization";
import { isKnownVendor } from "./vendors";

const orgs = (text: string) => findOrganizations(text).map((c) => [c.value, c.key]);

describe("findOrganizations", () => {
  it.each([
    ["the victim, Contoso Bank AG, saw", ["Contoso Bank AG", "contoso bank"]],
    ["at Acme Corp today", ["Acme Corp", "acme"]],
    ["Example Health Inc. reported", ["Example Health Inc.", "example health"]],
    ["Fabrikam Ltd was hit", ["Fabrikam Ltd", "fabrikam"]],
    ["Northwind GmbH's SOC", ["Northwind GmbH", "northwind"]],
    ["Woodgrove S.A. and", ["Woodgrove S.A.", "woodgrove"]],
    ["for Tailspin LLC.", ["Tailspin LLC", "tailspin"]],
    ["At Litware Pty Ltd the", ["Litware Pty Ltd", "litware"]],
    ["Nordic Trade AB", ["Nordic Trade AB", "nordic trade"]],
    ["Proseware plc", ["Proseware plc", "proseware"]],
    ["Yesterday Contoso Bank AG was breached", ["Contoso Bank AG", "contoso bank"]],
  ])("finds the organization in %s", (text, expected) => {
    expect(orgs(text)).toEqual([expected]);
  });

  it.each([
    "Microsoft Corporation published",
    "Palo Alto Networks Inc. reported",
    "Trend Micro Inc. and Kaspersky Lab Ltd.",
    "according to Mandiant, Inc.",
    "signed with a certificate issued to Hermetica Digital Ltd.",
    "valid digital certificates from Sysprint AG",
    "Windows SE and ESX AB",
    "the Inc. magazine",
    "APT29 used T1059.001",
  ])("keeps %s", (text) => {
    expect(findOrganizations(text)).toEqual([]);
  });

  it("derives the bare stems to replace elsewhere: the whole stem and a distinctive first word", () => {
    expect(orgStems("Contoso Bank AG", "contoso bank")).toEqual(["contoso bank", "contoso"]);
    expect(orgStems("First National Bank AG", "first national bank")).toEqual(["first national bank"]);
    expect(orgStems("Acme Corp", "acme")).toEqual(["acme"]);
  });

  it("knows vendors by their leading words", () => {
    expect(isKnownVendor("Palo Alto Networks")).toBe(true);
    expect(isKnownVendor("Microsoft")).toBe(true);
    expect(isKnownVendor("Contoso Bank")).toBe(false);
  });

  it("replaces the suffixed name and its bare stems with one placeholder", () => {
    const result = scrub("Contoso Bank AG (Contoso) said Contoso Bank and CONTOSO were hit; contoso.local too.");
    expect(result.text).toBe("[ORG-1] ([ORG-1]) said [ORG-1] and [ORG-1] were hit; [HOST-1] too.");
    expect(result.findings[0]).toEqual({ kind: "ORG", value: "Contoso Bank AG", placeholder: "[ORG-1]", count: 4 });
  });
});
