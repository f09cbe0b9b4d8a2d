// The queue's filters, keyset pages and counts against a real database (SQLite, or TEST_DB=postgres), over
// seeded observations: every filter's pages, followed to the end, must give exactly the rows a plain
// in-memory filter of the whole table gives, in order, each once.
import { describe, expect, it } from "vitest";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { makeActor, observationInput } from "../../prisma/factories";
import type { Actor } from "../auth/permissions";
import { createTestDb } from "../db/testing";
import { assertSeedable, seedObservations } from "../cli/seed";
import { createObservation } from "../observations/service";
import { DECIDED_STATUSES, QUEUE_STATUSES, parseQueueParams } from "./queue-params";
import { CANDIDATE_STATUSES, DUPLICATE_COUNT_CAP } from "./duplicates-count";
import { queryQueue, queueTotals } from "./queue-query";
import { refreshRemapFlags } from "./remap-flag";
import { addComment } from "./comments";
import { listQueue } from "./queue";
import { transitionObservation } from "./workflow";

const w = useWorkDb();
const DAY_MS = 24 * 60 * 60 * 1000;

type Row = Awaited<ReturnType<typeof allRows>>[number];
const allRows = () =>
  w.db.observation.findMany({
    select: {
      id: true,
      publicId: true,
      status: true,
      tlp: true,
      domain: true,
      createdAt: true,
      submittedAt: true,
      techniqueStixId: true,
      techniqueAttackId: true,
      actorStixId: true,
      assigneeId: true,
      duplicateCandidates: true,
    },
  });

/** Every page of a query, following nextCursor; `between` runs after each page (to insert rows meanwhile). */
async function follow(actor: Actor, query: string, between?: () => Promise<void>) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let first: Awaited<ReturnType<typeof queryQueue>> | null = null;
  for (let pages = 0; pages < 200; pages++) {
    const page = await queryQueue(
      actor,
      parseQueueParams(new URLSearchParams(`${query}${cursor ? `&cursor=${cursor}` : ""}`)),
      w.db,
    );
    first ??= page;
    ids.push(...page.items.map((i) => i.id));
    if (!page.nextCursor) return { ids, first: first! };
    cursor = page.nextCursor;
    await between?.();
  }
  throw new Error("more than 200 pages");
}

const byOldest = (a: Row, b: Row) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
const OPEN = new Set<string>(QUEUE_STATUSES);
const DECIDED = new Set<string>(DECIDED_STATUSES);

async function seed(n: number) {
  await seedObservations(w.db, { observations: n, force: true });
  const reviewers = await w.db.user.findMany({ where: { email: { endsWith: "@seed.invalid" }, role: "REVIEWER" } });
  const reviewer = { id: reviewers[0].id, email: reviewers[0].email, role: reviewers[0].role };
  return { reviewer, rows: await allRows() };
}

