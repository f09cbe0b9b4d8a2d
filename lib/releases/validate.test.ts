// A valid bundle built from real ATT&CK v18.1 objects, then broken one field at a time: every
// failure must name the object and the field.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildBundle, MITRE_IDENTITY } from "./stix";
import type { StixBundle, StixObject } from "./types";
import { validateBundle } from "./validate";
import { oasisValidator } from "./validate-oasis";

const ENTERPRISE = path.resolve(process.cwd(), "../shared/attack/enterprise-attack-18.1.json");
type Stix = Record<string, unknown> & { id: string; type: string };

let valid: StixBundle;
let rawApt28: Stix;

beforeAll(() => {
  const { objects } = JSON.parse(readFileSync(ENTERPRISE, "utf8")) as { objects: Stix[] };
  const find = (attackId: string) =>
    objects.find((o) => {
      const ref = (o.external_references as { source_name: string; external_id?: string }[] | undefined)?.[0];
      return ref?.source_name === "mitre-attack" && ref.external_id === attackId && !o.revoked;
    })!;
  rawApt28 = find("G0007");
  const t = find("T1059.001");
  const technique = { stixId: t.id, attackId: "T1059.001", name: String(t.name) };
  valid = buildBundle(
    {
      id: "rel-v",
      name: "Validation fixture",
      domain: "enterprise-attack",
      attackVersion: "18.1",
      frozenAt: new Date("2026-12-01T00:00:00Z"),
    },
    [
      {
        publicId: "OBS-000001",
        procedure: "used PowerShell to download a second stage.",
        references: [
          { sourceName: "Example Report 2026", url: "https://example.com/r", description: "Example. (2026). Report." },
        ],
        technique,
        actor: { kind: "EXISTING", stix: rawApt28 },
        credit: { mode: "named", name: "Jane Doe" },
        acceptedAt: new Date("2026-11-01T00:00:00Z"),
      },
      {
        publicId: "OBS-000002",
        procedure: "used PowerShell to list shares.",
        references: [],
        technique,
        actor: {
          kind: "PROPOSED",
          type: "tool",
          name: "ShareLister",
          aliases: [],
          description: "ShareLister lists shares.",
        },
        credit: { mode: "anonymous" },
        acceptedAt: new Date("2026-11-02T00:00:00Z"),
      },
    ],
    { baseUrl: "http://localhost:3000", identityName: "Procedure Exchange" },
  );
});

/** A deep copy of the valid bundle with one object changed. */
function broken(pick: (o: StixObject) => boolean, change: (o: StixObject) => void): { bundle: StixBundle; id: string } {
  const bundle = structuredClone(valid);
  const target = bundle.objects.find(pick)!;
  change(target);
  return { bundle, id: target.id };
}
const isRel = (o: StixObject) => o.type === "relationship";

