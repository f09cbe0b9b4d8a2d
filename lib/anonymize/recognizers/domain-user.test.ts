import { describe, expect, it } from "vitest";
import { scrub } from "../index";
import { findDomainUsers } from "./domain-user";

const spans = (text: string) => findDomainUsers(text).map((c) => [c.kind, c.value]);

describe("findDomainUsers", () => {
  it.each([
    [
      "CONTOSO\\jdoe.admin",
      [
        ["DOMAIN", "CONTOSO"],
        ["USER", "jdoe.admin"],
      ],
    ],
    [
      "logged on as CORP-EU\\svc_backup.",
      [
        ["DOMAIN", "CORP-EU"],
        ["USER", "svc_backup"],
      ],
    ],
    [
      "runas /user:Contoso\\m.schmidt cmd",
      [
        ["DOMAIN", "Contoso"],
        ["USER", "m.schmidt"],
      ],
    ],
    [
      "machine account FIN\\WKS01$ requested a TGT",
      [
        ["DOMAIN", "FIN"],
        ["USER", "WKS01$"],
      ],
    ],
    ["CONTOSO\\Administrator ran it", [["DOMAIN", "CONTOSO"]]],
  ])("redacts %s", (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  it.each([
    "NT AUTHORITY\\SYSTEM",
    "NT AUTHORITY\\NETWORK SERVICE",
    "BUILTIN\\Administrators",
    "NT SERVICE\\TrustedInstaller",
    "Window Manager\\DWM-1",
    "Font Driver Host\\UMFD-0",
    "IIS APPPOOL\\DefaultAppPool",
    "HKLM\\Run",
    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
    "HKEY_LOCAL_MACHINE\\SAM",
    "C:\\Windows\\System32\\cmd.exe",
    "%APPDATA%\\Microsoft\\Windows",
    "System32\\cmd.exe",
    "Temp\\payload",
    "a task named `Mozilla\\Firefox Default Browser Agent`",
    "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion ProductName",
    "...\\Internet Settings\\ZoneMap",
    "via Sock4\\Socks5",
  ])("keeps %s", (text) => {
    expect(findDomainUsers(text)).toEqual([]);
  });

  it("gives the domain and the account stable placeholders across repeats and case", () => {
    expect(scrub("CONTOSO\\jdoe then contoso\\JDoe then CONTOSO\\m.schmidt").text).toBe(
      "[DOMAIN-1]\\[USER-1] then [DOMAIN-1]\\[USER-1] then [DOMAIN-1]\\[USER-2]",
    );
  });

  it("replaces the NetBIOS domain where it later stands alone, with the same placeholder", () => {
    expect(scrub("Ran as CONTOSO\\jdoe; the CONTOSO forest trusts FABRIKAM.").text).toBe(
      "Ran as [DOMAIN-1]\\[USER-1]; the [DOMAIN-1] forest trusts FABRIKAM.",
    );
  });
});
