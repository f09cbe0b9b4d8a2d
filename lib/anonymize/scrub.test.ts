import { describe, expect, it } from "vitest";
import { CORPUS, STRESS_INPUTS } from "./corpus.fixture";
import { FINDING_KINDS, PLACEHOLDER_PATTERN, scrub } from "./index";

describe("labeled corpus", () => {
  for (const c of CORPUS) {
    it(`${c.name}: removes every seeded identifier and keeps every IOC, ATT&CK id and file name`, () => {
      const { text } = scrub(c.text, c.options);
      for (const identifier of c.gone) expect(text.toLowerCase()).not.toContain(identifier.toLowerCase());
      for (const kept of c.stays) expect(text).toContain(kept);
    });

    it(`${c.name}: is idempotent`, () => {
      const once = scrub(c.text, c.options);
      const twice = scrub(once.text, c.options);
      expect(twice).toEqual({ text: once.text, findings: [] });
    });
  }
});

describe("scrub", () => {
  it("numbers placeholders per kind in order of first appearance and counts occurrences", () => {
    const result = scrub(
      "a@x.com met b@y.com on h1.corp.local (10.0.0.1), then a@x.com again on 10.0.0.2 and h1.corp.local",
    );
    expect(result.text).toBe(
      "[EMAIL-1] met [EMAIL-2] on [HOST-1] ([IP-1]), then [EMAIL-1] again on [IP-2] and [HOST-1]",
    );
    expect(result.findings).toEqual([
      { kind: "EMAIL", value: "a@x.com", placeholder: "[EMAIL-1]", count: 2 },
      { kind: "EMAIL", value: "b@y.com", placeholder: "[EMAIL-2]", count: 1 },
      { kind: "HOST", value: "h1.corp.local", placeholder: "[HOST-1]", count: 2 },
      { kind: "IP", value: "10.0.0.1", placeholder: "[IP-1]", count: 1 },
      { kind: "IP", value: "10.0.0.2", placeholder: "[IP-2]", count: 1 },
    ]);
  });

  it("reuses a placeholder across case for hosts and e-mails, reporting the first spelling", () => {
    const result = scrub("DC01.CORP.LOCAL, dc01.corp.local, Jane.Doe@Acme.com, jane.doe@ACME.COM");
    expect(result.text).toBe("[HOST-1], [HOST-1], [EMAIL-1], [EMAIL-1]");
    expect(result.findings.map((f) => [f.value, f.count])).toEqual([
      ["DC01.CORP.LOCAL", 2],
      ["Jane.Doe@Acme.com", 2],
    ]);
  });

  it("counts an e-mail's domain as part of the e-mail, not as an extra HOST", () => {
    const result = scrub("From j.smith@intranet.acme-bank.com to it@intranet.acme-bank.com.");
    expect(result.text).toBe("From [EMAIL-1] to [EMAIL-2].");
    expect(result.findings.map((f) => f.kind)).toEqual(["EMAIL", "EMAIL"]);
  });

  it("replaces only the host of a URL", () => {
    expect(scrub("GET https://intranet.corp.local/x?y and http://10.9.8.7:8080/login").text).toBe(
      "GET https://[HOST-1]/x?y and http://[IP-1]:8080/login",
    );
  });

  it("recognizes internal and public hostnames", () => {
    const text = "dc01.corp.local intranet.acme-bank.com fileserver.internal nas.home sql.int files.lan x.y.ad";
    expect(scrub(text).text).toBe("[HOST-1] [HOST-2] [HOST-3] [HOST-4] [HOST-5] [HOST-6] [HOST-7]");
  });

  it("keeps CIDR suffixes with the address, and only valid prefixes", () => {
    const result = scrub("Scanned 10.1.2.0/24, then 10.1.2.0, then 10.9.0.0/33.");
    expect(result.text).toBe("Scanned [IP-1], then [IP-2], then [IP-3]/33.");
    expect(result.findings.map((f) => f.value)).toEqual(["10.1.2.0/24", "10.1.2.0", "10.9.0.0"]);
  });

  it("does not match invalid or version-like addresses", () => {
    const text = "999.1.1.1 256.1.1.1 1.2.3.4.5 v1.2.3.4 version 1.2.3.4 ProductVersion: 4.3.2.1 10.0.19041.1";
    expect(scrub(text)).toEqual({ text, findings: [] });
  });

  it("keeps loopback, unspecified, netmasks, localhost and ATT&CK ids", () => {
    const text =
      "127.0.0.1 127.0.1.1 0.0.0.0 255.255.255.0 localhost localhost.localdomain T1059 T1059.001 TA0005 G0016 S0154 C0022";
    expect(scrub(text)).toEqual({ text, findings: [] });
  });

  it("treats file names as files, even where the extension is also a TLD", () => {
    const text =
      "mimikatz.exe rundll32.exe payload.dll script.ps1 run.sh setup.py docs.zip clip.mov tool.pl report.docx invoice.pdf";
    expect(scrub(text)).toEqual({ text, findings: [] });
  });

  it("treats a TLD-like extension as a host in a URL, with a port, or with more labels", () => {
    expect(scrub("https://evil.sh/x evil.zip:8080 cdn.evil.py").text).toBe("https://[HOST-1]/x [HOST-2]:8080 [HOST-3]");
  });

  it("leaves .NET namespaces, COM ProgIDs and PowerShell members alone", () => {
    const text =
      "System.IO.File System.Net.WebClient WScript.Shell WScript.Network ADODB.Stream ASP.NET requests.post $obj.Name";
    expect(scrub(text)).toEqual({ text, findings: [] });
  });

  it("keeps defanged IOCs whole, including their subdomains", () => {
    const text =
      "evil[.]com mail.google[.]com 1.2.3[.]4 bad[@]evil[.]com hxxp://evil.com/a hxxps://198.51.100.9 http[:]//x.com";
    expect(scrub(text)).toEqual({ text, findings: [] });
  });

  it("still scrubs victim hosts in the path of a defanged URL", () => {
    expect(scrub("hxxp://evil[.]com/r?to=portal.acme.local").text).toBe("hxxp://evil[.]com/r?to=[HOST-1]");
  });

  it("finds the host in a WebDAV UNC path and survives user@host forms", () => {
    expect(scrub("\\\\files.acme.com@SSL\\DavWWWRoot\\a.dll \\\\user@host\\c$ admin@ @x ssh root@10.0.0.9").text).toBe(
      "\\\\[HOST-1]@SSL\\DavWWWRoot\\a.dll \\\\user@host\\c$ admin@ @x ssh root@[IP-1]",
    );
  });

  it("finds a host in a file named after it and in trailing-dot FQDNs", () => {
    expect(scrub("dump of dc01.corp.local.log from dc01.corp.local.").text).toBe("dump of [HOST-1].log from [HOST-1].");
  });
});

