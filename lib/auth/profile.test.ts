import { describe, expect, it } from "vitest";
import { CREDIT_NAME_MAX, ZProfileInput } from "./profile";

describe("ZProfileInput", () => {
  it("refuses an e-mail address or a web address in the credit", () => {
    const messages = (creditName: string) =>
      ZProfileInput.safeParse({ creditName, creditOrg: "" }).error?.issues.map((i) => i.message) ?? [];
    expect(messages("Jane Doe")).toEqual([]);
    expect(messages("jane@example.test")).toEqual([expect.stringMatching(/not an e-mail address/)]);
    expect(messages("see www.example.org")).toEqual([expect.stringMatching(/not a web address/)]);
  });

  // Found by lib/http/fuzz.integration.test.ts: the address patterns backtrack quadratically, and a 300,000-character
  // name kept the server busy for minutes. A value over the limit gets the length message alone, unscanned.
  it("answers an overlong credit with the length message only, however long", () => {
    for (const creditName of ["x".repeat(300_000), `jane@example.org ${"a".repeat(200_000)}`]) {
      const parsed = ZProfileInput.safeParse({ creditName, creditOrg: "" });
      expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["creditName"]);
      expect(parsed.error?.issues[0].message).toMatch(new RegExp(String(CREDIT_NAME_MAX)));
    }
  });
});
