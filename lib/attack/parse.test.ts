import { describe, expect, it } from "vitest";
import { parseBundle, parseBundleText, versionFromName, type StixObject } from "./parse";

// Tiny bundles in both published layouts. Shapes copied from the official files (field names,
// reference layout), contents invented.
const MITRE = "identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5";

function ref(id: string, path: string, source = "mitre-attack") {
  return [{ source_name: source, url: `https://attack.mitre.org/${path}`, external_id: id }];
}

function objects(layout: "2.0" | "2.1"): StixObject[] {
  const spec = layout === "2.1" ? { spec_version: "2.1" } : {};
  const base = { ...spec, created_by_ref: MITRE, created: "2020-01-01T00:00:00.000Z" };
  return [
    { type: "identity", id: MITRE, ...spec, name: "The MITRE Corporation" },
    {
      ...base,
      type: "attack-pattern",
      id: "attack-pattern--parent",
      name: "Command and Scripting Interpreter",
      description: "Parent.",
      modified: "2025-10-24T17:49:07.660Z",
      external_references: ref("T1059", "techniques/T1059"),
      kill_chain_phases: [{ kill_chain_name: "mitre-attack", phase_name: "execution" }],
      x_mitre_is_subtechnique: false,
      x_mitre_platforms: ["Linux", "Windows"],
      x_mitre_domains: ["enterprise-attack"],
      x_mitre_version: "2.6",
    },
    {
      ...base,
      type: "attack-pattern",
      id: "attack-pattern--sub",
      name: "PowerShell",
      modified: "2025-10-24T17:49:07.660Z",
      external_references: [...ref("T1059.001", "techniques/T1059/001"), { source_name: "Some report", url: "x" }],
      kill_chain_phases: [
        { kill_chain_name: "mitre-attack", phase_name: "execution" },
        { kill_chain_name: "other-chain", phase_name: "ignored" },
      ],
      x_mitre_is_subtechnique: true,
      x_mitre_platforms: ["Windows"],
      x_mitre_domains: ["enterprise-attack"],
    },
    {
      ...base,
      type: "attack-pattern",
      id: "attack-pattern--revoked",
      name: "Old Technique",
      revoked: true,
      modified: "2020-01-01T00:00:00.000Z",
      external_references: ref("T1066", "techniques/T1066"),
      x_mitre_domains: ["enterprise-attack"],
    },
    {
      ...base,
      type: "attack-pattern",
      id: "attack-pattern--deprecated",
      name: "Deprecated Technique",
      x_mitre_deprecated: true,
      modified: "2020-01-01T00:00:00.000Z",
      external_references: ref("T0850", "techniques/T0850", "mitre-ics-attack"),
      x_mitre_domains: ["enterprise-attack"],
    },
    {
      ...base,
      type: "x-mitre-tactic",
      id: "x-mitre-tactic--exec",
      name: "Execution",
      modified: "2025-01-01T00:00:00.000Z",
      external_references: ref("TA0002", "tactics/TA0002"),
      x_mitre_shortname: "execution",
      x_mitre_domains: ["enterprise-attack"],
    },
    {
      ...base,
      type: "intrusion-set",
      id: "intrusion-set--apt28",
      name: "APT28",
      aliases: ["APT28", "Fancy Bear"],
      modified: "2025-03-10T20:15:06.958Z",
      external_references: ref("G0007", "groups/G0007"),
      x_mitre_domains: ["enterprise-attack", "mobile-attack"],
      x_mitre_version: "5.2",
    },
    {
      ...base,
      type: "malware",
      id: "malware--hdoor",
      name: "HDoor",
      ...(layout === "2.1" ? { is_family: true } : { labels: ["malware"] }),
      x_mitre_aliases: ["HDoor", "Custom HDoor"],
      x_mitre_platforms: ["Windows"],
      modified: "2025-04-16T20:37:51.573Z",
      external_references: ref("S0061", "software/S0061"),
      x_mitre_domains: ["enterprise-attack"],
    },
    {
      ...base,
      type: "tool",
      id: "tool--ps",
      name: "PsExec",
      modified: "2025-04-16T20:37:51.573Z",
      external_references: ref("S0029", "software/S0029"),
      x_mitre_domains: ["enterprise-attack"],
    },
    {
      ...base,
      type: "campaign",
      id: "campaign--c1",
      name: "Operation X",
      aliases: ["Operation X"],
      modified: "2025-04-16T20:37:51.573Z",
      external_references: ref("C0022", "campaigns/C0022"),
      x_mitre_domains: ["enterprise-attack"],
    },
    {
      ...base,
      type: "course-of-action",
      id: "course-of-action--m1",
      name: "Mitigation",
      x_mitre_domains: ["enterprise-attack"],
    },
    {
      ...rel(
        "relationship--ok",
        "intrusion-set--apt28",
        "attack-pattern--sub",
        "  [APT28](https://attack.mitre.org/groups/G0007) has used PowerShell.(Citation: Unit42 Sofacy) \n",
      ),
      created: "2018-01-16T16:13:52.465Z",
      external_references: [
        { source_name: "Unit42 Sofacy", description: "Falcone, R. (2018). Sofacy.", url: "https://example.org/sofacy" },
      ],
    },
    rel("relationship--malware", "malware--hdoor", "attack-pattern--parent", "HDoor runs commands."),
    { ...rel("relationship--revoked", "tool--ps", "attack-pattern--sub", "x"), revoked: true },
    { ...rel("relationship--deprecated", "tool--ps", "attack-pattern--sub", "x"), x_mitre_deprecated: true },
    rel("relationship--not-technique", "intrusion-set--apt28", "malware--hdoor", "APT28 uses HDoor."),
    {
      ...rel("relationship--mitigates", "course-of-action--m1", "attack-pattern--sub", "x"),
      relationship_type: "mitigates",
    },
  ];
}