describe("keep and redact", () => {
  it("keeps listed values case-insensitively and exactly, leaving them out of the findings", () => {
    const result = scrub("c2.evil.net c2.EVIL.net www.c2.evil.net 45.77.12.9 45.77.12.10", {
      keep: ["C2.Evil.NET", "hxxp://45.77.12[.]9/"],
    });
    expect(result.text).toBe("c2.evil.net c2.EVIL.net [HOST-1] 45.77.12.9 [IP-1]");
    expect(result.findings.map((f) => f.value)).toEqual(["www.c2.evil.net", "45.77.12.10"]);
  });

  it("keeps a listed e-mail without replacing its domain", () => {
    expect(scrub("From billing@evil.com and ceo@evil.com", { keep: ["billing@evil.com"] }).text).toBe(
      "From billing@evil.com and [EMAIL-1]",
    );
  });

  it("keeps a listed host but not an e-mail at that host", () => {
    expect(scrub("evil.com sent from x@evil.com", { keep: ["evil.com"] }).text).toBe("evil.com sent from [EMAIL-1]");
  });

  it("never keeps a private, loopback or link-local address or an internal host, even when listed", () => {
    const text =
      "Beacon 45.77.12.9 reached 10.1.2.3, 169.254.10.20, fd12:3456::1 and dc01.corp.local; " +
      "mail from ops@corp.local and evil.com.";
    const result = scrub(text, {
      keep: [
        "45.77.12.9",
        "10.1.2.3",
        "169.254.10.20",
        "FD12:3456::1",
        "dc01.corp.local",
        "ops@corp.local",
        "evil.com",
      ],
    });
    expect(result.text).toBe(
      "Beacon 45.77.12.9 reached [IP-1], [IP-2], [IP-3] and [HOST-1]; mail from [EMAIL-1] and evil.com.",
    );
    expect(result.findings.map((f) => f.value)).toEqual(
      expect.arrayContaining(["10.1.2.3", "169.254.10.20", "dc01.corp.local", "ops@corp.local"]),
    );
  });

  it("ignores a kept CIDR of a private range but keeps a public one", () => {
    expect(scrub("scanned 10.0.0.0/8 from 45.77.12.0/24", { keep: ["10.0.0.0/8", "45.77.12.0/24"] }).text).toBe(
      scrub("scanned 10.0.0.0/8 from 45.77.12.0/24", { keep: ["45.77.12.0/24"] }).text,
    );
    expect(scrub("scanned 10.0.0.0/8", { keep: ["10.0.0.0/8"] }).text).not.toContain("10.0.0.0");
  });

  it("redacts terms case-insensitively as whole words, across line wraps", () => {
    const result = scrub("Acme Bank (acme bank, ACME\nBANK) hired John Smith; Acmebank and SmithJohn stay.", {
      redact: ["acme bank", "John Smith", "  "],
    });
    expect(result.text).toBe("[TERM-1] ([TERM-1], [TERM-1]) hired [TERM-2]; Acmebank and SmithJohn stay.");
    expect(result.findings).toEqual([
      { kind: "TERM", value: "Acme Bank", placeholder: "[TERM-1]", count: 3 },
      { kind: "TERM", value: "John Smith", placeholder: "[TERM-2]", count: 1 },
    ]);
  });

  it("prefers the longer term and treats regex characters literally", () => {
    expect(
      scrub("Acme Bank and Acme and a.c.m.e (Q3)", { redact: ["Acme", "Acme Bank", "a.c.m.e", "(Q3)"] }).text,
    ).toBe("[TERM-1] and [TERM-2] and [TERM-3] [TERM-4]");
  });

  it("lets redact win over keep and over defanging", () => {
    expect(scrub("acme.evil.com and acme[.]com", { keep: ["acme.evil.com"], redact: ["acme"] }).text).toBe(
      "[TERM-1].evil.com and [TERM-1][.]com",
    );
  });

  it("replaces the rest of a term that partly overlaps a host", () => {
    const result = scrub("Ask John smith.acme.local", { redact: ["John Smith"] });
    expect(result.text).toBe("Ask [TERM-1][HOST-1]");
    expect(result.findings.map((f) => [f.kind, f.count])).toEqual([
      ["TERM", 1],
      ["HOST", 1],
    ]);
  });

  it("never redacts inside a placeholder", () => {
    expect(scrub("[HOST-1] host", { redact: ["host", "1"] }).text).toBe("[HOST-1] [TERM-1]");
  });
});

