"use server";

import { actionActor } from "@/app/action-actor";
import { runAction } from "@/app/run-action";
import { db } from "@/lib/db/client";
import { discardDraft, saveDraft } from "@/lib/observations/drafts";
import { createObservation } from "@/lib/observations/service";

export async function submitObservationAction(input: unknown) {
  return runAction(async () => {
    const actor = await actionActor();
    // The form's own submission: its autosaved draft goes in the same transaction (kept if this fails).
    const { observation, findings } = await createObservation(actor, input, db(), { discardDraft: true });
    return { id: observation.id, status: observation.status, findings: findings.length };
  });
}

/** Autosave: the server keeps an anonymized copy; the form keeps what was typed. */
export async function saveDraftAction(input: unknown) {
  return runAction(async () => {
    const actor = await actionActor();
    const draft = await saveDraft(actor, input, db());
    return { savedAt: draft.updatedAt.toISOString(), replaced: draft.replaced, skipped: draft.skipped };
  });
}

export async function discardDraftAction() {
  return runAction(async () => {
    const actor = await actionActor();
    return { discarded: await discardDraft(actor, db()) };
  });
}
