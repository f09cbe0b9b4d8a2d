import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { normalizeEmail } from "./email";
import { assertCan, can, type Actor } from "./permissions";

const as = (role: Actor["role"]): Actor => ({ id: "u", email: "u@example.org", role });

describe("permissions", () => {
  it("grants each role what the table says and nothing else", () => {
    expect(can(as("CONTRIBUTOR"), "observation:create")).toBe(true);
    expect(can(as("CONTRIBUTOR"), "observation:decide")).toBe(false);
    expect(can(as("REVIEWER"), "observation:decide")).toBe(true);
    expect(can(as("REVIEWER"), "release:manage")).toBe(false);
    expect(can(as("ADMIN"), "release:manage")).toBe(true);
    // Reopening a decided observation overrides a reviewer's decision: admins only.
    expect(can(as("REVIEWER"), "observation:reopen")).toBe(false);
    expect(can(as("ADMIN"), "observation:reopen")).toBe(true);
    // Remapping a revoked or deprecated technique: reviewers and admins, never the contributor.
    expect(can(as("CONTRIBUTOR"), "observation:remap")).toBe(false);
    expect(can(as("REVIEWER"), "observation:remap")).toBe(true);
    expect(can(as("ADMIN"), "observation:remap")).toBe(true);
  });
  it("fails closed for no actor and unknown roles", () => {
    expect(can(null, "observation:read-own")).toBe(false);
    expect(can({ ...as("ADMIN"), role: "ROOT" as Actor["role"] }, "observation:read-own")).toBe(false);
    expect(() => assertCan(null, "observation:create")).toThrow(AppError);
    expect(() => assertCan(as("CONTRIBUTOR"), "release:manage")).toThrow(/CONTRIBUTOR/);
  });
});

describe("normalizeEmail", () => {
  it("lower-cases and trims one address", () => {
    expect(normalizeEmail("  Jane.Doe@Example.ORG ")).toBe("jane.doe@example.org");
  });
  it.each(["a@b.c, evil@x.org", '"a"@example.org', "Jane <jane@example.org>", "no-at-sign", "a@localhost"])(
    "refuses %s",
    (value) => {
      expect(() => normalizeEmail(value)).toThrow(/not a single valid e-mail/);
    },
  );
});
