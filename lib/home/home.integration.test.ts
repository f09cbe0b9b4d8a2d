import { describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { createObservation } from "../observations/service";
import { createRelease } from "../releases/service";
import { transitionObservation } from "../review/workflow";
import { adminHome } from "./admin";
import { contributorHome } from "./contributor";
import { loadHome } from "./load-home";
import { HOME_CLAIMED, reviewerHome } from "./reviewer";

const w = useWorkDb();
const DAY = 24 * 60 * 60 * 1000;

async function submit(overrides = {}, who = w.contributor) {
  return (await createObservation(who, observationInput(overrides), w.db)).observation;
}

/** Moves an observation's submission `days` back from `now`, so waiting times are known. */
async function submittedDaysAgo(publicId: string, days: number, now: Date) {
  await w.db.observation.update({ where: { publicId }, data: { submittedAt: new Date(now.getTime() - days * DAY) } });
}

describe("contributorHome", () => {
  it("puts the questions waiting for the contributor first, then their latest work and counts per status", async () => {
    const a = await submit({ technique: "T1003.001" });
    const b = await submit();
    await submit({ draft: true });
    await submit({}, await makeActor(w.db, "CONTRIBUTOR")); // someone else's: never counted
    await transitionObservation(w.reviewer, b.id, { action: "claim", version: 1 }, w.db);
    await transitionObservation(w.reviewer, b.id, { action: "ask", version: 2, comment: "Which host?" }, w.db);
    const c = await submit();

    const home = await contributorHome(w.contributor, w.db);
    expect(home.waiting.map((o) => [o.id, o.status])).toEqual([[b.id, "NEEDS_INFO"]]);
    expect(home.latest.map((o) => o.id).slice(0, 3)).toEqual([c.id, expect.any(String), b.id]);
    expect(home.latest.map((o) => o.id)).toContain(a.id);
    expect(home.latest.find((o) => o.id === a.id)?.techniqueName).toBe("OS Credential Dumping: LSASS Memory");
    expect(home.counts).toMatchObject({ SUBMITTED: 2, NEEDS_INFO: 1, DRAFT: 1, ACCEPTED: 0 });
    expect(home.total).toBe(4);
  });
});

describe("reviewerHome", () => {
  it("counts the queue, lists what the reviewer claimed and the unclaimed submissions that waited longest", async () => {
    const now = new Date();
    const old = await submit();
    const older = await submit({ technique: "T1003.001" });
    const claimed = await submit();
    await submit({ draft: true }); // drafts never reach the queue
    const otherReviewer = await makeActor(w.db, "REVIEWER");
    const theirs = await submit();
    await transitionObservation(w.reviewer, claimed.id, { action: "claim", version: 1 }, w.db);
    await transitionObservation(otherReviewer, theirs.id, { action: "claim", version: 1 }, w.db);
    await submittedDaysAgo(old.id, 3, now);
    await submittedDaysAgo(older.id, 12, now);
    await submittedDaysAgo(claimed.id, 20, now);

    const home = await reviewerHome(w.reviewer, w.db, now);
    expect(home.counts).toEqual({ SUBMITTED: 2, IN_REVIEW: 2, NEEDS_INFO: 0 });
    expect(home.claimed.map((o) => [o.id, o.status, o.ageDays])).toEqual([[claimed.id, "IN_REVIEW", 20]]);
    expect(home.oldest.map((o) => [o.id, o.ageDays])).toEqual([
      [older.id, 12],
      [old.id, 3],
    ]);
    expect(home.oldest[0]).toMatchObject({
      techniqueId: "T1003.001",
      techniqueName: "OS Credential Dumping: LSASS Memory",
    });

    expect(home.claimedTotal).toBe(1);
    expect((await appErrorOf(reviewerHome(w.contributor, w.db))).code).toBe("FORBIDDEN");
  });

  it("lists the HOME_CLAIMED claims that waited longest and counts them all", async () => {
    const now = new Date();
    const ids: string[] = [];
    for (let i = 0; i < HOME_CLAIMED + 2; i++) {
      const o = await submit();
      await transitionObservation(w.reviewer, o.id, { action: "claim", version: 1 }, w.db);
      await submittedDaysAgo(o.id, i, now); // the last one submitted has waited longest
      ids.push(o.id);
    }
    const home = await reviewerHome(w.reviewer, w.db, now);
    expect(home.claimedTotal).toBe(HOME_CLAIMED + 2);
    expect(home.claimed.map((o) => o.id)).toEqual(ids.slice(2).reverse());
  });
});

describe("adminHome", () => {
  it("shows the open release with its count, users per role and the imported catalog versions", async () => {
    const o = await submit();
    await transitionObservation(w.reviewer, o.id, { action: "claim", version: 1 }, w.db);
    await transitionObservation(w.reviewer, o.id, { action: "accept", version: 2 }, w.db);
    const release = { name: "Community additions 2026-12", domain: "enterprise-attack", attackVersion: "18.1" };
    await createRelease(w.admin, release, w.db);

    const before = await adminHome(w.admin, w.db);
    expect(before.open).toEqual([expect.objectContaining({ name: release.name, observations: 1 })]);
    expect(before.lastExported).toBeNull();
    expect(before.catalogs).toEqual([
      expect.objectContaining({ domain: "enterprise-attack", version: "18.1", current: true }),
    ]);
    expect(before.catalogs[0].objectCount).toBeGreaterThan(1000);
    await makeActor(w.db, "REVIEWER");
    const after = await adminHome(w.admin, w.db);
    expect(after.users.REVIEWER).toBe(before.users.REVIEWER + 1);
    expect(after.users.CONTRIBUTOR).toBe(before.users.CONTRIBUTOR);
    expect(Object.values(after.users).reduce((a, b) => a + b, 0)).toBe(await w.db.user.count());

    expect((await appErrorOf(adminHome(w.reviewer, w.db))).code).toBe("FORBIDDEN");
  });
});

describe("loadHome", () => {
  it("gives each role its own sections", async () => {
    expect(await loadHome(w.contributor, w.db)).toMatchObject({ reviewer: null, admin: null });
    const reviewer = await loadHome(w.reviewer, w.db);
    expect(reviewer.reviewer).not.toBeNull();
    expect(reviewer.admin).toBeNull();
    const admin = await loadHome(w.admin, w.db);
    expect(admin.reviewer).not.toBeNull();
    expect(admin.admin).not.toBeNull();
  });
});
