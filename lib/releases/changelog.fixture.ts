// A release built from real ATT&CK v18.1 objects (read at test time, never copied into the repo), for the changelog
// and layer tests: a bundle from the real exporter, and the release's observations as the service reads them,
// plus the ones that must never show (TLP:GREEN and AMBER, unattributed, not published).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { TChangelogObservation, TChangelogRelease, TCatalogRef } from "./changelog-contents";
import { buildBundle, type ExistingRelationship } from "./stix";
import type { ExportObservation, ExportRelease, StixBundle } from "./types";
import { proposalKey } from "./stix-actors";

const ENTERPRISE = path.resolve(process.cwd(), "../shared/attack/enterprise-attack-18.1.json");
type Stix = Record<string, unknown> & { id: string; type: string; name: string };

export interface TFixture {
  release: TChangelogRelease;
  bundle: StixBundle;
  /** What the bundle was built from (published, attributed, CLEAR) … */
  published: TChangelogObservation[];
  /** … and what was not (GREEN, AMBER, unattributed, accepted but not exported): none of it may show. */
  hidden: TChangelogObservation[];
  apt28: Stix;
  powershellToApt28: string;
}

let cached: TFixture | undefined;

export function changelogFixture(): TFixture {
  if (cached) return cached;
  const objects = (JSON.parse(readFileSync(ENTERPRISE, "utf8")) as { objects: Stix[] }).objects;
  const byAttackId = new Map<string, Stix>();
  for (const o of objects) {
    const ref = (o.external_references as { source_name: string; external_id?: string }[] | undefined)?.[0];
    // Old mitigations share technique IDs (T1105 "Remote File Copy Mitigation"): techniques win.
    if (o.type === "course-of-action") continue;
    if (ref?.source_name === "mitre-attack" && ref.external_id && !o.revoked) byAttackId.set(ref.external_id, o);
  }
  const attack = (id: string) => byAttackId.get(id)!;
  const catalogRef = (id: string, parentName: string | null = null): TCatalogRef => {
    const o = attack(id);
    const url = (o.external_references as { url?: string }[])[0].url ?? null;
    return { stixId: o.id, type: o.type, attackId: id, name: o.name, parentName, url };
  };
  const technique = {
    "T1059.001": catalogRef("T1059.001", "Command and Scripting Interpreter"),
    T1105: catalogRef("T1105"),
    "T1003.001": catalogRef("T1003.001", "OS Credential Dumping"),
  };
  const apt28 = attack("G0007");
  const known = objects.find(
    (o) => o.type === "relationship" && o.source_ref === apt28.id && o.target_ref === technique["T1059.001"].stixId,
  )!;
  const existing: ExistingRelationship[] = [
    {
      id: known.id,
      sourceRef: apt28.id,
      targetRef: technique["T1059.001"].stixId,
      description: String(known.description),
      created: String(known.created),
      references: (known.external_references as { source_name: string; description: string; url?: string }[]) ?? [],
    },
  ];
  const release: ExportRelease = {
    id: "rel-2026-12",
    name: "Community additions 2026-12",
    domain: "enterprise-attack",
    attackVersion: "18.1",
    frozenAt: new Date("2026-12-01T09:30:00.000Z"),
  };
  const report = (n: number) => [
    {
      sourceName: `Example Labs ${n}`,
      url: `https://example.com/${n}`,
      description: `Example Labs. (2026). Report ${n}.`,
    },
  ];
  type Spec = {
    publicId: string;
    contributorId: string;
    tech: keyof typeof technique;
    actor: { id: string } | { proposed: string; aliases?: string[] };
    credit: ExportObservation["credit"];
  };
  const specs: Spec[] = [
    // Jane: named on one, anonymous on another: named once, not counted as anonymous.
    {
      publicId: "OBS-000101",
      contributorId: "c-jane",
      tech: "T1059.001",
      actor: { id: "G0007" },
      credit: { mode: "named", name: "Jane Doe", org: "Example Labs" },
    },
    {
      publicId: "OBS-000105",
      contributorId: "c-jane",
      tech: "T1105",
      actor: { id: "G0007" },
      credit: { mode: "anonymous" },
    },
    {
      publicId: "OBS-000102",
      contributorId: "c-acme",
      tech: "T1003.001",
      actor: { id: "S0154" },
      credit: { mode: "organization", name: "Al Poe", org: "Acme CERT" },
    },
    {
      publicId: "OBS-000103",
      contributorId: "c-sam",
      tech: "T1059.001",
      actor: { proposed: "GlassLoader", aliases: ["GlassLdr"] },
      credit: { mode: "named", name: "Sam Roe" },
    },
    // The same proposal, spelt differently: merged into GlassLoader.
    {
      publicId: "OBS-000104",
      contributorId: "c-anon",
      tech: "T1105",
      actor: { proposed: "glassldr " },
      credit: { mode: "anonymous" },
    },
  ];
  const exportObs: ExportObservation[] = specs.map((s, i) => ({
    publicId: s.publicId,
    procedure: `used ${technique[s.tech].name} in step ${i + 1} of the intrusion.`,
    references: report(i + 1),
    technique: { stixId: technique[s.tech].stixId, attackId: s.tech, name: technique[s.tech].name },
    actor:
      "id" in s.actor
        ? { kind: "EXISTING", stix: attack(s.actor.id) }
        : {
            kind: "PROPOSED",
            type: "malware",
            name: s.actor.proposed,
            aliases: s.actor.aliases ?? [],
            description: "GlassLoader is a .NET loader.",
          },
    credit: s.credit,
    acceptedAt: new Date(`2026-11-2${i}T08:00:00.000Z`),
  }));
  const bundle = buildBundle(
    release,
    exportObs,
    { baseUrl: "http://localhost:3000", identityName: "Procedure Exchange" },
    { existing, provisionalIds: new Map([[proposalKey("malware", "GlassLoader"), "S9999"]]) },
  );
  const creditOf = (c: ExportObservation["credit"]) =>
    c.mode === "named" ? [c.name, c.org].filter(Boolean).join(", ") : c.mode === "organization" ? c.org! : null;
  const changelogObs = (s: Spec, over: Partial<TChangelogObservation> = {}): TChangelogObservation => ({
    publicId: s.publicId,
    contributorId: s.contributorId,
    status: "PUBLISHED",
    tlp: "CLEAR",
    actorKind: "id" in s.actor ? "EXISTING" : "PROPOSED",
    technique: technique[s.tech],
    actor: "id" in s.actor ? catalogRef(s.actor.id) : null,
    actorStixId: "id" in s.actor ? attack(s.actor.id).id : null,
    proposed: "id" in s.actor ? null : { type: "malware", name: s.actor.proposed },
    credit: creditOf(s.credit),
    ...over,
  });
  const hidden: TChangelogObservation[] = [
    changelogObs(
      {
        ...specs[0],
        publicId: "OBS-000900",
        contributorId: "c-green",
        credit: { mode: "named", name: "Green Person" },
      },
      { tlp: "GREEN" },
    ),
    changelogObs(
      {
        ...specs[3],
        publicId: "OBS-000901",
        contributorId: "c-amber",
        tech: "T1003.001",
        credit: { mode: "named", name: "Amber Person" },
      },
      { tlp: "AMBER", proposed: { type: "malware", name: "GlassLoader" } },
    ),
    changelogObs(
      { ...specs[1], publicId: "OBS-000902", contributorId: "c-unattributed" },
      { actorKind: "UNATTRIBUTED", actor: null, actorStixId: null, status: "ACCEPTED" },
    ),
    changelogObs({ ...specs[2], publicId: "OBS-000903", contributorId: "c-late" }, { status: "ACCEPTED" }),
  ];
  cached = {
    release: {
      id: release.id,
      name: release.name,
      domain: release.domain,
      attackVersion: release.attackVersion,
      exportedAt: "2026-12-01T09:31:00.000Z",
      sha256: "ab".repeat(32),
    },
    bundle,
    published: specs.map((s) => changelogObs(s)),
    hidden,
    apt28,
    powershellToApt28: known.id,
  };
  return cached;
}
