import { describe, expect, it } from "vitest";
import { findAzureIds } from "./azure";

const found = (text: string) => findAzureIds(text).map((c) => [c.kind, c.value]);
const GUID = "72f988bf-86f1-41af-91ab-2d7cd011db47";

describe("findAzureIds", () => {
  it.each([
    [`tenant ${GUID}`, "AZURE-ID"],
    [`"TenantId": "${GUID}"`, "AZURE-ID"],
    [`Connect-AzAccount -TenantId ${GUID}`, "AZURE-ID"],
    [`az account set --subscription ${GUID}`, "AZURE-ID"],
    [`/subscriptions/${GUID}/providers/Microsoft.Compute`, "AZURE-ID"],
    [`https://login.microsoftonline.com/${GUID}/oauth2/v2.0/token`, "AZURE-ID"],
    [`Directory (tenant) ID: ${GUID}`, "AZURE-ID"],
    [`subscription id is ${GUID}`, "AZURE-ID"],
    [`ObjectId: ${GUID}`, "CLOUD-USER"],
    [`"oid": "${GUID}"`, "CLOUD-USER"],
    [`principalId=${GUID}`, "CLOUD-USER"],
    [`graph.microsoft.com/v1.0/users/${GUID}`, "CLOUD-USER"],
  ])("redacts %s", (text, kind) => {
    expect(found(text)).toEqual([[kind, GUID]]);
  });

  it("redacts Okta user ids", () => {
    expect(found("Okta user 00ub0oNGTSWTBKOLGLNR (jdoe) reset")).toEqual([["CLOUD-USER", "00ub0oNGTSWTBKOLGLNR"]]);
  });

  it.each([
    "registered CLSID {0002DF01-0000-0000-C000-000000000046} for COM hijacking",
    `the client id ${GUID} of Azure PowerShell`,
    `ATT&CK object attack-pattern--${GUID}`,
    `a random ${GUID} in a log line`,
    "00uppercaselettersonly and 00u12345678901234567",
  ])("keeps %s", (text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    ["/subscriptions/x/resourceGroups/rg-acme-payments-prod/providers/Microsoft.Compute", "rg-acme-payments-prod"],
    ["az vm run-command invoke --resource-group rg-acme-payments-prod -n vm1", "rg-acme-payments-prod"],
    ["Get-AzVM -ResourceGroupName 'rg-acme-payments-prod'.", "rg-acme-payments-prod"],
  ])("redacts the resource group in %s", (text, value) => {
    expect(found(text)).toEqual([["AZURE-ID", value]]);
  });

  it("keeps resource group placeholders", () => {
    expect(
      found(
        "az group list --resource-group <rg>; --resource-group $RG; resource groups are listed; az image delete --resource-group MyResourceGroup",
      ),
    ).toEqual([]);
  });
});

describe("findAzureIds: Okta ids near 'Okta'", () => {
  it("takes a 00u id a character short after Okta or userId", () => {
    expect(found("Okta userId 00uk3Xz9QmP2wL7rT1 was added")).toEqual([["CLOUD-USER", "00uk3Xz9QmP2wL7rT1"]]);
    expect(found('"userId": "00uk3Xz9QmP2wL7rT1a"')).toEqual([["CLOUD-USER", "00uk3Xz9QmP2wL7rT1a"]]);
  });

  it("keeps short 00u tokens without Okta context", () => {
    expect(found("build 00uk3Xz9QmP2wL7rT1 of the agent")).toEqual([]);
  });
});
