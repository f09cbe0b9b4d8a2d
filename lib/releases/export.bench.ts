// `npm run bench`: exporting a release of 10,000 accepted observations (issue 10 "Speed": ≤ 10 s and ≤ 1 GB RSS,
// time per phase), on SQLite and on PostgreSQL. The observations are seeded (lib/cli/seed: real catalog techniques
// and actors), then made accepted, attributed, TLP:CLEAR and members of one open release: the export reads them,
// builds the bundle (one relationship per pair, ATT&CK's own relationships updated), validates it with both
// validators, serializes it and publishes the observations. `--quick` exports 2,000. `npm run bench` runs each
// database's export in a process of its own (benchExportApart): its peak RSS is then the export's and its seeding's,
// not what the benchmarks before it left (1.3 GB after the 100,000-observation parts).
import path from "node:path";
import { makeActor, seedCatalog } from "../../prisma/factories";
import { seedObservations } from "../cli/seed";
import { createTestDb } from "../db/testing";
import { record, runPartInChild, sendFiguresToParent } from "../bench-report";
import { exportRelease, type ExportPhase } from "./service";

export function exportBenchSize(argv = process.argv): number {
  const env = Number(process.env.EXPORT_BENCH_OBSERVATIONS);
  if (Number.isInteger(env) && env > 0) return env;
  return argv.includes("--quick") ? 2_000 : 10_000;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

type Provider = "sqlite" | "postgres";

/** benchExport for each database in a fresh process (lib/bench-report runPartInChild). */
export async function benchExportApart(): Promise<void> {
  const quick = process.argv.includes("--quick") ? ["--quick"] : [];
  for (const provider of ["sqlite", "postgres"] as const) await runPartInChild(__filename, [provider, ...quick]);
}

export async function benchExport(
  size = exportBenchSize(),
  providers: readonly Provider[] = ["sqlite", "postgres"],
): Promise<void> {
  for (const provider of providers) {
    process.env.TEST_DB = provider;
    const t = await createTestDb();
    try {
      await seedCatalog(t.db);
      await seedObservations(t.db, { observations: size, force: true });
      const admin = await makeActor(t.db, "ADMIN");
      const release = await t.db.release.create({
        data: { name: "Bench release", domain: "enterprise-attack", attackVersion: "18.1", createdById: admin.id },
      });
      // Every seeded observation becomes an accepted, attributed, public member of the release: seeded proposals
      // stay proposals, the others name a catalog actor.
      await t.db.observation.updateMany({
        data: { status: "ACCEPTED", tlp: "CLEAR", releaseId: release.id, decidedAt: new Date() },
      });
      await t.db.observation.updateMany({
        where: { actorKind: "UNATTRIBUTED" },
        data: { status: "SUBMITTED", releaseId: null },
      });
      const members = await t.db.observation.count({ where: { releaseId: release.id } });

      const phases: Partial<Record<ExportPhase, number>> = {};
      // RSS never shrinks much: what the seeding (and, run in one process, an earlier provider's run) left is part of
      // every peak.
      const startRss = process.memoryUsage().rss;
      let peakRss = startRss;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
      const started = performance.now();
      const result = await exportRelease(admin, release.id, t.db, {
        onPhase: (phase, ms) => {
          phases[phase] = ms;
        },
      });
      const total = performance.now() - started;
      clearInterval(sampler);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      const stored = await t.db.release.findUniqueOrThrow({ where: { id: release.id } });
      const objects = JSON.parse(stored.bundle ?? '{"objects":[]}').objects.length;
      const area = `Release export (${members.toLocaleString("en")} observations)`;
      record({
        area,
        measure: "export + validation, total",
        db: provider,
        value: total / 1000,
        unit: "s",
        target: size >= 10_000 ? { at: "most", limit: 10, of: "value" } : undefined,
      });
      for (const phase of Object.keys(phases) as ExportPhase[]) {
        record({ area, measure: `phase: ${phase}`, db: provider, value: phases[phase]! / 1000, unit: "s" });
      }
      record({
        area,
        measure: "peak RSS",
        db: provider,
        value: peakRss / 2 ** 20,
        unit: "MB",
        target: { at: "most", limit: 1024, of: "value" },
      });
      const perPhase = (Object.keys(phases) as ExportPhase[]).map((p) => `${p} ${seconds(phases[p]!)}`).join(", ");
      console.log(
        `  ${provider.padEnd(9)} ${members} observations → ${objects} objects (${result.status}) in ${seconds(total)} ` +
          `(target ≤ 10 s at 10,000), peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB (target ≤ 1024 MB; ${(startRss / 2 ** 20).toFixed(0)} MB before the export): ${perPhase}`,
      );
    } finally {
      await t.drop();
    }
  }
}

// `--child <provider> [--quick]`: one database's export, its figures sent to the parent (benchExportApart).
if (process.argv[1] && path.resolve(process.argv[1]) === __filename && process.argv.includes("--child")) {
  const provider = process.argv.find((arg): arg is Provider => arg === "sqlite" || arg === "postgres");
  benchExport(exportBenchSize(), provider ? [provider] : undefined).then(
    () => {
      sendFiguresToParent();
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
