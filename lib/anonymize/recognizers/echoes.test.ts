import { describe, expect, it } from "vitest";
import { scrub, scrubFields } from "../index";
import { echoFinder } from "./echoes";

describe("echoFinder", () => {
  it("finds a found value where it stands alone, keyed like the finding it repeats", () => {
    const find = echoFinder([
      { kind: "DOMAIN", start: 0, end: 7, value: "CONTOSO", key: "contoso" },
      { kind: "USER", start: 8, end: 18, value: "jdoe.admin", key: "jdoe.admin" },
      { kind: "HOST", start: 30, end: 34, value: "DC01", key: "dc01" },
      { kind: "HOST", start: 40, end: 55, value: "dc01.corp.local", key: "dc01.corp.local" },
    ])!;
    const text = "contoso users: JDOE.ADMIN on dc01; not dc01.corp.local, jdoe.admins or xcontoso";
    expect(find(text).map((c) => [c.kind, c.key, text.slice(c.start, c.end)])).toEqual([
      ["DOMAIN", "contoso", "contoso"],
      ["USER", "jdoe.admin", "JDOE.ADMIN"],
      ["HOST", "dc01", "dc01"],
    ]);
  });

  it("echoes an organization's distinctive first word only as written (or upper-case)", () => {
    const find = echoFinder([{ kind: "ORG", start: 0, end: 15, value: "Contoso Bank AG", key: "contoso bank" }])!;
    const text = "Contoso, CONTOSO, contoso bank, but not contoso";
    expect(find(text).map((c) => text.slice(c.start, c.end))).toEqual(["Contoso", "CONTOSO", "contoso bank"]);
  });

  it("does not echo accounts named by ordinary words, nor anything shorter than three characters", () => {
    expect(
      echoFinder([
        { kind: "USER", start: 0, end: 5, value: "admin", key: "admin" },
        { kind: "USER", start: 6, end: 8, value: "jd", key: "jd" },
      ]),
    ).toBeNull();
  });
});

describe("identities end to end", () => {
  const ISSUE =
    "jdoe.admin logged on to DC01 from JMP01 as CONTOSO\\jdoe.admin, copied C:\\Users\\jdoe.admin\\Documents\\x.zip " +
    "to \\\\SRV-FS-02\\share; user m.schmidt on WKS-FIN-0231 at Contoso Bank AG (Contoso)";

  it("keeps no identifier of the issue's example and labels m.schmidt a USER", () => {
    const result = scrub(ISSUE);
    expect(result.text).toBe(
      "[USER-1] logged on to [HOST-1] from [HOST-2] as [DOMAIN-1]\\[USER-1], copied C:\\Users\\[USER-1]\\Documents\\x.zip " +
        "to \\\\[HOST-3]\\share; user [USER-2] on [HOST-4] at [ORG-1] ([ORG-1])",
    );
    for (const leak of ["jdoe", "DC01", "JMP01", "CONTOSO", "SRV-FS-02", "schmidt", "WKS-FIN-0231"]) {
      expect(result.text.toLowerCase()).not.toContain(leak.toLowerCase());
    }
    expect(result.findings.map((f) => [f.kind, f.value, f.count])).toEqual([
      ["USER", "jdoe.admin", 3],
      ["HOST", "DC01", 1],
      ["HOST", "JMP01", 1],
      ["DOMAIN", "CONTOSO", 1],
      ["HOST", "SRV-FS-02", 1],
      ["USER", "m.schmidt", 1],
      ["HOST", "WKS-FIN-0231", 1],
      ["ORG", "Contoso Bank AG", 2],
    ]);
  });

  it("is idempotent on the issue's example", () => {
    const once = scrub(ISSUE);
    expect(scrub(once.text)).toEqual({ text: once.text, findings: [] });
  });

  it("replaces a stem or domain seen in one field wherever it stands alone in the others", () => {
    const result = scrubFields({
      procedure: "Logged on as CONTOSO\\svc_backup at Contoso Bank AG.",
      detection: "Contoso's SOC saw svc_backup in the CONTOSO forest from DC01.",
    });
    expect(result.fields).toEqual({
      procedure: "Logged on as [DOMAIN-1]\\[USER-1] at [ORG-1].",
      detection: "[ORG-1]'s SOC saw [USER-1] in the [DOMAIN-1] forest from [HOST-1].",
    });
  });

  it("leaves the vocabulary around identities alone", () => {
    const text =
      "APT29 (G0016) ran Mimikatz (S0002) as NT AUTHORITY\\SYSTEM via PsExec, set HKLM\\Software\\Microsoft\\Windows\\" +
      "CurrentVersion\\Run, used T1059.001 and CVE-2021-44228 (MS17-010, KB5005565); Microsoft Corporation and " +
      "Mandiant, Inc. reported it; BUILTIN\\Administrators, C:\\Users\\Public\\x.dll, %APPDATA%\\x.exe, SHA256, x64.";
    expect(scrub(text)).toEqual({ text, findings: [] });
  });
});
