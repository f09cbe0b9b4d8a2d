import { describe, expect, it } from "vitest";
import { can, type Actor } from "../auth/permissions";
import { TRANSITION_ACTIONS } from "../observations/schema";
import { TRANSITIONS, needsComment } from "./transitions";

const as = (role: Actor["role"]): Actor => ({ id: "u", email: "u@example.org", role });

describe("the transitions table", () => {
  it("lets no transition leave WITHDRAWN: withdrawing is the contributor's decision", () => {
    for (const action of TRANSITION_ACTIONS) expect(TRANSITIONS[action].from).not.toContain("WITHDRAWN");
  });

  it("gives admin-only actions a permission that only admins hold", () => {
    const adminOnly = TRANSITION_ACTIONS.filter((a) => TRANSITIONS[a].who === "admin");
    expect(adminOnly).toEqual(["reopen"]);
    for (const action of adminOnly) {
      const permission = TRANSITIONS[action].permission!;
      expect(can(as("ADMIN"), permission)).toBe(true);
      expect(can(as("REVIEWER"), permission)).toBe(false);
    }
  });

  it("requires a reason to ask, reject and reopen, an answer's text, and keeps the reopen reason internal", () => {
    expect(TRANSITION_ACTIONS.filter(needsComment)).toEqual(["ask", "reject", "reopen", "answer"]);
    expect(TRANSITIONS.reopen.commentVisibility).toBe("INTERNAL");
  });

  it("unclaims to SUBMITTED clearing the assignee, only by the assignee (or an admin)", () => {
    expect(TRANSITIONS.unclaim).toMatchObject({
      from: ["IN_REVIEW"],
      to: "SUBMITTED",
      assigns: "none",
      claimedOnly: true,
    });
    expect(can(as("REVIEWER"), TRANSITIONS.unclaim.permission!)).toBe(true);
    expect(can(as("CONTRIBUTOR"), TRANSITIONS.unclaim.permission!)).toBe(false);
  });

  it("assigns unclaimed or claimed work to a chosen reviewer, mails them, and keeps its reason internal", () => {
    expect(TRANSITIONS.assign).toMatchObject({
      from: ["SUBMITTED", "IN_REVIEW"],
      to: "IN_REVIEW",
      assigns: "chosen",
      claimedOnly: true,
      mailAssignee: "assigned",
      commentVisibility: "INTERNAL",
    });
    expect(needsComment("assign")).toBe(false);
    // Only the transitions that hand work to someone write the assignee.
    expect(TRANSITION_ACTIONS.filter((a) => TRANSITIONS[a].assigns)).toEqual(["claim", "unclaim", "assign", "reopen"]);
  });
});
