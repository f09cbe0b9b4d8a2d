// The changelog of a release built by the real exporter from real ATT&CK v18.1 objects (changelog.fixture.ts).
import { describe, expect, it } from "vitest";
import { changelogJson, changelogMarkdown, mdText, serializeChangelogJson } from "./changelog";
import { releaseContents, type TChangelogObservation } from "./changelog-contents";
import { changelogFixture } from "./changelog.fixture";
import type { StixBundle } from "./types";

const record = (id: string) => `http://localhost:3000/o/${id}`;
const contents = (observations: TChangelogObservation[], bundle?: StixBundle) => {
  const f = changelogFixture();
  return releaseContents(f.release, bundle ?? f.bundle, observations);
};
const both = (c: ReturnType<typeof contents>) => serializeChangelogJson(c, record) + changelogMarkdown(c, record);

describe("changelog", () => {
  it("groups the new procedure examples by technique and by actor, new and updated relationships apart", () => {
    const f = changelogFixture();
    const json = changelogJson(contents([...f.published, ...f.hidden]), record);
    expect(
      json.byTechnique.map((t) => [t.technique.id, t.technique.name, t.examples.map((e) => e.observation)]),
    ).toEqual([
      ["T1003.001", "OS Credential Dumping: LSASS Memory", ["OBS-000102"]],
      ["T1059.001", "Command and Scripting Interpreter: PowerShell", ["OBS-000101", "OBS-000103"]],
      ["T1105", "Ingress Tool Transfer", ["OBS-000105", "OBS-000104"]],
    ]);
    expect(json.byActor.map((a) => [a.actor.id, a.actor.name, a.examples.map((e) => e.technique.id)])).toEqual([
      ["G0007", "APT28", ["T1059.001", "T1105"]],
      ["S0154", "Cobalt Strike", ["T1003.001"]],
      ["S9999", "GlassLoader", ["T1059.001", "T1105"]],
    ]);
    // APT28 → PowerShell is ATT&CK's own relationship, updated: the example names it and says so.
    const apt28 = json.byActor[0].examples[0];
    expect(apt28).toMatchObject({ change: "update", relationship: f.powershellToApt28, record: record("OBS-000101") });
    expect(json.byActor[2].examples.every((e) => e.change === "new")).toBe(true);
    expect(json.summary).toEqual({
      procedureExamples: 5,
      techniques: 3,
      actors: 3,
      newRelationships: 4,
      updatedRelationships: 1,
      newObjects: 1,
      creditedObjects: 2,
      alreadyInAttack: 0,
    });
    // Every relationship named is in the bundle, and the relationship counts are the bundle's.
    const relationships = f.bundle.objects.filter((o) => o.type === "relationship").map((o) => o.id);
    for (const t of json.byTechnique) for (const e of t.examples) expect(relationships).toContain(e.relationship);
    expect(json.summary.newRelationships + json.summary.updatedRelationships).toBe(relationships.length);
  });

  it("lists the proposed actor with its provisional ID, and the updated relationship and credited copies", () => {
    const f = changelogFixture();
    const json = changelogJson(contents(f.published), record);
    expect(json.newObjects).toEqual([
      expect.objectContaining({ id: "S9999", name: "GlassLoader", type: "malware", provisional: true, url: null }),
    ]);
    expect(json.newObjects[0].aliases).toEqual(["GlassLoader", "GlassLdr"]);
    expect(json.updatedObjects.relationships).toEqual([
      expect.objectContaining({ stixId: f.powershellToApt28, actor: expect.objectContaining({ id: "G0007" }) }),
    ]);
    expect(json.updatedObjects.credited.map((o) => [o.id, o.version])).toEqual([
      ["G0007", "5.3"],
      ["S0154", "1.14"],
    ]);
  });

  it("names the credits the bundle carries, sorted, and only counts the anonymous contributors", () => {
    const f = changelogFixture();
    const json = changelogJson(contents(f.published), record);
    // Jane is named for one observation and anonymous for another: named, not counted; c-anon is counted.
    expect(json.contributors).toEqual({ named: ["Acme CERT", "Jane Doe, Example Labs", "Sam Roe"], anonymous: 1 });
    const md = changelogMarkdown(contents(f.published), record);
    expect(md).toContain("## Contributors to this release\n\n- Acme CERT\n- Jane Doe, Example Labs\n- Sam Roe\n");
    expect(md).toContain("And 1 anonymous contributor.");
    expect(md).not.toContain("Al Poe"); // chose their organization only

    // A credit the bundle does not carry (the profile changed after the export) is not named: counted instead.
    const renamed = f.published.map((o) => (o.publicId === "OBS-000103" ? { ...o, credit: "Samantha Roe" } : o));
    expect(changelogJson(contents(renamed), record).contributors).toEqual({
      named: ["Acme CERT", "Jane Doe, Example Labs"],
      anonymous: 2,
    });
  });

  it("never shows a GREEN, AMBER, unattributed or unpublished observation, nor counts it", () => {
    const f = changelogFixture();
    const clean = both(contents(f.published));
    const withHidden = both(contents([...f.hidden, ...f.published]));
    expect(withHidden).toBe(clean);
    for (const o of f.hidden) expect(withHidden).not.toContain(o.publicId);
    for (const name of ["Green Person", "Amber Person"]) expect(withHidden).not.toContain(name);
    // Alone, they make an empty changelog (the bundle's objects are listed, but no observation and no contributor).
    const json = changelogJson(contents(f.hidden), record);
    expect(json.byTechnique).toEqual([]);
    expect(json.contributors).toEqual({ named: [], anonymous: 0 });
  });

  it("is deterministic: the order of observations and of bundle objects changes no byte", () => {
    const f = changelogFixture();
    const shuffled = { ...f.bundle, objects: [...f.bundle.objects].reverse() };
    expect(both(contents([...f.published].reverse(), shuffled))).toBe(both(contents(f.published)));
    expect(both(contents(f.published))).toBe(both(contents(f.published)));
  });

  it("counts a published observation whose sentence ATT&CK already had, and lists nothing of it", () => {
    const f = changelogFixture();
    const withoutRel = {
      ...f.bundle,
      objects: f.bundle.objects.filter((o) => o.id !== f.powershellToApt28),
    };
    const json = changelogJson(contents(f.published, withoutRel), record);
    expect(json.summary.alreadyInAttack).toBe(1);
    expect(JSON.stringify(json.byTechnique)).not.toContain("OBS-000101");
    expect(json.contributors.named).toContain("Jane Doe, Example Labs"); // still credited on APT28's copy
  });

  it("writes Markdown in which contributors' names cannot become links, emphasis or HTML", () => {
    expect(mdText("[click](https://evil.example) <img src=x> *bold* a_b `c`")).toBe(
      "\\[click\\](https://evil.example) \\<img src=x\\> \\*bold\\* a\\_b \\`c\\`",
    );
    const f = changelogFixture();
    const evil = f.published.map((o) =>
      o.publicId === "OBS-000103" ? { ...o, credit: "[x](https://evil.example)" } : o,
    );
    const bundle = JSON.parse(JSON.stringify(f.bundle).replaceAll('"Sam Roe"', '"[x](https://evil.example)"'));
    const md = changelogMarkdown(contents(evil, bundle), record);
    expect(md).toContain("- \\[x\\](https://evil.example)\n");
    expect(md).toMatch(/^# Community additions 2026-12: changelog\n/);
    expect(md).toContain("ATT&CK enterprise-attack v18.1 · exported 2026-12-01 · bundle sha256 `abab");
    expect(md).toContain(
      "### [T1059.001 Command and Scripting Interpreter: PowerShell](<https://attack.mitre.org/techniques/T1059/001>)",
    );
  });
});
