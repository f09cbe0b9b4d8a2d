// A contributor's home: what waits for their answer first, then their latest work and how much of it
// is in each status. The same query as "My observations" (lib/observations/my-list), smaller pages.
import type { Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { listMyObservations, type MyListItem, type MyStatus } from "../observations/my-list";

export const HOME_LATEST = 5;

export interface ContributorHome {
  /** NEEDS_INFO: a reviewer asked a question only this contributor can answer. Oldest question first. */
  waiting: MyListItem[];
  latest: MyListItem[];
  counts: Record<MyStatus, number>;
  total: number;
}

export async function contributorHome(actor: Actor, db: Db): Promise<ContributorHome> {
  const [latest, waiting] = await Promise.all([
    listMyObservations(actor, { limit: HOME_LATEST }, db),
    listMyObservations(actor, { status: "NEEDS_INFO", limit: HOME_LATEST }, db),
  ]);
  return { waiting: waiting.items.reverse(), latest: latest.items, counts: latest.counts, total: latest.total };
}
