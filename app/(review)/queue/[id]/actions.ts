"use server";

import { revalidatePath } from "next/cache";
import { actionActor, observationIdArg } from "@/app/action-actor";
import { runAction } from "@/app/run-action";
import { db } from "@/lib/db/client";
import { purgeValue } from "@/lib/observations/purge";
import { editObservation } from "@/lib/observations/service";
import { replyToQuestion } from "@/lib/review/reply";
import { transitionObservation } from "@/lib/review/workflow";

export async function transitionAction(rawId: unknown, input: unknown) {
  return runAction(async () => {
    const actor = await actionActor();
    const publicId = observationIdArg(rawId);
    const result = await transitionObservation(actor, publicId, input, db());
    revalidatePath(`/queue/${result.id}`);
    revalidatePath(`/my/${result.id}`);
    return result;
  });
}

export async function editAction(rawId: unknown, input: unknown) {
  return runAction(async () => {
    const actor = await actionActor();
    const publicId = observationIdArg(rawId);
    const result = await editObservation(actor, publicId, input, db());
    revalidatePath(`/queue/${result.id}`);
    revalidatePath(`/my/${result.id}`);
    return { version: result.version };
  });
}

/** Purge a leaked value (the contributor's page uses it too); the value is never logged or returned. */
export async function purgeAction(rawId: unknown, input: unknown) {
  return runAction(async () => {
    const actor = await actionActor();
    const publicId = observationIdArg(rawId);
    const result = await purgeValue(actor, publicId, input, db());
    revalidatePath(`/queue/${result.id}`);
    revalidatePath(`/my/${result.id}`);
    return result;
  });
}

export async function replyAction(rawId: unknown, input: unknown) {
  return runAction(async () => {
    const actor = await actionActor();
    const publicId = observationIdArg(rawId);
    const result = await replyToQuestion(actor, publicId, input, db());
    revalidatePath(`/queue/${result.id}`);
    revalidatePath(`/my/${result.id}`);
    return result;
  });
}