function rel(id: string, source: string, target: string, description: string): StixObject {
  return { type: "relationship", id, relationship_type: "uses", source_ref: source, target_ref: target, description };
}

function bundle20(): Record<string, unknown> {
  return { type: "bundle", id: "bundle--1", spec_version: "2.0", objects: objects("2.0") };
}

function bundle21(collection: Record<string, unknown> = {}): Record<string, unknown> {
  const coll = {
    type: "x-mitre-collection",
    id: "x-mitre-collection--1f5f1533-f617-4ca8-9ab4-6a02367fa019",
    spec_version: "2.1",
    name: "Enterprise ATT&CK",
    x_mitre_version: "18.1",
    x_mitre_contents: [],
    ...collection,
  };
  return { type: "bundle", id: "bundle--2", objects: [coll, ...objects("2.1")] };
}

describe("parseBundle", () => {
  it("reads the STIX 2.0 layout, taking the version from the file name", () => {
    const catalog = parseBundle(bundle20(), { fileName: "enterprise-attack-18.1.json" });
    expect(catalog).toMatchObject({ domain: "enterprise-attack", version: "18.1", layout: "stix-2.0" });
    expect(catalog.bundleObjects).toBe(17);
    expect(catalog.objects.map((o) => [o.attackId, o.kind])).toEqual([
      ["T1059", "technique"],
      ["T1059.001", "technique"],
      ["T1066", "technique"],
      ["T0850", "technique"],
      ["TA0002", "tactic"],
      ["G0007", "group"],
      ["S0061", "software"],
      ["S0029", "software"],
      ["C0022", "campaign"],
    ]);
  });

  it("reads the STIX 2.1 layout, taking domain and version from the collection", () => {
    const catalog = parseBundle(bundle21(), { fileName: "whatever.json" });
    expect(catalog).toMatchObject({ domain: "enterprise-attack", version: "18.1", layout: "stix-2.1" });
    expect(catalog.objects).toHaveLength(9);
    expect(catalog.procedures).toHaveLength(2);
    const malware = catalog.objects.find((o) => o.attackId === "S0061");
    expect(malware?.stix).toMatchObject({ spec_version: "2.1", is_family: true });
  });

  it("maps fields the way the model expects", () => {
    const { objects: rows } = parseBundle(bundle20(), { version: "18.1" });
    const byId = new Map(rows.map((o) => [o.attackId, o]));
    expect(byId.get("T1059.001")).toMatchObject({
      stixId: "attack-pattern--sub",
      stixType: "attack-pattern",
      name: "PowerShell",
      description: "",
      url: "https://attack.mitre.org/techniques/T1059/001",
      tactics: ["execution"],
      platforms: ["Windows"],
      isSubtechnique: true,
      parentAttackId: "T1059",
      revoked: false,
      deprecated: false,
      version: null,
    });
    expect(byId.get("T1059")).toMatchObject({ isSubtechnique: false, parentAttackId: null, version: "2.6" });
    expect(byId.get("T1059")?.modified.toISOString()).toBe("2025-10-24T17:49:07.660Z");
    expect(byId.get("T1066")).toMatchObject({ revoked: true, deprecated: false });
    // Old ICS/mobile objects only carry the per-domain source name.
    expect(byId.get("T0850")).toMatchObject({ revoked: false, deprecated: true });
    expect(byId.get("TA0002")).toMatchObject({ tactics: ["execution"] });
    expect(byId.get("G0007")).toMatchObject({ aliases: ["APT28", "Fancy Bear"], version: "5.2" });
    expect(byId.get("S0061")).toMatchObject({ aliases: ["HDoor", "Custom HDoor"], stixType: "malware" });
    expect(byId.get("S0029")).toMatchObject({ aliases: [], stixType: "tool" });
    expect(byId.get("C0022")?.stix).toMatchObject({ type: "campaign", id: "campaign--c1" });
  });

  it("names a revoked object's replacement from its revoked-by relationship", () => {
    const b = bundle20();
    const revokedBy = (id: string, from: string, to: string) => ({
      ...rel(id, from, to, ""),
      relationship_type: "revoked-by",
    });
    (b.objects as StixObject[]).push(
      revokedBy("relationship--revoked-by", "attack-pattern--revoked", "attack-pattern--sub"),
      // A stray revoked-by on a live object must not mark it replaced.
      revokedBy("relationship--stray", "attack-pattern--parent", "attack-pattern--sub"),
    );
    const { objects, procedures } = parseBundle(b, { version: "18.1" });
    const byId = new Map(objects.map((o) => [o.attackId, o]));
    expect(byId.get("T1066")).toMatchObject({ revoked: true, revokedBy: "attack-pattern--sub" });
    expect(byId.get("T1059")?.revokedBy).toBeNull();
    expect(procedures.map((p) => p.stixId)).toEqual(["relationship--ok", "relationship--malware"]);
  });

  it("keeps active uses-to-technique relationships, with trimmed descriptions and their citation texts", () => {
    const { procedures } = parseBundle(bundle20(), { version: "18.1" });
    expect(procedures).toEqual([
      {
        domain: "enterprise-attack",
        stixId: "relationship--ok",
        sourceRef: "intrusion-set--apt28",
        targetRef: "attack-pattern--sub",
        description: "[APT28](https://attack.mitre.org/groups/G0007) has used PowerShell.(Citation: Unit42 Sofacy)",
        references: [
          {
            sourceName: "Unit42 Sofacy",
            description: "Falcone, R. (2018). Sofacy.",
            url: "https://example.org/sofacy",
          },
        ],
        // Kept as published: an export adding to this pair updates the relationship (lib/releases/stix.ts).
        created: "2018-01-16T16:13:52.465Z",
      },
      {
        domain: "enterprise-attack",
        stixId: "relationship--malware",
        sourceRef: "malware--hdoor",
        targetRef: "attack-pattern--parent",
        description: "HDoor runs commands.",
        references: [],
        created: null,
      },
    ]);
  });

  it("keeps the newest copy of an object listed twice", () => {
    const b = bundle20();
    const list = b.objects as StixObject[];
    list.push({
      ...list.find((o) => o.id === "intrusion-set--apt28")!,
      name: "APT28 (new)",
      modified: "2026-01-01T00:00:00.000Z",
    });
    const rows = parseBundle(b, { version: "18.1" }).objects.filter((o) => o.stixId === "intrusion-set--apt28");
    expect(rows.map((o) => o.name)).toEqual(["APT28 (new)"]);
  });

  it("tells the domain from x_mitre_domains when there is no collection", () => {
    const b = bundle20();
    for (const o of b.objects as StixObject[]) if (o.x_mitre_domains) o.x_mitre_domains = ["mobile-attack"];
    expect(parseBundle(b, { fileName: "mobile-attack-18.1.json" }).domain).toBe("mobile-attack");
    expect(parseBundle(bundle21({ name: "ICS ATT&CK" })).domain).toBe("ics-attack");
  });

  it("takes the version from the collection, then the file name, then the option", () => {
    expect(parseBundle(bundle21(), { fileName: "enterprise-attack.json" }).version).toBe("18.1");
    expect(parseBundle(bundle20(), { fileName: "enterprise-attack-17.1.json" }).version).toBe("17.1");
    expect(parseBundle(bundle20(), { fileName: "enterprise-attack.json", version: "v16.0" }).version).toBe("16.0");
    expect(parseBundle(bundle20(), { version: "18.1" }).version).toBe("18.1");
  });

  it("refuses a --version that contradicts the bundle or its name", () => {
    expect(() => parseBundle(bundle21(), { version: "17.1" })).toThrow(/contradicts the bundle's x-mitre-collection/);
    expect(() => parseBundle(bundle20(), { fileName: "enterprise-attack-18.1.json", version: "17.1" })).toThrow(
      /contradicts the file name, which says 18.1/,
    );
    expect(() => parseBundle(bundle20(), { version: "latest" })).toThrow(/not an ATT&CK version/);
  });

  it("asks for --version when nothing tells the version", () => {
    expect(() => parseBundle(bundle20(), { fileName: "enterprise-attack.json" })).toThrow(/Pass --version/);
    expect(() => parseBundle(bundle20())).toThrow(/Pass --version/);
  });

  it("rejects what is not an ATT&CK bundle", () => {
    expect(() => parseBundle([1, 2])).toThrow(/not a STIX bundle/);
    expect(() => parseBundle({ type: "indicator", id: "x" })).toThrow(/not a STIX bundle/);
    expect(() =>
      parseBundle({ type: "bundle", id: "bundle--x", objects: [{ type: "indicator", id: "indicator--1" }] }),
    ).toThrow(/holds no ATT&CK techniques/);
    expect(() => parseBundleText("{ nope", { fileName: "x.json" })).toThrow(/"x.json" is not JSON/);
  });
});

describe("versionFromName", () => {
  it.each([
    ["enterprise-attack-18.1.json", "18.1"],
    ["/data/ics-attack-17.0.json", "17.0"],
    [
      "https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/enterprise-attack/enterprise-attack-18.1.json",
      "18.1",
    ],
    ["https://raw.githubusercontent.com/mitre/cti/ATT%26CK-v18.1/enterprise-attack/enterprise-attack.json", "18.1"],
    ["enterprise-attack.json", null],
    ["enterprise-attack-18.1.json.bak", null],
  ])("%s → %s", (name, version) => {
    expect(versionFromName(name)).toBe(version);
  });
});
