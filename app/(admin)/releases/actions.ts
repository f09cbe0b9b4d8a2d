"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/app/require-actor";
import { db } from "@/lib/db/client";
import { runAction } from "@/lib/http/action";
import { createRelease, exportRelease } from "@/lib/releases/service";

export async function createReleaseAction(input: unknown) {
  return runAction(async () => {
    const actor = await requireActor("release:manage");
    const release = await createRelease(actor, input, db());
    revalidatePath("/releases");
    return release;
  });
}

export async function exportReleaseAction(releaseId: string) {
  return runAction(async () => {
    const actor = await requireActor("release:manage");
    const result = await exportRelease(actor, releaseId, db());
    revalidatePath("/releases");
    return result;
  });
}