describe("queryQueue filters", () => {
  // Sixteen filters followed page by page both ways, each page with its per-status counts: over a minute on a
  // busy machine's PostgreSQL.
  it("gives exactly the matching rows for each filter, oldest or newest first, with counts per status", async () => {
    // A seed repeats its techniques and actors row for row: these 40 and the first 40 of the 400 share pairs.
    await seedObservations(w.db, { observations: 40, force: true });
    const { reviewer, rows } = await seed(400);
    const g0007 = await w.db.attackObject.findMany({ where: { attackId: "G0007" }, select: { stixId: true } });
    const tactic = await w.db.attackObject.findMany({
      where: { kind: "technique" },
      select: { stixId: true, tactics: true },
    });
    const defenseEvasion = new Set(
      tactic.filter((t) => (t.tactics as string[]).includes("defense-evasion")).map((t) => t.stixId),
    );
    const now = Date.now();
    const waiting = (r: Row) => (r.submittedAt ?? r.createdAt).getTime();
    const cases: [string, (r: Row) => boolean][] = [
      ["", (r) => OPEN.has(r.status)],
      ["status=NEEDS_INFO", (r) => r.status === "NEEDS_INFO"],
      ["status=SUBMITTED,IN_REVIEW", (r) => r.status === "SUBMITTED" || r.status === "IN_REVIEW"],
      ["view=decided&sort=oldest", (r) => DECIDED.has(r.status)],
      ["view=decided&status=DUPLICATE&sort=oldest", (r) => r.status === "DUPLICATE"],
      ["domain=enterprise-attack", (r) => OPEN.has(r.status) && r.domain === "enterprise-attack"],
      ["technique=T1059", (r) => OPEN.has(r.status) && /^T1059(\.|$)/.test(r.techniqueAttackId)],
      ["actor=G0007", (r) => OPEN.has(r.status) && g0007.some((g) => g.stixId === r.actorStixId)],
      ["tactic=TA0005", (r) => OPEN.has(r.status) && defenseEvasion.has(r.techniqueStixId)],
      ["tactic=defense-evasion", (r) => OPEN.has(r.status) && defenseEvasion.has(r.techniqueStixId)],
      ["assignee=me", (r) => OPEN.has(r.status) && r.assigneeId === reviewer.id],
      [`assignee=${reviewer.email}`, (r) => OPEN.has(r.status) && r.assigneeId === reviewer.id],
      ["unassigned=1", (r) => OPEN.has(r.status) && r.assigneeId === null],
      ["olderThan=30", (r) => OPEN.has(r.status) && waiting(r) <= now - 30 * DAY_MS],
      ["duplicates=1", (r) => OPEN.has(r.status) && r.duplicateCandidates > 0],
      [
        "duplicates=1&tactic=TA0005",
        (r) => OPEN.has(r.status) && r.duplicateCandidates > 0 && defenseEvasion.has(r.techniqueStixId),
      ],
    ];
    for (const [query, match] of cases) {
      const expected = rows.filter(match).sort(byOldest);
      const { ids, first } = await follow(reviewer, `limit=17&${query}`);
      expect(ids, query).toEqual(expected.map((r) => r.publicId));
      expect(first.total, query).toBe(expected.length);
      // Newest first: the same rows, reversed.
      if (!query.includes("sort=")) {
        const newest = await follow(reviewer, `limit=23&sort=newest&${query}`);
        expect(newest.ids, `${query} newest`).toEqual(expected.map((r) => r.publicId).reverse());
      }
    }
    // Sanity: the seed spreads rows over every filter above.
    expect(rows.filter((r) => OPEN.has(r.status)).length).toBeGreaterThan(50);
    expect(rows.filter((r) => r.status === "DUPLICATE").length).toBeGreaterThan(0);
    // The seed counts each row's duplicate candidates: the other rows under review or accepted of its pair (up to the
    // cap).
    const candidate = (r: Row) => (CANDIDATE_STATUSES as readonly string[]).includes(r.status);
    for (const r of rows) {
      const others = rows.filter(
        (o) =>
          o.id !== r.id &&
          candidate(o) &&
          r.actorStixId !== null &&
          o.actorStixId === r.actorStixId &&
          o.techniqueStixId === r.techniqueStixId,
      );
      expect(r.duplicateCandidates, r.publicId).toBe(Math.min(others.length, DUPLICATE_COUNT_CAP));
    }
    expect(rows.filter((r) => OPEN.has(r.status) && r.duplicateCandidates > 0).length).toBeGreaterThan(0);

    // Counts per status (without the status filter) for both views, in one answer.
    const { counts, total } = await queryQueue(
      reviewer,
      parseQueueParams(new URLSearchParams("status=NEEDS_INFO")),
      w.db,
    );
    for (const status of [...OPEN, ...DECIDED]) {
      expect(counts[status as keyof typeof counts], status).toBe(rows.filter((r) => r.status === status).length);
    }
    expect(total).toBe(counts.NEEDS_INFO);

    // Capped counts: a status with more rows than the cap reports the cap and is named in `capped`.
    const capped = await queueTotals(reviewer, parseQueueParams(new URLSearchParams()), w.db, undefined, 5);
    for (const status of [...OPEN, ...DECIDED]) {
      const n = rows.filter((r) => r.status === status).length;
      expect(capped.counts[status as keyof typeof counts], status).toBe(Math.min(n, 5));
      expect(capped.capped.includes(status as (typeof capped.capped)[number]), status).toBe(n > 5);
    }
    expect(capped.total).toBe(capped.counts.SUBMITTED + capped.counts.IN_REVIEW + capped.counts.NEEDS_INFO);
  }, 180_000);

  it("needsRemapping finds the rows whose technique the catalog revoked", async () => {
    const { reviewer, rows } = await seed(150);
    const open = rows.filter((r) => OPEN.has(r.status));
    const target = open[0].techniqueStixId;
    // Seeded rows name live techniques and actors only: nothing to remap yet.
    const none = await follow(reviewer, "needsRemapping=1");
    expect(none.ids).toEqual([]);
    expect(none.first.total).toBe(0);
    // A newer release that revokes it, simulated on the rows; the flag follows as an import makes it.
    await w.db.attackObject.updateMany({ where: { stixId: target }, data: { revoked: true } });
    await refreshRemapFlags(w.db);
    try {
      const { ids } = await follow(reviewer, "limit=50&needsRemapping=1");
      expect(ids).toEqual(
        open
          .filter((r) => r.techniqueStixId === target)
          .sort(byOldest)
          .map((r) => r.publicId),
      );
    } finally {
      await w.db.attackObject.updateMany({ where: { stixId: target }, data: { revoked: false } });
      await refreshRemapFlags(w.db);
    }
  });

  it("names the parameter it cannot resolve", async () => {
    for (const [query, path] of [
      ["actor=G9999", "actor"],
      ["tactic=TA9999", "tactic"],
      ["tactic=no-such-tactic", "tactic"],
      ["assignee=nobody@example.test", "assignee"],
    ]) {
      const error = await appErrorOf(queryQueue(w.reviewer, parseQueueParams(new URLSearchParams(query)), w.db));
      expect(error.code, query).toBe("VALIDATION");
      expect(error.issues?.[0].path, query).toBe(path);
    }
  });
});

