// The contributor's profile: the display name and organization that "named" and "organization"
// credit export (x_mitre_contributors). They are public credit the user chose to give, so they are
// NOT anonymized — but an e-mail address or URL in them is refused: credit names people, not inboxes.
import { z } from "zod";
import { recordAudit } from "../audit";
import type { Db, Tx } from "../db/client";
import { AppError, validationError } from "../errors";
import { CREDIT_MODES, trimmed } from "../observations/schema";
import { assertCan, type Actor } from "./permissions";

export const CREDIT_NAME_MAX = 100;
export const CREDIT_ORG_MAX = 120;
export const PROFILE_PATH = "/profile";

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const URL_LIKE = /[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:com|org|net|io|de|uk|info|biz|co)\b/i;

// Both patterns backtrack quadratically over a long run of letters (found by lib/http/fuzz.integration.test.ts: a
// 300,000-character name held the server for minutes). zod runs refinements even when `max` failed, so a value
// over the limit is left to that message and never scanned.
const creditText = (max: number, what: string) =>
  trimmed(max)
    .refine(
      (v) => v.length > max || !EMAIL.test(v),
      `Credit shows a ${what}, not an e-mail address: remove the address.`,
    )
    .refine(
      (v) => v.length > max || !URL_LIKE.test(v),
      `Credit shows a ${what}, not a web address: remove the URL or domain.`,
    );

export const ZProfileInput = z
  .object({
    creditName: creditText(CREDIT_NAME_MAX, "name"),
    creditOrg: creditText(CREDIT_ORG_MAX, "organization name"),
  })
  .strict();
export type TProfileInput = z.input<typeof ZProfileInput>;

export interface Profile {
  email: string;
  creditName: string | null;
  creditOrg: string | null;
}

export async function getProfile(actor: Actor, db: Db): Promise<Profile> {
  assertCan(actor, "observation:read-own");
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
  return { email: user.email, creditName: user.creditName, creditOrg: user.creditOrg };
}

/** Sets (or, with an empty value, clears) the display name and organization used for credit. */
export async function updateProfile(actor: Actor, raw: TProfileInput | unknown, db: Db): Promise<Profile> {
  assertCan(actor, "observation:read-own");
  const parsed = ZProfileInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The profile");
  const data = { creditName: parsed.data.creditName || null, creditOrg: parsed.data.creditOrg || null };
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id } });
    const user = await tx.user.update({ where: { id: actor.id }, data });
    // Which fields changed, never their values (the audit log is not where credit is published).
    const fields = (Object.keys(data) as (keyof typeof data)[]).filter((k) => before[k] !== data[k]);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "profile.update",
      subjectType: "User",
      subjectId: actor.id,
      data: { fields },
    });
    return { email: user.email, creditName: user.creditName, creditOrg: user.creditOrg };
  });
}

export type CreditMode = (typeof CREDIT_MODES)[number];

/** What a credit choice exports, as ATT&CK writes it ("Name, Organization"); undefined for none. */
export function creditString(credit: {
  mode: CreditMode;
  name?: string | null;
  org?: string | null;
}): string | undefined {
  const name = credit.name?.trim();
  const org = credit.org?.trim();
  if (credit.mode === "named") return name ? (org ? `${name}, ${org}` : name) : org || undefined;
  if (credit.mode === "organization") return org || undefined;
  return undefined;
}

/** The credit select's option text: what each choice will export for this profile. */
/** Every credit choice with what it would export for this profile (the submit form's select). */
export function creditLabels(profile: Pick<Profile, "creditName" | "creditOrg">): Record<CreditMode, string> {
  return Object.fromEntries(CREDIT_MODES.map((mode) => [mode, creditLabel(mode, profile)])) as Record<
    CreditMode,
    string
  >;
}

export function creditLabel(mode: CreditMode, profile: Pick<Profile, "creditName" | "creditOrg">): string {
  if (mode === "anonymous") return "anonymous";
  const exported = creditString({ mode, name: profile.creditName, org: profile.creditOrg });
  const missing =
    mode === "named" ? "set your display name on your profile first" : "set your organization on your profile first";
  return `${mode === "named" ? "named" : "organization"}: ${exported ?? `(${missing})`}`;
}

/**
 * A named or organization credit needs the profile value it exports: refused on `credit` otherwise,
 * so a contributor never believes they are credited while the export carries nothing.
 */
export async function assertCreditPossible(tx: Tx, actorId: string, mode: CreditMode): Promise<void> {
  if (mode === "anonymous") return;
  const user = await tx.user.findUniqueOrThrow({ where: { id: actorId } });
  if (mode === "named" && !user.creditName?.trim()) {
    throw new AppError(
      "VALIDATION",
      `Set your display name on your profile first (Profile, ${PROFILE_PATH}), or choose another credit.`,
      [{ path: "credit", message: "Set your display name on your profile first" }],
    );
  }
  if (mode === "organization" && !user.creditOrg?.trim()) {
    throw new AppError(
      "VALIDATION",
      `Set your organization on your profile first (Profile, ${PROFILE_PATH}), or choose another credit.`,
      [{ path: "credit", message: "Set your organization on your profile first" }],
    );
  }
}
