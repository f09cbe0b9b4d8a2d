"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/app/require-actor";
import { db } from "@/lib/db/client";
import { runAction } from "@/lib/http/action";
import { editObservation } from "@/lib/observations/service";
import { transitionObservation } from "@/lib/review/workflow";

export async function transitionAction(publicId: string, input: unknown) {
  return runAction(async () => {
    const actor = await requireActor();
    const result = await transitionObservation(actor, publicId, input, db());
    revalidatePath(`/queue/${publicId}`);
    revalidatePath(`/my/${publicId}`);
    return result;
  });
}

export async function editAction(publicId: string, input: unknown) {
  return runAction(async () => {
    const actor = await requireActor();
    const result = await editObservation(actor, publicId, input, db());
    revalidatePath(`/queue/${publicId}`);
    revalidatePath(`/my/${publicId}`);
    return { version: result.version };
  });
}
