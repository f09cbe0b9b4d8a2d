import { describe, expect, it } from "vitest";
import { maskEmail, maskEmails, maskEmailsDeep } from "./email";

describe("maskEmail", () => {
  it.each([
    ["alice@example.org", "a***@e***.org"],
    ["researcher@e2e.test", "r***@e***.test"],
    ["a@b@evil.org", "a***@e***.org"],
    ["bob@localhost", "b***@l***"],
    ["nonsense", "***"],
    ["@x.org", "***"],
  ])("%j → %j", (input, masked) => expect(maskEmail(input)).toBe(masked));
});

describe("maskEmails", () => {
  it("masks every address in free text, whatever surrounds it", () => {
    const text = `"Jane <jane.doe@victim.org>, ops@victim.org" is not a single valid e-mail address. mailto:x@y.io`;
    const out = maskEmails(text);
    expect(out).not.toMatch(/jane|victim|ops@|x@y/);
    expect(out).toContain("j***@v***.org");
    expect(out).toContain("o***@v***.org");
  });
  it("leaves file paths with scoped packages alone", () => {
    expect(maskEmails("at /app/node_modules/@prisma/client/x.js:1")).toBe("at /app/node_modules/@prisma/client/x.js:1");
  });
});

describe("maskEmailsDeep", () => {
  it("masks errors (message and stack) and nested metadata", () => {
    const error = new Error(`"jane@victim.org" is not valid`);
    const cyclic: Record<string, unknown> = { email: "jane@victim.org" };
    cyclic.self = cyclic;
    const out = JSON.stringify(maskEmailsDeep({ error, providerId: "email", list: ["a@b.org"], cyclic }));
    expect(out).not.toMatch(/jane@|victim|a@b/);
    expect(out).toContain("j***@v***.org");
    expect(out).toContain("[circular]");
  });
});
