// Seed factories shared by the integration tests and the e2e preparation.
import path from "node:path";
import { importCatalog } from "../lib/attack/import";
import type { Actor, Role } from "../lib/auth/permissions";
import type { Db } from "../lib/db/client";
import type { TObservationInput } from "../lib/observations/schema";

export const ENTERPRISE_18_1 = path.resolve(process.cwd(), "../shared/attack/enterprise-attack-18.1.json");

/** The real ATT&CK Enterprise 18.1 catalog (read from ../shared, never copied into the repo). */
export async function seedCatalog(db: Db): Promise<void> {
  await importCatalog(db, { path: ENTERPRISE_18_1 });
}

let userSeq = 0;
export async function makeActor(
  db: Db,
  role: Role,
  email = `${role.toLowerCase()}-${++userSeq}@example.test`,
): Promise<Actor> {
  // Straight to the table: a fixture, not an admin's action, so it leaves no audit event (tests count theirs).
  const user = await db.user.upsert({ where: { email }, create: { email, role }, update: { role } });
  return { id: user.id, email: user.email, role: user.role as Role };
}

export function observationInput(overrides: Partial<TObservationInput> = {}): TObservationInput {
  return {
    domain: "enterprise-attack",
    technique: "T1059.001",
    actor: { id: "G0007" },
    procedure:
      "used PowerShell on fin-ws-12.corp.local to fetch a loader from 10.20.30.40 and mailed it to jane.doe@victim-bank.com.",
    references: [
      {
        sourceName: "Acme Labs 2026",
        url: "https://example.org/apt28",
        description: "Acme Labs. (2026, May 4). APT28 loaders.",
        // A published report: kept as written, URL included (a non-public reference cannot carry a URL).
        public: true,
      },
    ],
    tlp: "CLEAR",
    credit: "anonymous",
    ...overrides,
  };
}