describe("validateBundle", () => {
  it("accepts the exporter's bundle", () => {
    expect(validateBundle(valid)).toEqual([]);
  });

  it("names the relationship and source_ref when the source is not a valid actor id", () => {
    const { bundle, id } = broken(isRel, (r) => (r.source_ref = "intrusion-set--not-a-uuid"));
    // Both validators name the field: MITRE's data model, and the OASIS schema's identifier format.
    expect(validateBundle(bundle)).toEqual([
      expect.objectContaining({ objectId: id, type: "relationship", field: "source_ref" }),
      expect.objectContaining({
        objectId: id,
        type: "relationship",
        field: "source_ref",
        message: expect.stringMatching(/^OASIS STIX 2\.1 schema: /),
      }),
    ]);
  });

  it("rejects a technique as the source of uses", () => {
    const { bundle, id } = broken(isRel, (r) => (r.source_ref = r.target_ref));
    const [issue] = validateBundle(bundle);
    expect(issue).toMatchObject({ objectId: id, field: "source_ref" });
    expect(issue.message).toMatch(/source type/i);
  });

  it("names x_mitre_domains and x_mitre_version when they appear on a relationship", () => {
    const { bundle, id } = broken(isRel, (r) =>
      Object.assign(r, { x_mitre_domains: ["enterprise-attack"], x_mitre_version: "1.0" }),
    );
    expect(validateBundle(bundle).map((i) => [i.objectId, i.field])).toEqual([
      [id, "x_mitre_domains"],
      [id, "x_mitre_version"],
    ]);
  });

  it("insists on MITRE's identity in x_mitre_modified_by_ref", () => {
    const { bundle, id } = broken(isRel, (r) => (r.x_mitre_modified_by_ref = valid.objects[0].created_by_ref));
    expect(validateBundle(bundle)).toEqual([
      expect.objectContaining({ objectId: id, field: "x_mitre_modified_by_ref" }),
    ]);
    expect(MITRE_IDENTITY).toMatch(/^identity--c78cb6e5/);
  });

  it("names a missing required field on the credited group copy", () => {
    const { bundle, id } = broken(
      (o) => o.type === "intrusion-set",
      (g) => delete g.x_mitre_domains,
    );
    expect(id).toBe(rawApt28.id);
    expect(validateBundle(bundle)).toEqual([
      expect.objectContaining({ objectId: id, type: "intrusion-set", field: "x_mitre_domains" }),
    ]);
  });

  it("finds a citation with no external reference, and duplicate references", () => {
    const { bundle, id } = broken(isRel, (r) => {
      r.description += "(Citation: Nowhere 2026)";
      (r.external_references as unknown[]).push(structuredClone((r.external_references as unknown[])[0]));
    });
    const issues = validateBundle(bundle);
    expect(issues).toContainEqual(
      expect.objectContaining({ objectId: id, field: "description", message: expect.stringContaining("Nowhere 2026") }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ objectId: id, field: "external_references.1.source_name" }),
    );
  });

  it("reports an unknown object type, and an object the collection does not list", () => {
    const bundle = structuredClone(valid);
    bundle.objects.push({
      type: "sighting",
      id: "sighting--6b2a5a0c-56c6-4a8e-9f2a-3d6b0e7b2a11",
      spec_version: "2.1",
    });
    const issues = validateBundle(bundle);
    expect(issues).toContainEqual(
      expect.objectContaining({ objectId: "sighting--6b2a5a0c-56c6-4a8e-9f2a-3d6b0e7b2a11", field: "type" }),
    );
    expect(issues).toContainEqual(expect.objectContaining({ type: "x-mitre-collection", field: "x_mitre_contents" }));
  });

  it("checks x_mitre_contents against the versions in the bundle", () => {
    const { bundle, id } = broken(isRel, (r) => (r.modified = "2026-11-30T00:00:00.000Z"));
    const issues = validateBundle(bundle);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ objectId: bundle.objects[0].id, type: "x-mitre-collection" });
    expect(issues[0].field).toMatch(/^x_mitre_contents\.\d+\.object_modified$/);
    expect(issues[0].message).toContain(id);
  });

  it("rejects MITRE's published 2.0 layout as it is", () => {
    const { bundle } = broken(
      (o) => o.id === rawApt28.id,
      (g) => {
        for (const k of Object.keys(g)) delete g[k];
        Object.assign(g, structuredClone(rawApt28));
      },
    );
    expect(validateBundle(bundle)).toContainEqual(
      expect.objectContaining({ objectId: rawApt28.id, field: "spec_version" }),
    );
  });

  it("requires exactly one collection, first", () => {
    const none = structuredClone(valid);
    none.objects.shift();
    expect(validateBundle(none)).toContainEqual(expect.objectContaining({ type: "bundle", field: "objects" }));
    const late = structuredClone(valid);
    late.objects.push(late.objects.shift()!);
    expect(validateBundle(late)).toEqual([expect.objectContaining({ type: "bundle", field: "objects.0" })]);
  });

  it("reports something that is not a bundle instead of throwing", () => {
    expect(validateBundle(null)).toEqual([expect.objectContaining({ type: "bundle", field: "objects" })]);
    expect(validateBundle({ type: "bundle", id: "bundle--x", objects: [42] })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "id" }),
        expect.objectContaining({ field: "objects.0" }),
      ]),
    );
  });
  // Rules the OASIS STIX 2.1 schemas hold that MITRE's data model leaves to STIX: each failure names the object and
  // the field, with the schema's wording.
  describe("OASIS STIX 2.1 schemas", () => {
    const oasisIssues = (bundle: unknown) =>
      validateBundle(bundle).filter((i) => i.message.startsWith("OASIS STIX 2.1 schema: "));

    it("checks the timestamp format of every object, custom collection included", () => {
      const { bundle, id } = broken(
        (o) => o.type === "x-mitre-collection",
        (c) => (c.created = "2026-12-01 00:00:00"),
      );
      expect(oasisIssues(bundle)).toContainEqual(
        expect.objectContaining({ objectId: id, type: "x-mitre-collection", field: "created" }),
      );
    });

    it("names a required STIX property that is missing", () => {
      const { bundle, id } = broken(isRel, (r) => delete r.relationship_type);
      expect(oasisIssues(bundle)).toContainEqual(expect.objectContaining({ objectId: id, field: "relationship_type" }));
    });

    it("checks the bundle's envelope", () => {
      const bundle = { ...structuredClone(valid), id: "bundle--not-a-uuid" };
      expect(oasisIssues(bundle)).toContainEqual(expect.objectContaining({ type: "bundle", field: "id" }));
    });

    it("refuses, naming the setting, when the schemas are not where STIX_SCHEMAS_DIR says", () => {
      expect(() => oasisValidator("/nonexistent/stix-schemas")).toThrow(/STIX_SCHEMAS_DIR/);
    });
  });
});
