// The rows `seed --observations N` writes (issue 9 item 9): plausible observations for demos and benchmarks.
// Pure and deterministic (a seeded PRNG): the same catalog, users and N give the same rows. Texts are assembled
// from templates with placeholder identifiers ([HOST-1], [USER-2] …, as the anonymizer writes them): no
// customer data, nothing that looks like a real victim.
import type { ObservationStatus } from "../../prisma/sqlite/client";
import { publicIdOf, snapshotOf, type ObservationRow } from "../observations/view";

export const SEED_DOMAIN = "seed.invalid";
export const SEED_CONTRIBUTORS = 24;
export const SEED_REVIEWERS = 6;

export interface SeedTechnique {
  domain: string;
  stixId: string;
  attackId: string;
  name: string;
  platforms: string[];
}
export interface SeedActor {
  domain: string;
  stixId: string;
  name: string;
}
export interface SeedContext {
  techniques: SeedTechnique[];
  actors: SeedActor[];
  contributorIds: string[];
  reviewerIds: string[];
  /** The first Observation id to use (the table's max + 1). */
  firstId: number;
  now: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** mulberry32: small, fast, good enough to spread demo data; seeded so runs repeat. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T extends string>(random: () => number, table: [T, number][]): T {
  let roll = random() * table.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return table[table.length - 1][0];
}

const VERBS = ["used", "relied on", "abused", "leveraged", "was seen using"];
const PLACES = ["[HOST-1]", "a domain controller ([HOST-2])", "[HOST-3], a file server", "a jump host ([HOST-1])"];
const WHYS = [
  "to stage a second-stage loader fetched from [IP-1]",
  "after signing in as [USER-1] with stolen credentials",
  "to collect documents from [PATH-1] before exfiltration",
  "to keep access across reboots",
  "while moving laterally to [HOST-4]",
  "to disable logging before running [FILE-1]",
];
const DETAILS = [
  "The command line was launched from a scheduled task created minutes earlier.",
  "The activity repeated every night for two weeks.",
  "EDR telemetry showed the parent process was a signed binary.",
  "The operator cleaned up the artefacts within an hour.",
  "",
];

function procedureText(random: () => number, actor: string, technique: SeedTechnique, n: number): string {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const detail = pick(DETAILS);
  return `${actor} ${pick(VERBS)} ${technique.name} on ${pick(PLACES)} ${pick(WHYS)} (seed case ${n}).${detail ? ` ${detail}` : ""}`;
}

/**
 * Ages spread like a real queue: most work arrived in the last weeks, a long tail reaches back a year;
 * the older an observation, the likelier it is decided. Drafts are few (they never reach the queue).
 */
function statusFor(random: () => number, ageDays: number): ObservationStatus {
  if (random() < 0.02) return "DRAFT";
  const decided = Math.min(0.92, ageDays / 45);
  if (random() < decided) {
    return weighted(random, [
      ["ACCEPTED", 55],
      ["REJECTED", 22],
      ["DUPLICATE", 10],
      ["WITHDRAWN", 8],
    ]);
  }
  return weighted(random, [
    ["SUBMITTED", 60],
    ["IN_REVIEW", 25],
    ["NEEDS_INFO", 15],
  ]);
}

export interface SeedRows {
  observations: (ObservationRow & { updatedAt: Date })[];
  revisions: {
    id: string;
    observationId: number;
    version: number;
    editorId: string;
    snapshot: Record<string, unknown>;
    reason: string;
    createdAt: Date;
  }[];
}

/** Rows `from` to `to` (exclusive) of a seed run: generated in chunks so 100,000 never sit in memory at once. */
export function seedRows(context: SeedContext, from: number, to: number, runSeed = 9): SeedRows {
  const observations: SeedRows["observations"] = [];
  const revisions: SeedRows["revisions"] = [];
  const { techniques, actors, contributorIds, reviewerIds, now } = context;
  const actorsByDomain = new Map<string, SeedActor[]>();
  for (const a of actors) actorsByDomain.set(a.domain, [...(actorsByDomain.get(a.domain) ?? []), a]);
  for (let n = from; n < to; n++) {
    const random = prng(runSeed * 1_000_003 + n);
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
    const id = context.firstId + n;
    // Exponential ages (mean 20 days), capped at a year; a few minutes at least, so "now" stays ahead.
    const ageDays = Math.min(365, -Math.log(1 - random()) * 20) + 0.01;
    const createdAt = new Date(now.getTime() - ageDays * DAY_MS);
    const status = statusFor(random, ageDays);
    const technique = pick(techniques);
    const domainActors = actorsByDomain.get(technique.domain) ?? [];
    const kind =
      domainActors.length === 0
        ? "UNATTRIBUTED"
        : weighted(random, [
            ["EXISTING", 88],
            ["UNATTRIBUTED", 9],
            ["PROPOSED", 3],
          ] as ["EXISTING" | "UNATTRIBUTED" | "PROPOSED", number][]);
    const actor = kind === "EXISTING" ? pick(domainActors) : null;
    const proposed =
      kind === "PROPOSED"
        ? {
            type: "malware",
            name: `SEEDLOADER-${n % 97}`,
            aliases: [],
            description: "A loader seen in seed data only.",
          }
        : null;
    const actorLabel = actor?.name ?? (proposed ? proposed.name : "An unattributed actor");
    const submitted = status !== "DRAFT";
    const decided = ["ACCEPTED", "REJECTED", "DUPLICATE", "WITHDRAWN"].includes(status);
    const reviewed = decided && status !== "WITHDRAWN";
    const assigned = reviewed || status === "IN_REVIEW" || status === "NEEDS_INFO";
    const decidedAt = decided ? new Date(createdAt.getTime() + random() * ageDays * 0.5 * DAY_MS) : null;
    const contributorId = pick(contributorIds);
    const row = {
      id,
      publicId: publicIdOf(id),
      status,
      version: 1,
      domain: technique.domain,
      techniqueStixId: technique.stixId,
      techniqueAttackId: technique.attackId,
      actorKind: kind,
      actorStixId: actor?.stixId ?? null,
      proposedActor: proposed,
      procedure: procedureText(random, actorLabel, technique, n + 1),
      references: [
        {
          sourceName: `Seed Labs ${2020 + (n % 7)}`,
          description: `Seed Labs. (${2020 + (n % 7)}). Incident write-up ${n + 1} (generated demo data).`,
          public: false,
        },
      ],
      tlp: weighted(random, [
        ["CLEAR", 75],
        ["GREEN", 17],
        ["AMBER", 8],
      ]),
      credit: "anonymous",
      sector: random() < 0.5 ? pick(["52", "54", "62", "92", "21", "61"]) : null,
      country: null,
      region: random() < 0.4 ? pick(["ARIN", "RIPE NCC", "APNIC"]) : null,
      detectionType: pick(["host", "network", "cloud", null]),
      detectionSource: pick(["human-validated", "automated", null]),
      privilegeLevel: pick(["user", "administrator", "system", null]),
      confidence: pick(["low", "medium", "high"]),
      observedFrom: null,
      observedTo: null,
      platforms: technique.platforms.length ? [pick(technique.platforms)] : [],
      keptIndicators: [],
      contributorId,
      assigneeId: assigned ? pick(reviewerIds) : null,
      releaseId: null,
      // An earlier seeded observation: the one this duplicates.
      duplicateOfId: status === "DUPLICATE" && n > 0 ? context.firstId + Math.floor(random() * n) : null,
      createdAt,
      updatedAt: decidedAt ?? createdAt,
      submittedAt: submitted ? createdAt : null,
      decidedAt,
    } satisfies ObservationRow & { updatedAt: Date };
    if (row.status === "DUPLICATE" && row.duplicateOfId === null) row.status = "REJECTED";
    observations.push(row);
    // Version 1 and its revision, as createObservation writes them: history pages find where the row began.
    revisions.push({
      id: `seed-rev-${id}`,
      observationId: id,
      version: 1,
      editorId: contributorId,
      snapshot: snapshotOf(row),
      reason: "seeded",
      createdAt,
    });
  }
  return { observations, revisions };
}
