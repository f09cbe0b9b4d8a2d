// The observation state machine as data (DESIGN §4): the one table of transitions. Pure, so the
// review page's buttons read it too; lib/review/workflow.ts enforces it and performs the effects.
import type { ObservationStatus } from "../../prisma/sqlite/client";
import type { Permission } from "../auth/permissions";
import type { TransitionAction } from "../observations/schema";

export interface Transition {
  from: readonly ObservationStatus[];
  to: ObservationStatus;
  /** "owner": only the observation's contributor. Otherwise anyone holding `permission`, never on their own work. */
  who: "owner" | "reviewer" | "admin";
  permission?: Permission;
  /** A reason is required; it is scrubbed, stored as a comment with this visibility, and mailed if `mail`. */
  needsComment?: boolean;
  commentVisibility?: "SHARED" | "INTERNAL";
  /** Only the reviewer who claimed it decides (an admin may step in). */
  claimedOnly?: boolean;
  /** The mail the contributor receives (the contributor only: they may always see their own work). */
  mail?: "decision" | "needs-info" | "receipt";
  /** The mail the assigned reviewer receives (they claimed it, so they may see it whatever its TLP). */
  mailAssignee?: "answered" | "assigned";
  /**
   * What it writes to the assignee: "actor" (whoever fires it claims it), "chosen" (the reviewer named in the
   * input, who must be an active reviewer or admin other than the contributor), "none" (cleared). Absent: unchanged.
   */
  assigns?: "actor" | "chosen" | "none";
}

export const TRANSITIONS: Record<TransitionAction, Transition> = {
  submit: { from: ["DRAFT", "NEEDS_INFO"], to: "SUBMITTED", who: "owner", mail: "receipt" },
  // The contributor's reply to the reviewer's question (a SHARED comment): back to the queue, still
  // assigned to the reviewer who asked, and mailed to them. Editing and resubmitting stays possible too.
  answer: {
    from: ["NEEDS_INFO"],
    to: "SUBMITTED",
    who: "owner",
    needsComment: true,
    commentVisibility: "SHARED",
    mailAssignee: "answered",
  },
  // Withdrawn is the contributor's decision: no transition leaves WITHDRAWN.
  withdraw: { from: ["DRAFT", "SUBMITTED", "NEEDS_INFO"], to: "WITHDRAWN", who: "owner" },
  claim: { from: ["SUBMITTED"], to: "IN_REVIEW", who: "reviewer", permission: "observation:decide", assigns: "actor" },
  // Hands a claimed observation back to the queue: its assignee, or an admin (override-claim).
  unclaim: {
    from: ["IN_REVIEW"],
    to: "SUBMITTED",
    who: "reviewer",
    permission: "observation:decide",
    claimedOnly: true,
    assigns: "none",
  },
  // Puts an observation in a named reviewer's hands: any reviewer may assign unclaimed work (to themselves or
  // another reviewer) and hand over what they claimed; work claimed by someone else only an admin reassigns.
  // An optional reason stays internal. The new assignee is mailed.
  assign: {
    from: ["SUBMITTED", "IN_REVIEW"],
    to: "IN_REVIEW",
    who: "reviewer",
    permission: "observation:decide",
    claimedOnly: true,
    commentVisibility: "INTERNAL",
    assigns: "chosen",
    mailAssignee: "assigned",
  },
  ask: {
    from: ["IN_REVIEW"],
    to: "NEEDS_INFO",
    who: "reviewer",
    permission: "observation:decide",
    needsComment: true,
    claimedOnly: true,
    mail: "needs-info",
  },
  accept: {
    from: ["IN_REVIEW"],
    to: "ACCEPTED",
    who: "reviewer",
    permission: "observation:decide",
    claimedOnly: true,
    mail: "decision",
  },
  reject: {
    from: ["IN_REVIEW"],
    to: "REJECTED",
    who: "reviewer",
    permission: "observation:decide",
    needsComment: true,
    claimedOnly: true,
    mail: "decision",
  },
  duplicate: {
    from: ["IN_REVIEW"],
    to: "DUPLICATE",
    who: "reviewer",
    permission: "observation:decide",
    claimedOnly: true,
    mail: "decision",
  },
  // Overrides a reviewer's decision: an admin, with a reason that stays internal (and in the history).
  reopen: {
    from: ["REJECTED", "DUPLICATE", "ACCEPTED"],
    to: "IN_REVIEW",
    who: "admin",
    permission: "observation:reopen",
    needsComment: true,
    commentVisibility: "INTERNAL",
    assigns: "actor",
  },
};

/** Whether firing this action requires a comment (the reason). */
export function needsComment(action: TransitionAction): boolean {
  return TRANSITIONS[action].needsComment === true;
}

/**
 * Whether an edit needs a reason (issue 9 §3): a reviewer or admin changing someone else's observation says why,
 * and the reason stays in the history. The contributor's own edits (a draft, an answer to a question) need none.
 */
export function editNeedsReason(actorId: string, contributorId: string): boolean {
  return actorId !== contributorId;
}

/** The refusal's wording, shared by the service (400) and the edit form (its label). */
export const EDIT_REASON_MISSING = "Say why you changed it: a reviewer's edit needs a reason (kept in the history).";
