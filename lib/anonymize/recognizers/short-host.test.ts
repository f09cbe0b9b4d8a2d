import { describe, expect, it } from "vitest";
import { scrub } from "../index";
import { findShortHosts } from "./short-host";

const hosts = (text: string) => findShortHosts(text).map((c) => c.value);

describe("findShortHosts", () => {
  it.each([
    ["WKS-FIN-0231 beaconed", "WKS-FIN-0231"],
    ["copied to SRV-FS-02", "SRV-FS-02"],
    ["DC01 replicated", "DC01"],
    ["moved via JMP01", "JMP01"],
    ["LAPTOP-7F3K2Q ran it", "LAPTOP-7F3K2Q"],
    ["seen on DESKTOP-ABC1234", "DESKTOP-ABC1234"],
    ["the WIN-8J5Q3R2K1LM box", "WIN-8J5Q3R2K1LM"],
    ["on host fin-ws7", "fin-ws7"],
    ["the server FILESRV02", "FILESRV02"],
    ["the domain controller ADDS-HQ", "ADDS-HQ"],
    ["lateral movement from BUILDAGENT12", "BUILDAGENT12"],
    ["Invoke-Command -ComputerName acct-pc", "acct-pc"],
    ["wmic /node:payroll process call create", "payroll"],
    ["mstsc /v:hr-laptop", "hr-laptop"],
    ["ssh -i key jdoe@jump01 uptime", "jump01"],
  ])("redacts the host in %s", (text, host) => {
    expect(hosts(text)).toEqual([host]);
  });

  it.each([
    "T1059 and T1059.001 under TA0002",
    "APT29, APT-C-36, FIN7, FIN13, UNC2452, TA505, DEV-0537, Storm-0558, TEMP.Veles",
    "G0016 S0002 C0024 M1036 DS0017 TA0001",
    "ssh root@10.0.0.5 and ssh jdoe@bastion.corp.local",
    "CVE-2021-44228 and MS17-010 fixed by KB5005565, see AA23-136A",
    "SHA256, SHA-256, MD5, AES256, AES-128-CBC, AES-GCM-256, HMAC-SHA-256, RSA-2048, ECDH-P256, RC4, Base64, UTF-8",
    "x64 and Win32 builds, x86_64, AMD64, ARM64",
    "uses SOCKS5 and HTTP/2 to reach its C2 on port 443",
    "loads KERNEL32 and USER32, ADVAPI32 and WS2_32",
    "runs on Windows 10, Server 2019 and SQL2019",
    "schtasks /create /sc minute /tn x /tr y /st 09:00",
    "tasklist /svc and bcdedit /set safeboot",
    "del /q /f /s C:\\Users\\x",
    "from the host to the server, from Windows to Linux, from C2 to P2P",
    "RoyalCli and BS2005 malware",
    "logs at /var/run and /sbin/auditd",
    "EDB-ID-24963 (SAP NetWeaver)",
    "-ComputerName localhost and -ComputerName $target",
  ])("keeps %s", (text) => {
    expect(findShortHosts(text)).toEqual([]);
  });

  it("numbers bare hosts in order and reuses the placeholder across case", () => {
    expect(scrub("DC01 then JMP01 then dc01 and SRV-FS-02").text).toBe(
      "[HOST-1] then [HOST-2] then [HOST-1] and [HOST-3]",
    );
  });
});
