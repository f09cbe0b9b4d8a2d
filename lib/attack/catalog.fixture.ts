// A few real Enterprise 18.1 objects (same STIX ids and ATT&CK IDs) and hand-written procedure examples:
// enough catalog for services that only look things up, in milliseconds instead of a full import.
import type { Db } from "../db/client";

export const FIXTURE = {
  domain: "enterprise-attack",
  powershell: { stixId: "attack-pattern--970a3432-3237-47ad-bcca-7d8cbb217736", attackId: "T1059.001" },
  lsass: { stixId: "attack-pattern--65f2d882-3f41-4d48-8a06-29af77ec9f90", attackId: "T1003.001" },
  apt29: { stixId: "intrusion-set--899ce53f-13a0-479b-a0e4-67d46e241542", attackId: "G0016" },
  apt28: { stixId: "intrusion-set--bef4c620-0787-42a8-a96d-b7eb6e85917c", attackId: "G0007" },
  mimikatz: { stixId: "tool--afc079f3-c0ea-4096-b75d-3f05338b7f60", attackId: "S0002" },
} as const;

const OBJECTS = [
  { ...FIXTURE.powershell, kind: "technique", stixType: "attack-pattern", name: "PowerShell", isSubtechnique: true },
  { ...FIXTURE.lsass, kind: "technique", stixType: "attack-pattern", name: "LSASS Memory", isSubtechnique: true },
  { ...FIXTURE.apt29, kind: "group", stixType: "intrusion-set", name: "APT29" },
  { ...FIXTURE.apt28, kind: "group", stixType: "intrusion-set", name: "APT28" },
  { ...FIXTURE.mimikatz, kind: "software", stixType: "tool", name: "Mimikatz" },
];

const link = (name: string, path: string) => `[${name}](https://attack.mitre.org/${path})`;

/** [actor, technique, description]: three APT29 and two APT28 PowerShell examples, one LSASS example. */
export const FIXTURE_EXAMPLES = [
  [
    FIXTURE.apt29,
    FIXTURE.powershell,
    `${link("APT29", "groups/G0016")} has used encoded PowerShell scripts to download and install a backdoor.(Citation: Mandiant No Easy Breach)`,
  ],
  [
    FIXTURE.apt29,
    FIXTURE.powershell,
    `${link("APT29", "groups/G0016")} used PowerShell to create WMI event subscriptions for persistence.(Citation: Mandiant No Easy Breach)`,
  ],
  [
    FIXTURE.apt29,
    FIXTURE.powershell,
    `${link("APT29", "groups/G0016")} has used \`Get-ADUser\` in PowerShell to enumerate domain accounts.(Citation: CrowdStrike StellarParticle)`,
  ],
  [
    FIXTURE.apt28,
    FIXTURE.powershell,
    `${link("APT28", "groups/G0007")} has downloaded and executed PowerShell scripts that steal browser credentials.(Citation: Talos Olympic Destroyer)`,
  ],
  [
    FIXTURE.apt28,
    FIXTURE.powershell,
    `${link("APT28", "groups/G0007")} has used a PowerShell dropper to deliver a second stage.(Citation: Unit42 Sofacy)`,
  ],
  [
    FIXTURE.mimikatz,
    FIXTURE.lsass,
    `${link("Mimikatz", "software/S0002")} reads credentials from LSASS memory.(Citation: Adsecurity Mimikatz Guide)`,
  ],
] as const;

/** The fixture as the current catalog of its domain (replaces whatever the database held for it). */
export async function seedFixtureCatalog(db: Db): Promise<void> {
  const domain = FIXTURE.domain;
  await db.knownProcedure.deleteMany({ where: { domain } });
  await db.attackObject.deleteMany({ where: { domain } });
  await db.catalogVersion.deleteMany({ where: { domain } });
  await db.catalogVersion.create({
    data: { domain, version: "18.1", sha256: "fixture", objectCount: OBJECTS.length, current: true },
  });
  const modified = new Date("2025-10-28T00:00:00Z");
  await db.attackObject.createMany({
    data: OBJECTS.map((o) => ({
      ...o,
      domain,
      description: `${o.name} (fixture)`,
      aliases: [],
      tactics: [],
      platforms: [],
      modified,
      stix: { id: o.stixId },
    })),
  });
  await db.knownProcedure.createMany({
    data: FIXTURE_EXAMPLES.map(([actor, technique, description], i) => ({
      domain,
      stixId: `relationship--00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      sourceRef: actor.stixId,
      targetRef: technique.stixId,
      description,
    })),
  });
}
