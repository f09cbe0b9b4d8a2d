// Builds bundles from real ATT&CK v18.1 objects (read at test time, never copied into the repo).
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildBundle, bumpMinor, MITRE_IDENTITY, MITRE_MARKING, serializeBundle } from "./stix";
import type { ExportObservation, ExportRelease, StixBundle, StixObject } from "./types";
import { validateBundle } from "./validate";

const ENTERPRISE = path.resolve(process.cwd(), "../shared/attack/enterprise-attack-18.1.json");
type Stix = Record<string, unknown> & { id: string; type: string; name?: string };
const ATTACK_ACTORS = ["intrusion-set", "malware", "tool", "campaign"];

let byAttackId: Map<string, Stix>;
let observations: ExportObservation[];
const release: ExportRelease = {
  id: "rel-2026-12",
  name: "Community additions 2026-12",
  domain: "enterprise-attack",
  attackVersion: "18.1",
  frozenAt: new Date("2026-12-01T09:30:00.000Z"),
};
const options = { baseUrl: "http://localhost:3000", identityName: "Procedure Exchange" };
const attack = (id: string) => byAttackId.get(id)!;
const report = {
  sourceName: "Example Labs APT28 November 2026",
  url: "https://example.com/apt28",
  description: "Example Labs. (2026, November 3). APT28 returns. Retrieved November 10, 2026.",
};

beforeAll(() => {
  const bundle = JSON.parse(readFileSync(ENTERPRISE, "utf8")) as { objects: Stix[] };
  byAttackId = new Map();
  for (const o of bundle.objects) {
    const ref = (o.external_references as { source_name: string; external_id?: string }[] | undefined)?.[0];
    if (ref?.source_name === "mitre-attack" && ref.external_id && !o.revoked) byAttackId.set(ref.external_id, o);
  }
  const t = attack("T1059.001");
  const technique = { stixId: t.id, attackId: "T1059.001", name: String(t.name) };
  const base = { technique, references: [], credit: { mode: "anonymous" as const } };
  observations = [
    {
      ...base,
      publicId: "OBS-000101",
      procedure: "used PowerShell to download a second stage from a compromised WordPress site.",
      references: [report],
      actor: { kind: "EXISTING", stix: attack("G0007") },
      credit: { mode: "named", name: "Jane Doe", org: "Example Labs" },
      acceptedAt: new Date("2026-11-20T14:05:06.789Z"),
    },
    {
      ...base,
      publicId: "OBS-000102",
      procedure: "  has run encoded PowerShell one-liners from its beacon",
      actor: { kind: "EXISTING", stix: attack("S0154") },
      credit: { mode: "organization", org: "Acme CERT" },
      acceptedAt: new Date("2026-11-21T08:00:00.000Z"),
    },
    {
      ...base,
      publicId: "OBS-000103",
      procedure: "used PowerShell to load its payload in memory.",
      actor: {
        kind: "PROPOSED",
        type: "malware",
        name: "GlassLoader",
        aliases: ["GlassLdr"],
        description: "GlassLoader is a .NET loader.",
      },
      credit: { mode: "named", name: "Sam Roe" },
      acceptedAt: new Date("2026-11-22T08:00:00.000Z"),
    },
    {
      ...base,
      publicId: "OBS-000104",
      procedure: "used PowerShell for discovery.",
      actor: { kind: "EXISTING", stix: attack("S0002") }, // Mimikatz, credited anonymously
      acceptedAt: new Date("2026-11-23T08:00:00.000Z"),
    },
    {
      ...base,
      publicId: "OBS-000105",
      procedure: "used PowerShell to stage archives.",
      actor: { kind: "EXISTING", stix: attack("G0007") },
      credit: { mode: "organization", org: "Acme CERT" },
      acceptedAt: new Date("2026-11-24T08:00:00.000Z"),
    },
  ];
});

