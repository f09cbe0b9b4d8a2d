// The home page's data for whoever is signed in: every role contributes; reviewers and admins also
// get their work (lib/home/reviewer, lib/home/admin). The page only renders what it is given.
import { can, type Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import { adminHome, type AdminHome } from "./admin";
import { contributorHome, type ContributorHome } from "./contributor";
import { reviewerHome, type ReviewerHome } from "./reviewer";

export interface Home {
  contributor: ContributorHome;
  reviewer: ReviewerHome | null;
  admin: AdminHome | null;
}

export async function loadHome(actor: Actor, db: Db, now = new Date()): Promise<Home> {
  const [contributor, reviewer, admin] = await Promise.all([
    contributorHome(actor, db),
    can(actor, "observation:read-any") ? reviewerHome(actor, db, now) : null,
    can(actor, "release:manage") ? adminHome(actor, db) : null,
  ]);
  return { contributor, reviewer, admin };
}
