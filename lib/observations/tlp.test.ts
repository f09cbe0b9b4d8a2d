import { describe, expect, it } from "vitest";
import type { Actor } from "../auth/permissions";
import { TLP_LEVELS } from "./schema";
import { audienceOf, canSeeTlp, tlpAllows, tlpLevelsFor, tlpMeaning } from "./tlp";

const as = (role: Actor["role"], id = "u"): Actor => ({ id, email: `${id}@example.org`, role });

describe("the TLP rule", () => {
  it("lets CLEAR go anywhere, GREEN to members and reviewers, AMBER to reviewers only", () => {
    const table = Object.fromEntries(
      TLP_LEVELS.map((tlp) => [tlp, (["public", "member", "reviewer"] as const).filter((a) => tlpAllows(tlp, a))]),
    );
    expect(table).toEqual({
      CLEAR: ["public", "member", "reviewer"],
      GREEN: ["member", "reviewer"],
      AMBER: ["reviewer"],
    });
    expect(tlpLevelsFor("public")).toEqual(["CLEAR"]);
    expect(tlpLevelsFor("member")).toEqual(["CLEAR", "GREEN"]);
    expect(tlpLevelsFor("reviewer")).toEqual(["CLEAR", "GREEN", "AMBER"]);
  });

  it("fails closed for levels it does not know", () => {
    for (const tlp of ["RED", "clear", "", "AMBER+STRICT"]) expect(tlpAllows(tlp, "reviewer")).toBe(false);
  });

  it("places each actor in an audience, and always shows contributors their own work", () => {
    expect(audienceOf(null)).toBe("public");
    expect(audienceOf(as("CONTRIBUTOR"))).toBe("member");
    expect(audienceOf(as("REVIEWER"))).toBe("reviewer");
    expect(audienceOf(as("ADMIN"))).toBe("reviewer");
    const amber = { tlp: "AMBER", contributorId: "owner" };
    expect(canSeeTlp(as("CONTRIBUTOR", "owner"), amber)).toBe(true);
    expect(canSeeTlp(as("CONTRIBUTOR", "other"), amber)).toBe(false);
    expect(canSeeTlp(as("CONTRIBUTOR", "other"), { ...amber, tlp: "GREEN" })).toBe(true);
    expect(canSeeTlp(null, { ...amber, tlp: "GREEN" })).toBe(false);
    expect(canSeeTlp(as("REVIEWER", "other"), amber)).toBe(true);
  });

  it("says in one line what each level means for where it goes", () => {
    for (const tlp of TLP_LEVELS) expect(tlpMeaning(tlp)).toMatch(/^[^\n]{20,140}$/);
    expect(tlpMeaning("CLEAR")).toMatch(/public/i);
    expect(tlpMeaning("AMBER")).toMatch(/reviewers/i);
  });
});
