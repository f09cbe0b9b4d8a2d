// What the submit page needs to restore the actor's autosaved draft: its (anonymized) fields, when it was saved, and
// the catalog entries its technique and actor name, so the pickers show them as chosen.
import { resolveActor, resolveTechnique } from "../attack/catalog";
import type { Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import type { TDraftData } from "./draft-schema";
import { getDraft } from "./drafts";

/** The catalog pickers' item (app/components/catalog-picker CatalogItem). */
export interface PickedItem {
  stixId: string;
  attackId: string | null;
  name: string;
  kind: string;
  parentName?: string | null;
}

export interface RestoredDraft {
  data: TDraftData;
  savedAt: string;
  technique: PickedItem | null;
  actor: PickedItem | null;
  /** A technique or actor the draft named that the catalog no longer has (revoked since): pick it again. */
  lost: string[];
}

export async function loadDraftForForm(actor: Actor, db: Db): Promise<RestoredDraft | null> {
  const draft = await getDraft(actor, db);
  if (!draft) return null;
  const data = { ...draft.data };
  const domain = data.domain ?? "enterprise-attack";
  const lost: string[] = [];
  let technique: PickedItem | null = null;
  if (data.technique) {
    const row = await resolveTechnique(db, domain, data.technique);
    if (row) {
      const parent = row.parentAttackId ? await resolveTechnique(db, domain, row.parentAttackId) : null;
      technique = { ...pick(row), parentName: parent?.name ?? null };
    } else {
      lost.push(`technique ${data.technique}`);
      data.technique = "";
    }
  }
  let picked: PickedItem | null = null;
  if (data.actor && "id" in data.actor && data.actor.id) {
    const row = await resolveActor(db, domain, data.actor.id);
    if (row) picked = pick(row);
    else {
      lost.push(`actor ${data.actor.id}`);
      data.actor = { id: "" };
    }
  }
  return { data, savedAt: draft.updatedAt.toISOString(), technique, actor: picked, lost };
}

function pick(row: { stixId: string; attackId: string | null; name: string; kind: string }): PickedItem {
  return { stixId: row.stixId, attackId: row.attackId, name: row.name, kind: row.kind };
}
