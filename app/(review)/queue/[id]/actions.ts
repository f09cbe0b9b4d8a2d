"use server";

import { revalidatePath } from "next/cache";
import { actionActor, observationIdArg } from "@/app/action-actor";
import { runAction } from "@/app/run-action";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Db } from "@/lib/db/client";
import { purgeValue } from "@/lib/observations/purge";
import { remapObservation } from "@/lib/observations/remap";
import { revertObservation } from "@/lib/observations/revisions";
import { editObservation } from "@/lib/observations/service";
import { addComment } from "@/lib/review/comments";
import { replyToQuestion } from "@/lib/review/reply";
import { transitionObservation } from "@/lib/review/workflow";

type Service<T> = (actor: Actor, publicId: string, input: unknown, db: Db) => Promise<T>;

/** One observation service behind an action: actor, checked id, call, then both pages that show it refresh. */
function onObservation<T extends { id: string }>(service: Service<T>, rawId: unknown, input: unknown) {
  return runAction(async () => {
    const result = await service(await actionActor(), observationIdArg(rawId), input, db());
    revalidatePath(`/queue/${result.id}`);
    revalidatePath(`/my/${result.id}`);
    return result;
  });
}

export async function transitionAction(rawId: unknown, input: unknown) {
  return onObservation(transitionObservation, rawId, input);
}

export async function editAction(rawId: unknown, input: unknown) {
  const result = await onObservation(editObservation, rawId, input);
  return result.ok ? { ok: true as const, value: { version: result.value.version } } : result;
}

/** Purge a leaked value (the contributor's page uses it too); the value is never logged or returned. */
export async function purgeAction(rawId: unknown, input: unknown) {
  return onObservation(purgeValue, rawId, input);
}

export async function replyAction(rawId: unknown, input: unknown) {
  return onObservation(replyToQuestion, rawId, input);
}

/** A comment in the conversation (SHARED or INTERNAL; the contributor's page uses it too). */
export async function commentAction(rawId: unknown, input: unknown) {
  return onObservation(addComment, rawId, input);
}

/** Point the observation at the technique that replaced its revoked one (or another live one). */
export async function remapAction(rawId: unknown, input: unknown) {
  const result = await onObservation(remapObservation, rawId, input);
  if (result.ok) revalidatePath("/queue/remap");
  return result.ok ? { ok: true as const, value: { version: result.value.version } } : result;
}

/** Put back what revision `toVersion` held (itself a new revision). */
export async function revertAction(rawId: unknown, input: unknown) {
  const result = await onObservation(revertObservation, rawId, input);
  return result.ok ? { ok: true as const, value: { version: result.value.version } } : result;
}
