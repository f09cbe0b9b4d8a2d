"use server";

import { revalidatePath } from "next/cache";
import { actionActor } from "@/app/action-actor";
import { runAction } from "@/app/run-action";
import { db } from "@/lib/db/client";
import { kickJobs, retryJob } from "@/lib/jobs";

export async function retryJobAction(rawId: unknown) {
  return runAction(async () => {
    const job = await retryJob(await actionActor("job:manage"), rawId, db());
    kickJobs(db());
    revalidatePath("/jobs");
    return job;
  });
}
