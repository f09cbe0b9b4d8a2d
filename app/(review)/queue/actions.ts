"use server";

import { revalidatePath } from "next/cache";
import { actionActor } from "@/app/action-actor";
import { runAction } from "@/app/run-action";
import { db } from "@/lib/db/client";
import { bulkAction } from "@/lib/review/bulk";

/** The queue's bulk bar: the same service as POST /api/v1/queue/bulk (all or nothing). */
export async function bulkQueueAction(input: unknown) {
  return runAction(async () => {
    const result = await bulkAction(await actionActor(), input, db());
    revalidatePath("/queue");
    return result;
  });
}
