import { describe, expect, it } from "vitest";
import { findDomainNames } from "./domain-name";

const names = (text: string) => findDomainNames(text).map((c) => [c.kind, c.value]);

describe("findDomainNames", () => {
  it.each([
    ["lsadump::dcsync /domain:FABRIKAM /user:krbtgt", "FABRIKAM"],
    ["Rubeus.exe asktgt /user:x /domain:tailspin /rc4:abc", "tailspin"],
    ["Get-DomainUser -Domain WINGTIP -SPN", "WINGTIP"],
    ["SharpHound.exe --domain ADATUM --CollectionMethods All", "ADATUM"],
    ["SharpHound.exe -c All -d ADATUM", "ADATUM"],
    ["bloodhound-python -u x -p y -d northwind -c all", "northwind"],
    ["They mapped the trusts of the ADATUM domain first.", "ADATUM"],
    ["A silver ticket was forged in domain WOODGROVE-EU.", "WOODGROVE-EU"],
    ["domain: FOURTHCOFFEE", "FOURTHCOFFEE"],
  ])("takes the domain in %s", (text, value) => {
    expect(names(text)).toEqual([["DOMAIN", value]]);
  });

  it.each([
    "certutil -decode in.b64 out.exe && tar -d archive",
    "ping -d 5 host; base64 -d payload.txt",
    "The AD domain and the DNS domain were enumerated with nltest /domain_trusts.",
    'net user /domain and net group "Domain Admins" /domain',
    "The actor registered a new domain for C2 (T1583.001).",
    "Mimikatz /domain:corp.contoso.com is left to the host recognizer",
    "the NT domain of the machine; the Windows domain; domain TARGET",
    "APT29 used a domain fronting technique (T1090.004).",
    "The KRBTGT domain account hash was dumped; APT28 targeted the NATO domain and the CISA domain.",
    "crackmapexec smb 192.0.2.0/24 -u guest -p '' -d WORKGROUP",
    "Ran SharpHound -d with the current domain; the ENTERPRISE domain admins of the PARENT domain",
  ])("keeps %s", (text) => {
    expect(names(text)).toEqual([]);
  });
});