describe("keyset pages", () => {
  it("never repeat or skip a row while observations are added between pages", async () => {
    const { reviewer, rows } = await seed(120);
    const before = rows.filter((r) => OPEN.has(r.status)).sort(byOldest);
    const added: string[] = [];
    const addOne = async () => {
      added.push((await createObservation(w.contributor, observationInput(), w.db)).observation.id);
    };
    const oldest = await follow(reviewer, "limit=9", addOne);
    // Oldest first: the rows added meanwhile are newer than every cursor, so they come last, each once.
    expect(oldest.ids).toEqual([...before.map((r) => r.publicId), ...added]);
    expect(new Set(oldest.ids).size).toBe(oldest.ids.length);

    const now = (await allRows()).filter((r) => OPEN.has(r.status)).sort(byOldest);
    const newest = await follow(reviewer, "limit=9&sort=newest", addOne);
    // Newest first: rows added after the first page are newer than it: not shown, and nothing repeats.
    expect(newest.ids).toEqual(now.map((r) => r.publicId).reverse());
  });
});

describe("the page's own statement", () => {
  // The page is SQL (lib/review/queue-sql pageRows); listQueue reads the same scope through Prisma's findMany.
  it("gives every row as findMany does: each field decoded, the assignee's e-mail and answered", async () => {
    await seedObservations(w.db, { observations: 60, force: true });
    const { observation } = await createObservation(
      w.contributor,
      observationInput({ tlp: "GREEN", observedFrom: "2024-03-01", platforms: ["Windows", "Linux"] }),
      w.db,
    );
    await transitionObservation(w.reviewer, observation.id, { action: "claim", version: 1 }, w.db);
    await transitionObservation(
      w.reviewer,
      observation.id,
      { action: "ask", version: 2, comment: "Which host?" },
      w.db,
    );
    await addComment(w.contributor, observation.id, { body: "A workstation." }, w.db);
    const viaSql = await queryQueue(w.reviewer, parseQueueParams(new URLSearchParams("limit=500")), w.db);
    const viaPrisma = await listQueue(w.reviewer, w.db, { limit: 500 });
    expect(viaSql.items.length).toBeGreaterThan(20);
    expect(viaSql.items).toEqual(viaPrisma);
    expect(viaSql.items.find((i) => i.id === observation.id)).toMatchObject({
      status: "SUBMITTED",
      answered: true,
      assignee: w.reviewer.email,
      observedFrom: "2024-03-01",
      platforms: ["Windows", "Linux"],
    });
    expect(viaSql.items.filter((i) => i.assignee !== null && i.id !== observation.id).length).toBeGreaterThan(0);
    expect(viaSql.items.filter((i) => i.answered).map((i) => i.id)).toEqual([observation.id]);
  });
});