describe("placeholders", () => {
  it("numbers new values after placeholders already in the text", () => {
    const result = scrub("[HOST-1] and [IP-3] talked to dc02.corp.local and 10.0.0.7");
    expect(result.text).toBe("[HOST-1] and [IP-3] talked to [HOST-2] and [IP-4]");
  });

  it("PLACEHOLDER_PATTERN matches every placeholder produced and nothing else", () => {
    const { findings } = scrub("a@b.com 10.0.0.1 h.corp.local Acme", { redact: ["acme"] });
    expect(findings.map((f) => f.placeholder)).toEqual(["[EMAIL-1]", "[IP-1]", "[HOST-1]", "[TERM-1]"]);
    for (const f of findings) expect(f.placeholder).toMatch(new RegExp(`^${PLACEHOLDER_PATTERN.source}$`));
    for (const s of ["[HOST-0]", "[HOST]", "[VICTIM-1]", "HOST-1", "[host-1]"])
      expect(s).not.toMatch(PLACEHOLDER_PATTERN);
    expect(PLACEHOLDER_PATTERN.global).toBe(false);
  });

  it("knows every kind's placeholders, hyphenated ones included, and leaves them alone", () => {
    for (const kind of FINDING_KINDS) expect(`[${kind}-12]`).toMatch(PLACEHOLDER_PATTERN);
    const text = "[AWS-ACCOUNT-2] and [USER-1] used 10.0.0.1";
    expect(scrub(text).text).toBe("[AWS-ACCOUNT-2] and [USER-1] used [IP-1]");
  });
});

// Pathological inputs must come back whole (no catastrophic backtracking: a regression here hangs
// the test until vitest's timeout). How fast scrub() is, is measured by `npm run bench`.
describe("pathological inputs", () => {
  for (const [name, text] of Object.entries(STRESS_INPUTS)) {
    it(`scrubs ${name} without losing text`, () => {
      const result = scrub(text, { redact: ["John Smith", "Acme Bank"], keep: ["evil.com"] });
      expect(result.text.length).toBeGreaterThan(0);
      expect(result.findings.every((f) => result.text.includes(f.placeholder))).toBe(true);
    });
  }
});

describe("public services and hive dumps", () => {
  it("keeps ATT&CK's own links and public services, not look-alikes or a customer's tenant on them", () => {
    const text =
      "[APT29](https://attack.mitre.org/groups/G0016) pulled tools from raw.githubusercontent.com and paste.ee, " +
      "then beaconed to github.com.evil-cdn.net and read contoso.onmicrosoft.com mail.";
    const { text: out, findings } = scrub(text);
    expect(out).toContain("https://attack.mitre.org/groups/G0016");
    expect(out).toContain("raw.githubusercontent.com and paste.ee");
    expect(findings.map((f) => f.value)).toEqual(["github.com.evil-cdn.net", "contoso.onmicrosoft.com"]);
  });

  it("reads registry hive dumps as files", () => {
    const text = "reg save HKLM\\SAM sam.save and reg save HKLM\\SYSTEM system.hiv";
    expect(scrub(text)).toEqual({ text, findings: [] });
  });
});

describe("termsOnly", () => {
  it("replaces only the listed terms, numbered after the placeholders present, and nothing a recognizer would find", () => {
    const text = "[TERM-1] saw Kestrelwing on files.corp.local from 10.0.0.5";
    expect(scrub(text, { redact: ["kestrelwing"], termsOnly: true }).text).toBe(
      "[TERM-1] saw [TERM-2] on files.corp.local from 10.0.0.5",
    );
  });
});
