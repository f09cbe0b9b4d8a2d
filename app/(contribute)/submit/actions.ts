"use server";

import { requireActor } from "@/app/require-actor";
import { db } from "@/lib/db/client";
import { runAction } from "@/lib/http/action";
import { createObservation } from "@/lib/observations/service";

export async function submitObservationAction(input: unknown) {
  return runAction(async () => {
    const actor = await requireActor();
    const { observation, findings } = await createObservation(actor, input, db());
    return { id: observation.id, status: observation.status, findings: findings.length };
  });
}
