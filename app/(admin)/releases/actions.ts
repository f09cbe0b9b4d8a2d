"use server";

import { revalidatePath } from "next/cache";
import { actionActor, releaseIdArg } from "@/app/action-actor";
import { runAction } from "@/app/run-action";
import { db } from "@/lib/db/client";
import { requestExport } from "@/lib/releases/export-job";
import { createRelease, freezeRelease } from "@/lib/releases/service";

export async function createReleaseAction(input: unknown) {
  return runAction(async () => {
    const actor = await actionActor("release:manage");
    const release = await createRelease(actor, input, db());
    revalidatePath("/releases");
    return release;
  });
}

// Queues the export (a job: lib/releases/export-job); the page follows its progress at GET /api/v1/jobs/:id.
export async function exportReleaseAction(rawId: unknown) {
  return runAction(async () => {
    const actor = await actionActor("release:manage");
    return (await requestExport(actor, releaseIdArg(rawId), db())).job;
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
