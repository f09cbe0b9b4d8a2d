// A reviewer's choice of e-mail digest (OFF, DAILY, WEEKLY), set on their profile. The digest summarises the review
// queue, so only those who may read the queue choose one: a contributor is refused (403), not silently ignored.
import { z } from "zod";
import { recordAudit } from "../audit";
import { can, assertCan, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { AppError, validationError } from "../errors";
import { DIGEST_FREQUENCIES, type DigestFrequency } from "./digest-rules";

export const ZDigestPreference = z.object({ digest: z.enum(DIGEST_FREQUENCIES) }).strict();
export type TDigestPreference = z.input<typeof ZDigestPreference>;

export interface DigestPreference {
  digest: DigestFrequency;
  /** When the last digest went out (or was skipped as empty), ISO; null before the first. */
  lastSentAt: string | null;
}

/** Who may choose a digest: the one rule the profile page and the service share. */
export function canChooseDigest(actor: Actor | null | undefined): boolean {
  return can(actor, "observation:read-any");
}

function assertCanChoose(actor: Actor | null | undefined): asserts actor is Actor {
  assertCan(actor, "observation:read-own");
  if (!canChooseDigest(actor)) {
    throw new AppError(
      "FORBIDDEN",
      "The e-mail digest summarises the review queue, so only reviewers and admins can choose one.",
    );
  }
}

export async function getDigestPreference(actor: Actor, db: Db): Promise<DigestPreference> {
  assertCanChoose(actor);
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { digest: true, digestSentAt: true },
  });
  return { digest: user.digest, lastSentAt: user.digestSentAt?.toISOString() ?? null };
}

/**
 * Sets the choice. The time of the last digest stays: switching DAILY → WEEKLY does not resend, and a digest turned
 * back on after a pause is due at the next check (reporting on one period: lib/review/digest-rules digestSince).
 */
export async function setDigestPreference(actor: Actor, raw: unknown, db: Db): Promise<DigestPreference> {
  assertCanChoose(actor);
  const parsed = ZDigestPreference.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The digest choice");
  const { digest } = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { digest: true } });
    const user = await tx.user.update({
      where: { id: actor.id },
      data: { digest },
      select: { digest: true, digestSentAt: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "profile.digest",
      subjectType: "User",
      subjectId: actor.id,
      data: { from: before.digest, to: digest },
    });
    return { digest: user.digest, lastSentAt: user.digestSentAt?.toISOString() ?? null };
  });
}
