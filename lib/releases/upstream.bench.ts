// `npm run bench`: closing the loop after an import (lib/releases/upstream.ts) over a release of 10,000 exported
// observations (--quick: 2,000), on SQLite and on PostgreSQL. Every tenth observation's (actor, technique) pair gets a
// `uses` relationship citing its /o/ record in the "newer" catalog: those are marked and mailed (to a temporary
// outbox); the rest are matched against their pairs and left alone. Time and counts are printed; nothing asserted.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeActor, seedCatalog } from "../../prisma/factories";
import { seedObservations } from "../cli/seed";
import { createTestDb } from "../db/testing";
import { recordUrl } from "./changelog-service";
import { exportBenchSize } from "./export.bench";
import { markTakenUpstream } from "./upstream";
import { record } from "../bench-report";

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function benchUpstream(
  size = exportBenchSize(),
  providers: readonly ("sqlite" | "postgres")[] = ["sqlite", "postgres"],
): Promise<void> {
  const outbox = mkdtempSync(path.join(tmpdir(), "pe-bench-outbox-"));
  const saved = { SMTP_URL: process.env.SMTP_URL, OUTBOX_DIR: process.env.OUTBOX_DIR };
  delete process.env.SMTP_URL;
  process.env.OUTBOX_DIR = outbox;
  try {
    for (const provider of providers) {
      process.env.TEST_DB = provider;
      const t = await createTestDb();
      try {
        await seedCatalog(t.db);
        await seedObservations(t.db, { observations: size, force: true });
        const admin = await makeActor(t.db, "ADMIN");
        const release = await t.db.release.create({
          data: {
            name: "Bench upstream release",
            domain: "enterprise-attack",
            attackVersion: "18.1",
            status: "EXPORTED",
            exportedAt: new Date(),
            createdById: admin.id,
          },
        });
        await t.db.observation.updateMany({
          where: { actorKind: "EXISTING" },
          data: { status: "PUBLISHED", tlp: "CLEAR", releaseId: release.id },
        });
        const published = await t.db.observation.findMany({
          where: { releaseId: release.id },
          select: { publicId: true, actorStixId: true, techniqueStixId: true },
          orderBy: { id: "asc" },
        });
        const cited = published.filter((_, i) => i % 10 === 0);
        await t.db.knownProcedure.createMany({
          data: cited.map((o, i) => ({
            domain: "enterprise-attack",
            stixId: `relationship--00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
            sourceRef: o.actorStixId!,
            targetRef: o.techniqueStixId,
            description: "Bench procedure example.",
            references: [{ sourceName: "Procedure Exchange record", url: recordUrl(o.publicId) }],
          })),
        });
        const started = performance.now();
        const result = await markTakenUpstream(t.db, { domain: "enterprise-attack", version: "18.2" });
        const total = performance.now() - started;
        record({
          area: "Closing the loop (newer ATT&CK import)",
          measure: `${published.length} exported observations, ${cited.length} cited: mark and mail`,
          db: provider,
          value: total / 1000,
          unit: "s",
        });
        console.log(
          `  ${provider.padEnd(9)} ${published.length} exported observations, ${cited.length} cited → ` +
            `${result.marked.length} marked, ${result.mailed} mailed in ${seconds(total)}`,
        );
      } finally {
        await t.drop();
      }
    }
  } finally {
    rmSync(outbox, { recursive: true, force: true });
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
