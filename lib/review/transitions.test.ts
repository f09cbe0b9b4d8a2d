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
});