const build = (obs = observations) => buildBundle(release, obs, options);
const byId = (b: StixBundle, id: string) => b.objects.find((o) => o.id === id) as StixObject;
// Relationships of observations without references are found by the platform record they cite.
const relFor = (b: StixBundle, publicId: string) => {
  const rel = b.objects.find(
    (o) => o.type === "relationship" && JSON.stringify(o.external_references).includes(publicId),
  );
  if (!rel) throw new Error(`no relationship cites ${publicId}`);
  return rel;
};

describe("buildBundle", () => {
  it("passes the data model's per-object schemas and the bundle rules", () => {
    expect(validateBundle(build())).toEqual([]);
  });

  it("is one collection first, then identity, marking, objects and relationships, all STIX 2.1", () => {
    const b = build();
    expect(b.type).toBe("bundle");
    expect(b.id).toMatch(/^bundle--[0-9a-f-]{36}$/);
    expect(b.objects[0].type).toBe("x-mitre-collection");
    expect(b.objects.filter((o) => o.type === "x-mitre-collection")).toHaveLength(1);
    for (const o of b.objects) expect(o.spec_version, o.id).toBe("2.1");
    const [collection, ...rest] = b.objects;
    expect(collection.name).toBe(release.name);
    expect(collection.x_mitre_contents).toEqual(
      rest.map((o) => ({ object_ref: o.id, object_modified: o.modified ?? o.created })),
    );
    const refs = (collection.x_mitre_contents as { object_ref: string }[]).map((c) => c.object_ref);
    expect(refs).toEqual([...refs].sort());
    const identity = b.objects.find((o) => o.type === "identity")!;
    expect(identity.name).toBe("Procedure Exchange");
    expect(collection.created_by_ref).toBe(identity.id);
    expect(byId(b, MITRE_MARKING).type).toBe("marking-definition");
  });

  it("turns the observations into one uses relationship per (actor, technique) pair, in ATT&CK's form", () => {
    const b = build();
    const rels = b.objects.filter((o) => o.type === "relationship");
    // OBS-000101 and OBS-000105 are both APT28 using T1059.001: one relationship.
    expect(rels).toHaveLength(observations.length - 1);
    expect(new Set(rels.map((r) => `${r.source_ref}|${r.target_ref}`)).size).toBe(rels.length);
    const apt28 = rels.find((r) => JSON.stringify(r.external_references).includes(report.sourceName))!;
    expect(apt28).toMatchObject({
      relationship_type: "uses",
      source_ref: attack("G0007").id,
      target_ref: attack("T1059.001").id,
      created: "2026-11-20T14:05:06.789Z",
      modified: "2026-11-24T08:00:00.000Z",
      x_mitre_modified_by_ref: MITRE_IDENTITY,
      object_marking_refs: [MITRE_MARKING],
      x_mitre_deprecated: false,
      description:
        "[APT28](https://attack.mitre.org/groups/G0007) used PowerShell to download a second stage from a " +
        "compromised WordPress site.(Citation: Example Labs APT28 November 2026) " +
        "[APT28](https://attack.mitre.org/groups/G0007) used PowerShell to stage archives.(Citation: Procedure Exchange OBS-000105)",
      external_references: [
        { source_name: report.sourceName, url: report.url, description: report.description },
        expect.objectContaining({ source_name: "Procedure Exchange OBS-000105" }),
      ],
    });
    expect(typeof apt28.x_mitre_attack_spec_version).toBe("string");
    for (const r of rels) {
      expect(r).not.toHaveProperty("x_mitre_domains");
      expect(r).not.toHaveProperty("x_mitre_version");
    }
  });

  it("cites the platform's public record when an observation has no references", () => {
    const rel = relFor(build(), "OBS-000102");
    expect(rel.description).toBe(
      "[Cobalt Strike](https://attack.mitre.org/software/S0154) has run encoded PowerShell one-liners from its " +
        "beacon.(Citation: Procedure Exchange OBS-000102)",
    );
    expect(rel.external_references).toEqual([
      expect.objectContaining({
        source_name: "Procedure Exchange OBS-000102",
        url: "http://localhost:3000/o/OBS-000102",
        description: expect.stringContaining("OBS-000102"),
      }),
    ]);
  });

  it("resolves every citation to exactly one external reference", () => {
    for (const o of build().objects) {
      const names = ((o.external_references ?? []) as { source_name: string }[]).map((r) => r.source_name);
      expect(new Set(names).size, o.id).toBe(names.length);
      const texts = [o.description, o.x_mitre_first_seen_citation, o.x_mitre_last_seen_citation].join(" ");
      for (const m of String(texts).matchAll(/\(Citation: ([^)]+)\)/g)) {
        expect(
          names.filter((n) => n === m[1]),
          `${o.id} ${m[1]}`,
        ).toHaveLength(1);
      }
    }
  });

  it("credits contributors on one 2.1 copy per existing actor, with a minor version bump", () => {
    const b = build();
    const original = attack("G0007");
    const copies = b.objects.filter((o) => o.id === original.id);
    expect(copies).toHaveLength(1);
    const [apt28] = copies;
    expect(apt28.x_mitre_contributors).toEqual([
      ...(original.x_mitre_contributors as string[]),
      "Acme CERT",
      "Jane Doe, Example Labs",
    ]);
    expect(apt28.x_mitre_version).toBe(bumpMinor(original.x_mitre_version));
    expect(apt28.modified).toBe(release.frozenAt.toISOString());
    expect(apt28.created).toBe(original.created);
    const cobalt = byId(b, attack("S0154").id);
    expect(cobalt.is_family).toBe(true);
    expect(cobalt.x_mitre_contributors).toContain("Acme CERT");
    // Anonymous credit: Mimikatz is referenced but not copied.
    expect(b.objects.some((o) => o.id === attack("S0002").id)).toBe(false);
    // MITRE's object as handed in is not modified.
    expect(original.spec_version).toBeUndefined();
    expect(original.x_mitre_contributors).not.toContain("Acme CERT");
  });

  it("credits an actor whose published text cites a source MITRE does not list", () => {
    const refs = (o: Stix) => o.external_references as { source_name: string; description?: string }[];
    const cites = (o: Stix) =>
      [o.description, ...refs(o).map((r) => r.description)]
        .flatMap((text) => [...String(text).matchAll(/\(Citation: ([^)]+)\)/g)])
        .map((m) => m[1].trim());
    const names = (o: Stix) => refs(o).map((r) => r.source_name.trim());
    const flawed = [...byAttackId.values()].find(
      (o) => ATTACK_ACTORS.includes(o.type) && cites(o).some((c) => !names(o).includes(c)),
    );
    expect(flawed, "v18.1 has such an actor").toBeDefined();
    const obs = { ...observations[0], actor: { kind: "EXISTING" as const, stix: flawed! } };
    expect(validateBundle(build([obs]))).toEqual([]);
  });

  it("proposes a new actor with a provisional ATT&CK id, domains, version 1.0 and credit", () => {
    const b = build();
    const malware = b.objects.find((o) => o.type === "malware" && o.name === "GlassLoader")!;
    const identity = b.objects.find((o) => o.type === "identity")!;
    expect(malware).toMatchObject({
      is_family: true,
      x_mitre_domains: ["enterprise-attack"],
      x_mitre_version: "1.0",
      x_mitre_aliases: ["GlassLoader", "GlassLdr"],
      x_mitre_contributors: ["Sam Roe"],
      created_by_ref: identity.id,
      description: "GlassLoader is a .NET loader.",
    });
    const [first] = malware.external_references as Record<string, string>[];
    expect(first).toMatchObject({ source_name: "mitre-attack", external_id: "S0000" });
    expect(first.description).toMatch(/provisional/i);
    expect(first).not.toHaveProperty("url");
    expect(relFor(b, "OBS-000103")).toMatchObject({ source_ref: malware.id });
    expect(relFor(b, "OBS-000103").description).toMatch(/^GlassLoader used PowerShell/);
  });

  it("gives a proposed campaign the dates and citations the data model requires", () => {
    const campaign: ExportObservation = {
      ...observations[0],
      publicId: "OBS-000200",
      actor: { kind: "PROPOSED", type: "campaign", name: "Operation Glass", aliases: [], description: "" },
      observedFrom: new Date("2026-03-01T00:00:00.000Z"),
      observedTo: new Date("2026-06-30T00:00:00.000Z"),
    };
    const b = build([...observations, campaign]);
    expect(validateBundle(b)).toEqual([]);
    const c = b.objects.find((o) => o.type === "campaign")!;
    expect(c).toMatchObject({
      aliases: ["Operation Glass"],
      first_seen: "2026-03-01T00:00:00.000Z",
      last_seen: "2026-06-30T00:00:00.000Z",
      x_mitre_first_seen_citation: `(Citation: ${report.sourceName})`,
      external_references: [
        expect.objectContaining({ external_id: "C0000" }),
        expect.objectContaining({ url: report.url }),
      ],
    });
    const rel = b.objects.find((o) => o.type === "relationship" && o.source_ref === c.id)!;
    expect(rel.description).toMatch(/^During Operation Glass, threat actors used PowerShell/);
  });
});

