"use server";

import { actionActor } from "@/app/action-actor";
import { runAction } from "@/app/run-action";
import { db } from "@/lib/db/client";
import { createObservation } from "@/lib/observations/service";

export async function submitObservationAction(input: unknown) {
  return runAction(async () => {
    const actor = await actionActor();
    const { observation, findings } = await createObservation(actor, input, db());
    return { id: observation.id, status: observation.status, findings: findings.length };
  });
}
