"use server";

import { actionActor } from "@/app/action-actor";
import { runAction } from "@/app/run-action";
import { updateProfile } from "@/lib/auth/profile";
import { createMyApiToken, revokeMyApiToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db/client";
import { setDigestPreference } from "@/lib/review/digest-preference";

export async function updateProfileAction(input: unknown) {
  return runAction(async () => updateProfile(await actionActor(), input, db()));
}

/** The token's value is returned this once; only its hash is stored. */
export async function createTokenAction(input: unknown) {
  return runAction(async () => createMyApiToken(await actionActor(), input, db()));
}

export async function revokeTokenAction(tokenId: unknown) {
  return runAction(async () => revokeMyApiToken(await actionActor(), tokenId, db()));
}

/** Reviewers and admins only: the service refuses a contributor (403). */
export async function setDigestAction(input: unknown) {
  return runAction(async () => setDigestPreference(await actionActor(), input, db()));
}