describe("pairs ATT&CK already holds", () => {
  // APT28 → T1059.001 as ATT&CK v18.1 publishes it: the export adds to this relationship instead of a second one.
  let published: Stix;
  const existingOf = (r: Stix) => ({
    id: r.id,
    sourceRef: String(r.source_ref),
    targetRef: String(r.target_ref),
    description: String(r.description).trim(),
    references: r.external_references as { source_name: string; description: string; url?: string }[],
    created: String(r.created),
  });
  beforeAll(() => {
    const bundle = JSON.parse(readFileSync(ENTERPRISE, "utf8")) as { objects: Stix[] };
    published = bundle.objects.find(
      (o) =>
        o.type === "relationship" &&
        o.relationship_type === "uses" &&
        o.source_ref === attack("G0007").id &&
        o.target_ref === attack("T1059.001").id &&
        !o.revoked,
    )!;
  });

  it("exports an update of that relationship: same id and created, sentences appended, references merged", () => {
    const b = buildBundle(release, observations, options, { existing: [existingOf(published)] });
    expect(validateBundle(b)).toEqual([]);
    const rels = b.objects.filter(
      (o) => o.source_ref === attack("G0007").id && o.target_ref === attack("T1059.001").id,
    );
    expect(rels).toHaveLength(1);
    const [rel] = rels;
    expect(rel).toMatchObject({
      id: published.id,
      created: published.created,
      modified: release.frozenAt.toISOString(),
      created_by_ref: MITRE_IDENTITY,
    });
    expect(rel.description).toBe(
      `${String(published.description).trim()} [APT28](https://attack.mitre.org/groups/G0007) used PowerShell to ` +
        "download a second stage from a compromised WordPress site.(Citation: Example Labs APT28 November 2026) " +
        "[APT28](https://attack.mitre.org/groups/G0007) used PowerShell to stage archives.(Citation: Procedure Exchange OBS-000105)",
    );
    const names = (rel.external_references as { source_name: string }[]).map((r) => r.source_name);
    const theirs = (published.external_references as { source_name: string }[]).map((r) => r.source_name);
    expect(names).toEqual([...theirs, report.sourceName, "Procedure Exchange OBS-000105"]);
    // The other pairs are new: relationships of their own, authored by the platform.
    const others = b.objects.filter((o) => o.type === "relationship" && o.id !== published.id);
    expect(others).toHaveLength(3);
    for (const o of others) expect(o.created_by_ref).not.toBe(MITRE_IDENTITY);
  });

  it("repeats nothing ATT&CK already says: a sentence it holds adds nothing, and its pair is left out", () => {
    const said = String(published.description)
      .replace(/\(Citation: [^)]+\)/g, "")
      .trim();
    const sentence = said.replace(/^\[APT28\]\([^)]+\)\s*/, "");
    const same: ExportObservation = { ...observations[0], procedure: sentence, references: [] };
    const b = buildBundle(release, [same], options, { existing: [existingOf(published)] });
    expect(b.objects.filter((o) => o.type === "relationship")).toEqual([]);
    expect(validateBundle(b)).toEqual([]);
  });

  it("merges several observations of one new pair, dropping a sentence said twice", () => {
    const twice = [observations[0], { ...observations[0], publicId: "OBS-000199" }];
    const rels = build(twice).objects.filter((o) => o.type === "relationship");
    expect(rels).toHaveLength(1);
    expect(String(rels[0].description).match(/used PowerShell to download/g)).toHaveLength(1);
  });
});