describe("TLP and roles", () => {
  it("refuses contributors and never lists or counts a level the reviewer's audience may not receive", async () => {
    expect((await appErrorOf(queryQueue(w.contributor, parseQueueParams(new URLSearchParams()), w.db))).code).toBe(
      "FORBIDDEN",
    );
    const { observation } = await createObservation(w.contributor, observationInput({ tlp: "AMBER" }), w.db);
    const { observation: other } = await createObservation(w.contributor, observationInput(), w.db);
    // A level no rule knows (written behind the service's back): unknown levels fail closed.
    await w.db.observation.update({ where: { publicId: other.id }, data: { tlp: "RED" } });
    const result = await queryQueue(w.reviewer, parseQueueParams(new URLSearchParams()), w.db);
    expect(result.items.map((i) => i.id)).toEqual([observation.id]);
    expect(result.total).toBe(1);
    expect(result.counts.SUBMITTED).toBe(1);
  });
});

describe("seed", () => {
  it("refuses a database with real users unless forced, and one without a catalog", async () => {
    await makeActor(w.db, "CONTRIBUTOR", "someone@example.org");
    const refusal = await appErrorOf(seedObservations(w.db, { observations: 5 }));
    expect(refusal.code).toBe("INVALID_STATE");
    expect(refusal.message).toContain("--force");
    expect(await w.db.observation.count()).toBe(0);
    await expect(assertSeedable(w.db, true)).resolves.toBeUndefined();

    const empty = await createTestDb();
    try {
      const noCatalog = await appErrorOf(seedObservations(empty.db, { observations: 5 }));
      expect(noCatalog.message).toContain("attack:import");
    } finally {
      await empty.drop();
    }
  });

  it("writes rows the app reads: revision 1 each, ids that continue after the seed", async () => {
    // Rows made and deleted before (ids are never reused: a deleted observation's id stays retired).
    await createObservation(w.contributor, observationInput(), w.db);
    await w.db.revision.deleteMany();
    await w.db.auditEvent.deleteMany();
    const gone = (await w.db.observation.findFirstOrThrow()).id;
    await w.db.observation.deleteMany();
    const result = await seedObservations(w.db, { observations: 30, force: true });
    expect(result.observations).toBe(30);
    expect(result.firstId).toBeGreaterThan(gone);
    expect(await w.db.observation.count()).toBe(30);
    expect(await w.db.revision.count({ where: { version: 1 } })).toBe(30);
    const { observation } = await createObservation(w.contributor, observationInput(), w.db);
    expect(observation.id).toBe(`OBS-${String(result.firstId + 30).padStart(6, "0")}`);
  });
});
