// The small fixture catalog (lib/attack/catalog.fixture.ts) made into a matrix: two tactics, the parents of its
// two sub-techniques, a revoked technique pointing at PowerShell, a deprecated one and a revoked group pointing at APT29. Invented STIX ids for the
// rows the fixture lacks; ATT&CK IDs and names are real.
import { FIXTURE, seedFixtureCatalog } from "../attack/catalog.fixture";
import type { Db } from "../db/client";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

export const MATRIX_FIXTURE = {
  execution: { stixId: `x-mitre-tactic--${id(1)}`, attackId: "TA0002" },
  credentialAccess: { stixId: `x-mitre-tactic--${id(2)}`, attackId: "TA0006" },
  interpreter: { stixId: `attack-pattern--${id(3)}`, attackId: "T1059" },
  dumping: { stixId: `attack-pattern--${id(4)}`, attackId: "T1003" },
  revoked: { stixId: `attack-pattern--${id(5)}`, attackId: "T1086" },
  deprecated: { stixId: `attack-pattern--${id(6)}`, attackId: "T1064" },
  revokedGroup: { stixId: `intrusion-set--${id(7)}`, attackId: "G0999" },
} as const;

export async function seedMatrixFixture(db: Db): Promise<void> {
  await seedFixtureCatalog(db);
  const domain = FIXTURE.domain;
  const modified = new Date("2025-10-28T00:00:00Z");
  const base = { domain, aliases: [], platforms: ["Windows"], modified, description: "" };
  const M = MATRIX_FIXTURE;
  await db.attackObject.createMany({
    data: [
      {
        ...base,
        ...M.execution,
        kind: "tactic",
        stixType: "x-mitre-tactic",
        name: "Execution",
        tactics: ["execution"],
      },
      {
        ...base,
        ...M.credentialAccess,
        kind: "tactic",
        stixType: "x-mitre-tactic",
        name: "Credential Access",
        tactics: ["credential-access"],
      },
      {
        ...base,
        ...M.interpreter,
        kind: "technique",
        stixType: "attack-pattern",
        name: "Command and Scripting Interpreter",
        tactics: ["execution"],
        description: "Adversaries may abuse interpreters.(Citation: Fixture Shells)",
      },
      {
        ...base,
        ...M.dumping,
        kind: "technique",
        stixType: "attack-pattern",
        name: "OS Credential Dumping",
        tactics: ["credential-access"],
      },
      {
        ...base,
        ...M.revoked,
        kind: "technique",
        stixType: "attack-pattern",
        name: "PowerShell",
        tactics: ["execution"],
        revoked: true,
        revokedBy: FIXTURE.powershell.stixId,
      },
      {
        ...base,
        ...M.deprecated,
        kind: "technique",
        stixType: "attack-pattern",
        name: "Scripting",
        tactics: ["execution"],
        deprecated: true,
      },
      {
        ...base,
        ...M.revokedGroup,
        kind: "group",
        stixType: "intrusion-set",
        name: "Old APT29 name",
        tactics: [],
        revoked: true,
        revokedBy: FIXTURE.apt29.stixId,
      },
    ].map((o) => ({
      ...o,
      stix: {
        id: o.stixId,
        external_references: [
          { source_name: "mitre-attack", external_id: o.attackId },
          { source_name: "Fixture Shells", description: "Fixture. (2025). Shells.", url: "https://example.org/shells" },
        ],
      },
    })),
  });
  for (const [sub, parent, tactic] of [
    [FIXTURE.powershell, "T1059", "execution"],
    [FIXTURE.lsass, "T1003", "credential-access"],
  ] as const) {
    await db.attackObject.update({
      where: { domain_stixId: { domain, stixId: sub.stixId } },
      data: { parentAttackId: parent, tactics: [tactic] },
    });
  }
}