describe("proposed actors", () => {
  const proposal = (publicId: string, name: string, aliases: string[] = []): ExportObservation => ({
    ...observations[2],
    publicId,
    actor: { kind: "PROPOSED", type: "intrusion-set", name, aliases, description: "" },
  });

  it("merges proposals that name the same actor by case, spacing or an alias", () => {
    const b = build([
      proposal("OBS-000301", "Night Owl"),
      proposal("OBS-000302", "night  owl"),
      proposal("OBS-000303", "NOWL", ["Night Owl"]),
      proposal("OBS-000304", "Day Owl"),
    ]);
    expect(validateBundle(b)).toEqual([]);
    const groups = b.objects.filter((o) => o.type === "intrusion-set");
    expect(groups.map((g) => g.name).sort()).toEqual(["Day Owl", "Night Owl"]);
    const night = groups.find((g) => g.name === "Night Owl")!;
    expect(night.aliases).toEqual(["Night Owl", "NOWL"]);
    const rels = b.objects.filter((o) => o.type === "relationship" && o.source_ref === night.id);
    expect(rels).toHaveLength(1);
  });

  it("carries the provisional ATT&CK id allocated to the proposal", () => {
    const b = buildBundle(release, [proposal("OBS-000301", "Night Owl")], options, {
      provisionalIds: new Map([["intrusion-set:night owl", "G9999"]]),
    });
    expect(validateBundle(b)).toEqual([]);
    const group = b.objects.find((o) => o.type === "intrusion-set")!;
    expect((group.external_references as { external_id?: string }[])[0].external_id).toBe("G9999");
  });
});

