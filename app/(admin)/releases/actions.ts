"use server";

import { revalidatePath } from "next/cache";
import { actionActor, releaseIdArg } from "@/app/action-actor";
import { runAction } from "@/app/run-action";
import { db } from "@/lib/db/client";
import { createRelease, exportRelease, freezeRelease } from "@/lib/releases/service";

export async function createReleaseAction(input: unknown) {
  return runAction(async () => {
    const actor = await actionActor("release:manage");
    const release = await createRelease(actor, input, db());
    revalidatePath("/releases");
    return release;
  });
}

export async function exportReleaseAction(rawId: unknown) {
  return runAction(async () => {
    const actor = await actionActor("release:manage");
    const result = await exportRelease(actor, releaseIdArg(rawId), db());
    revalidatePath("/releases");
    return result;
  });
}

export async function freezeReleaseAction(rawId: unknown) {
  return runAction(async () => {
    const actor = await actionActor("release:manage");
    const result = await freezeRelease(actor, releaseIdArg(rawId), db());
    revalidatePath("/releases");
    return result;
  });
}
