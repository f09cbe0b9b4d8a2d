// Where an observation may go, by its TLP level (DESIGN §6). The one home of the rule: the export,
// the /o/ record, the reviewers' queue, the detail pages and the submit form all ask this module.
// Pure (no database, no framework): the submit form imports it too.
import { can, type Actor } from "../auth/permissions";
import { TLP_LEVELS } from "./schema";

export type TlpLevel = (typeof TLP_LEVELS)[number];

/** Who receives content: anyone (a public bundle, `/o/`, TAXII), signed-in members, or reviewers. */
export type TlpAudience = "public" | "member" | "reviewer";

// Each audience also receives everything a less trusted one may.
const AUDIENCE_TRUST: Record<TlpAudience, number> = { public: 0, member: 1, reviewer: 2 };

/** Per level: the least trusted audience it may reach, and what that means, in one line, for the submit form. */
export const TLP_RULES: Record<TlpLevel, { audience: TlpAudience; meaning: string }> = {
  CLEAR: {
    audience: "public",
    meaning: "Public: once accepted it goes into the public release bundle for ATT&CK and on its /o/ page.",
  },
  GREEN: {
    audience: "member",
    meaning: "Members only: signed-in members may read it; it never enters a public bundle or page.",
  },
  AMBER: {
    audience: "reviewer",
    meaning: "Reviewers only (and you): it is never published and never shown to other members.",
  },
};

/** Whether content at this level may reach this audience. Unknown levels fail closed. */
export function tlpAllows(tlp: string, audience: TlpAudience): boolean {
  const rule = TLP_RULES[tlp as TlpLevel];
  return rule !== undefined && AUDIENCE_TRUST[audience] >= AUDIENCE_TRUST[rule.audience];
}

/** The levels an audience may receive: for scoping queries (`where: { tlp: { in: … } }`). */
export function tlpLevelsFor(audience: TlpAudience): TlpLevel[] {
  return TLP_LEVELS.filter((level) => tlpAllows(level, audience));
}

/** The audience an actor belongs to: nobody signed in is the public; reviewers and admins are reviewers. */
export function audienceOf(actor: Actor | null | undefined): TlpAudience {
  if (!actor) return "public";
  return can(actor, "observation:read-any") ? "reviewer" : "member";
}

/** Whether this actor may see this observation's content: always their own, else by its level. */
export function canSeeTlp(actor: Actor | null | undefined, row: { tlp: string; contributorId: string }): boolean {
  if (actor && row.contributorId === actor.id) return true;
  return tlpAllows(row.tlp, audienceOf(actor));
}

/** The one-line meaning of a level for the submit form (empty for an unknown value). */
export function tlpMeaning(tlp: string): string {
  return TLP_RULES[tlp as TlpLevel]?.meaning ?? "";
}
