// `npm run cli -- seed --observations N [--force]`: demo and benchmark data (issue 9 item 9). Real catalog
// techniques and actors, seed users at @seed.invalid, states and ages spread like a real queue
// (lib/cli/seed-rows.ts), written in bulk through the driver (lib/cli/seed-write.ts).
import { upsertUser } from "../auth/users";
import { urlOf, type Db } from "../db/client";
import { AppError } from "../errors";
import { flag } from "./args";
import { SEED_CONTRIBUTORS, SEED_DOMAIN, SEED_REVIEWERS, seedRows, type SeedContext } from "./seed-rows";
import { withSeedWriter } from "./seed-write";

export const SEED_MAX = 1_000_000;
// Rows generated and written per step: bounded memory, and a progress line each step.
const CHUNK = 10_000;

export interface SeedOptions {
  observations: number;
  /** Seed even though the database has users from outside the seed domain. */
  force?: boolean;
  onProgress?: (done: number, total: number) => void;
  now?: Date;
}

export interface SeedResult {
  observations: number;
  firstId: number;
  ms: number;
}

/** Refuses a database with real users (anyone not @seed.invalid) unless forced: seed data must not mix with work. */
export async function assertSeedable(db: Db, force: boolean): Promise<void> {
  const real = await db.user.count({ where: { NOT: { email: { endsWith: `@${SEED_DOMAIN}` } } } });
  if (real > 0 && !force) {
    throw new AppError(
      "INVALID_STATE",
      `This database has ${real} real user${real === 1 ? "" : "s"} (not @${SEED_DOMAIN}): seeding would mix demo ` +
        `observations with real work. Use an empty database (DATABASE_URL=…), or add --force if you mean it.`,
    );
  }
}

async function seedContext(db: Db, now: Date): Promise<Omit<SeedContext, "firstId">> {
  const live = { revoked: false, deprecated: false, attackId: { not: null } };
  const [techniques, actors] = await Promise.all([
    db.attackObject.findMany({
      where: { kind: "technique", ...live },
      select: { domain: true, stixId: true, attackId: true, name: true, platforms: true },
      orderBy: [{ domain: "asc" }, { attackId: "asc" }],
    }),
    db.attackObject.findMany({
      where: { kind: { in: ["group", "software", "campaign"] }, ...live },
      select: { domain: true, stixId: true, name: true },
      orderBy: [{ domain: "asc" }, { attackId: "asc" }],
    }),
  ]);
  if (techniques.length === 0) {
    throw new AppError(
      "INVALID_STATE",
      "No ATT&CK catalog is imported: seed data names real techniques and actors. Import one first: " +
        "npm run cli -- attack:import ../shared/attack/enterprise-attack-18.1.json",
    );
  }
  const users = async (role: "CONTRIBUTOR" | "REVIEWER", count: number, name: string) => {
    const ids: string[] = [];
    for (let i = 1; i <= count; i++) {
      ids.push((await upsertUser(db, `${name}-${String(i).padStart(2, "0")}@${SEED_DOMAIN}`, role)).id);
    }
    return ids;
  };
  return {
    techniques: techniques.map((t) => ({ ...t, attackId: t.attackId as string, platforms: t.platforms as string[] })),
    actors,
    contributorIds: await users("CONTRIBUTOR", SEED_CONTRIBUTORS, "contributor"),
    reviewerIds: await users("REVIEWER", SEED_REVIEWERS, "reviewer"),
    now,
  };
}

export async function seedObservations(db: Db, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const total = options.observations;
  if (!Number.isInteger(total) || total < 1 || total > SEED_MAX) {
    throw new AppError("VALIDATION", `--observations must be a whole number from 1 to ${SEED_MAX}.`);
  }
  await assertSeedable(db, options.force ?? false);
  const context = await seedContext(db, options.now ?? new Date());
  const firstId = await withSeedWriter(urlOf(db), async (writer) => {
    const first = await writer.firstObservationId();
    options.onProgress?.(0, total);
    for (let from = 0; from < total; from += CHUNK) {
      const to = Math.min(total, from + CHUNK);
      const rows = seedRows({ ...context, firstId: first }, from, to);
      await writer.insert("Observation", rows.observations);
      await writer.insert("Revision", rows.revisions);
      options.onProgress?.(to, total);
    }
    return first;
  });
  return { observations: total, firstId, ms: performance.now() - started };
}

/** The command: parses its flags, prints progress and what it wrote. */
export async function seedCommand(args: string[], db: Db): Promise<number> {
  const raw = flag(args, "observations");
  const count = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(count >= 1 && count <= SEED_MAX)) {
    console.error(`Usage: npm run cli -- seed --observations N [--force]   (N from 1 to ${SEED_MAX})`);
    return 2;
  }
  const result = await seedObservations(db, {
    observations: count,
    force: args.includes("--force"),
    onProgress: (done, total) => console.log(`seed: ${done}/${total} observations`),
  });
  console.log(
    `Seeded ${result.observations} observations (OBS-${String(result.firstId).padStart(6, "0")} on) ` +
      `by ${SEED_CONTRIBUTORS} contributors and ${SEED_REVIEWERS} reviewers @${SEED_DOMAIN} in ` +
      `${(result.ms / 1000).toFixed(1)} s.`,
  );
  return 0;
}
