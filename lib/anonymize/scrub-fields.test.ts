import { describe, expect, it } from "vitest";
import { scrub, scrubFields } from "./index";
import { publicUrlProblem } from "./internal";

describe("scrubFields", () => {
  it("gives a value one placeholder across fields and says where it occurred", () => {
    const result = scrubFields({
      procedure: "Beacon from dc01.corp.local to 10.1.2.3, then to ops@acme-bank.com.",
      citation: "Ticket raised by ops@acme-bank.com about dc01.corp.local",
      alias: "the dc01.corp.local crew",
    });
    expect(result.fields).toEqual({
      procedure: "Beacon from [HOST-1] to [IP-1], then to [EMAIL-1].",
      citation: "Ticket raised by [EMAIL-1] about [HOST-1]",
      alias: "the [HOST-1] crew",
    });
    expect(result.findings).toEqual([
      {
        kind: "HOST",
        value: "dc01.corp.local",
        placeholder: "[HOST-1]",
        count: 3,
        fields: ["procedure", "citation", "alias"],
      },
      { kind: "IP", value: "10.1.2.3", placeholder: "[IP-1]", count: 1, fields: ["procedure"] },
      {
        kind: "EMAIL",
        value: "ops@acme-bank.com",
        placeholder: "[EMAIL-1]",
        count: 2,
        fields: ["procedure", "citation"],
      },
    ]);
  });

  it("numbers new values after the placeholders already in any field", () => {
    const result = scrubFields({ a: "seen on [HOST-4] earlier", b: "now on web.corp.local" });
    expect(result.fields.b).toBe("now on [HOST-5]");
  });

  it("applies keep and redact to every field", () => {
    const result = scrubFields(
      { a: "Acme Bank saw update.example.com", b: "Notes of ACME BANK, update.example.com" },
      { keep: ["update.example.com"], redact: ["Acme Bank"] },
    );
    expect(result.fields).toEqual({ a: "[TERM-1] saw update.example.com", b: "Notes of [TERM-1], update.example.com" });
  });

  it("reports the keep values that spared something, as written, never a refused or absent one", () => {
    const result = scrubFields(
      { a: "Beacon to 45.33.32.156 and Update-CDN.net from 10.1.2.3", b: "again 45.33.32.156" },
      { keep: ["45.33.32.156", "update-cdn.net", "10.1.2.3", "absent.example.org"] },
    );
    expect(result.fields.a).toBe("Beacon to 45.33.32.156 and Update-CDN.net from [IP-1]");
    expect(result.kept).toEqual(["45.33.32.156", "Update-CDN.net"]);
  });

  it("is idempotent on its own output", () => {
    const fields = { p: "x@y.com on h.corp.local", q: "10.9.8.7 and x@y.com", r: "Jane Roe" };
    const once = scrubFields(fields, { redact: ["Jane Roe"] });
    const twice = scrubFields(once.fields, { redact: ["Jane Roe"] });
    expect(twice).toEqual({ fields: once.fields, findings: [], kept: [] });
  });

  it("agrees with scrub() on a single field", () => {
    const text = "a@x.com met b@y.com on h1.corp.local (10.0.0.1), then a@x.com again";
    const single = scrub(text);
    const fields = scrubFields({ only: text });
    expect(fields.fields.only).toBe(single.text);
    expect(fields.findings.map(({ fields: _, ...f }) => f)).toEqual(single.findings);
  });
});

describe("publicUrlProblem", () => {
  it.each(["https://www.example.org/report.pdf", "http://93.184.216.34/r", "https://[2606:4700::1111]/x"])(
    "accepts the public address %s",
    (url) => expect(publicUrlProblem(url)).toBeNull(),
  );

  it.each([
    ["https://wiki.corp/r", "internal host"],
    ["https://intranet/r", "internal host"],
    ["http://localhost:3000/r", "internal host"],
    ["https://share.acme.local./r", "internal host"],
    ["http://192.168.1.10/r", "private"],
    ["http://127.0.0.1/r", "loopback"],
    ["http://2130706433/r", "loopback"],
    ["http://169.254.169.254/latest", "linkLocal"],
    ["http://[::1]/r", "loopback"],
    ["http://[fd00::1]/r", "uniqueLocal"],
    ["http://[::ffff:10.0.0.1]/r", "ipv4Mapped"],
    ["ftp://example.org/r", "http(s)"],
  ])("refuses %s (%s)", (url, why) => expect(publicUrlProblem(url)).toContain(why));
});