describe("determinism", () => {
  afterEach(() => vi.useRealTimers());

  it("gives byte-identical output for the same input, whatever the clock or input order", () => {
    vi.useFakeTimers({ now: new Date("2030-01-01T00:00:00Z") });
    const first = serializeBundle(build());
    vi.setSystemTime(new Date("2031-06-01T00:00:00Z"));
    expect(serializeBundle(build())).toBe(first);
    expect(serializeBundle(build([...observations].reverse()))).toBe(first);
    expect(first.endsWith("}\n")).toBe(true);
    expect(JSON.parse(first)).toEqual(build());
  });

  it("changes the bytes when the input changes, keeping ids tied to the observation", () => {
    const edited = observations.map((o, i) => (i === 0 ? { ...o, procedure: "used PowerShell to run a stager." } : o));
    const a = build();
    const b = build(edited);
    expect(serializeBundle(b)).not.toBe(serializeBundle(a));
    const ids = (x: StixBundle) => x.objects.map((o) => o.id);
    expect(ids(b)).toEqual(ids(a));
    const other = buildBundle({ ...release, id: "rel-2027-01" }, observations, options);
    expect(other.id).not.toBe(a.id);
    expect(other.objects[0].id).not.toBe(a.objects[0].id);
  });

  it("orders keys canonically even when the caller's objects come in another key order", () => {
    const shuffled = observations.map((o) =>
      o.actor.kind === "EXISTING"
        ? {
            ...o,
            actor: { kind: "EXISTING" as const, stix: Object.fromEntries(Object.entries(o.actor.stix).reverse()) },
          }
        : o,
    );
    expect(serializeBundle(build(shuffled))).toBe(serializeBundle(build()));
  });
});

describe("bumpMinor", () => {
  it("bumps the minor part numerically", () => {
    expect(bumpMinor("1.4")).toBe("1.5");
    expect(bumpMinor("1.13")).toBe("1.14");
    expect(bumpMinor("5")).toBe("5.1");
    expect(bumpMinor(undefined)).toBe("1.0");
  });
});
