// changelog.json and changelog.md of an exported release (DESIGN §6 "Beside the bundle"): new procedure examples
// by technique and by actor, new objects, updated objects, contributors. Pure: same contents ⇒ same bytes.
import type { TActorRef, TExample, TReleaseContents, TTechniqueRef } from "./changelog-contents";

export const CHANGELOG_FORMAT = "procedure-exchange-changelog/1";

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

function groupBy<K extends string>(examples: TExample[], key: (e: TExample) => K): [K, TExample[]][] {
  const groups = new Map<K, TExample[]>();
  for (const e of examples) {
    const list = groups.get(key(e));
    if (list) list.push(e);
    else groups.set(key(e), [e]);
  }
  return [...groups].sort(([a], [b]) => compare(a, b));
}

const techniqueOut = (t: TTechniqueRef) => ({ id: t.attackId, name: t.name, stixId: t.stixId, url: t.url });
const actorOut = (a: TActorRef) => ({
  id: a.attackId,
  name: a.name,
  type: a.type,
  stixId: a.stixId,
  provisional: a.provisional,
  url: a.url,
});

export function changelogSummary(c: TReleaseContents) {
  return {
    procedureExamples: c.examples.length,
    techniques: new Set(c.examples.map((e) => e.technique.stixId)).size,
    actors: new Set(c.examples.map((e) => e.actor.stixId)).size,
    newRelationships: c.newRelationships.length,
    updatedRelationships: c.updatedRelationships.length,
    newObjects: c.newObjects.length,
    creditedObjects: c.creditedObjects.length,
    alreadyInAttack: c.alreadyInAttack,
  };
}

/** The JSON document: stable key order as written here, every list sorted. */
export function changelogJson(c: TReleaseContents, recordUrl: (publicId: string) => string) {
  const example = (e: TExample) => ({
    observation: e.publicId,
    record: recordUrl(e.publicId),
    relationship: e.relationship,
    change: e.change,
  });
  return {
    format: CHANGELOG_FORMAT,
    release: { ...c.release },
    summary: changelogSummary(c),
    byTechnique: groupBy(c.examples, (e) => e.technique.attackId).map(([, list]) => ({
      technique: techniqueOut(list[0].technique),
      examples: list.map((e) => ({ actor: actorOut(e.actor), ...example(e) })),
    })),
    byActor: groupBy(c.examples, (e) => e.actor.label).map(([, list]) => ({
      actor: actorOut(list[0].actor),
      examples: [...list]
        .sort((a, b) => compare(a.technique.attackId, b.technique.attackId) || compare(a.publicId, b.publicId))
        .map((e) => ({ technique: techniqueOut(e.technique), ...example(e) })),
    })),
    newObjects: c.newObjects.map((o) => ({ ...actorOut(o), aliases: o.aliases })),
    updatedObjects: {
      relationships: c.updatedRelationships.map((r) => ({
        stixId: r.stixId,
        actor: actorOut(r.actor),
        technique: techniqueOut(r.technique),
      })),
      credited: c.creditedObjects.map((o) => ({ ...actorOut(o), version: o.version })),
    },
    contributors: { named: [...c.contributors.named], anonymous: c.contributors.anonymous },
  };
}

export function serializeChangelogJson(c: TReleaseContents, recordUrl: (publicId: string) => string): string {
  return `${JSON.stringify(changelogJson(c, recordUrl), null, 2)}\n`;
}

// Names come from contributors (proposed actors, credits) as well as from ATT&CK: inline Markdown and HTML in them
// must read as text, not as links, emphasis or tags.
export function mdText(text: string): string {
  return text.replace(/\s+/g, " ").replace(/[\\`*_[\]<>|~#&]/g, (ch) => `\\${ch}`);
}

const mdLink = (text: string, url: string | null) => (url ? `[${mdText(text)}](<${url}>)` : mdText(text));
const actorMd = (a: TActorRef) => `${mdLink(a.label, a.url)}${a.provisional ? " (proposed; provisional ID)" : ""}`;

export function changelogMarkdown(c: TReleaseContents, recordUrl: (publicId: string) => string): string {
  const s = changelogSummary(c);
  const r = c.release;
  const record = (e: TExample) => `[${e.publicId}](<${recordUrl(e.publicId)}>)`;
  const change = (e: TExample) => (e.change === "update" ? "adds to ATT&CK's relationship" : "new relationship");
  const lines: string[] = [
    `# ${mdText(r.name)}: changelog`,
    "",
    `ATT&CK ${mdText(r.domain)} v${mdText(r.attackVersion)} · exported ${r.exportedAt.slice(0, 10)} · bundle sha256 \`${r.sha256}\``,
    "",
    `${plural(s.procedureExamples, "new procedure example")} for ${plural(s.techniques, "technique")} and ` +
      `${plural(s.actors, "actor")}: ${plural(s.newRelationships, "new relationship")}, ` +
      `${plural(s.updatedRelationships, "update")} of ATT&CK's own; ${plural(s.newObjects, "proposed new object")}, ` +
      `${plural(s.creditedObjects, "existing object")} credited.` +
      (s.alreadyInAttack
        ? ` ${plural(s.alreadyInAttack, "observation")} added nothing ATT&CK did not already say.`
        : ""),
    "",
    "## New procedure examples by technique",
    "",
  ];
  if (c.examples.length === 0) lines.push("None.", "");
  for (const [, list] of groupBy(c.examples, (e) => e.technique.attackId)) {
    lines.push(`### ${mdLink(list[0].technique.label, list[0].technique.url)}`, "");
    for (const e of list) lines.push(`- ${actorMd(e.actor)}: ${record(e)} (${change(e)})`);
    lines.push("");
  }
  lines.push("## New procedure examples by actor", "");
  if (c.examples.length === 0) lines.push("None.", "");
  for (const [, list] of groupBy(c.examples, (e) => e.actor.label)) {
    lines.push(`### ${actorMd(list[0].actor)}`, "");
    const sorted = [...list].sort(
      (a, b) => compare(a.technique.attackId, b.technique.attackId) || compare(a.publicId, b.publicId),
    );
    for (const e of sorted) lines.push(`- ${mdLink(e.technique.label, e.technique.url)}: ${record(e)}`);
    lines.push("");
  }
  lines.push("## New objects", "");
  if (c.newObjects.length === 0) lines.push("None.");
  for (const o of c.newObjects) {
    const aliases = o.aliases.filter((a) => a !== o.name);
    lines.push(
      `- ${mdText(o.label)} (${o.type}; provisional ID, MITRE assigns the real one)` +
        (aliases.length ? `, also known as ${aliases.map(mdText).join(", ")}` : ""),
    );
  }
  lines.push("", "## Updated objects", "", "Relationships ATT&CK already has, with new procedure text appended:", "");
  if (c.updatedRelationships.length === 0) lines.push("- None.");
  for (const u of c.updatedRelationships) {
    lines.push(`- ${mdText(u.actor.label)} uses ${mdText(u.technique.label)} (\`${u.stixId}\`)`);
  }
  lines.push("", "Existing objects credited to contributors (x_mitre_contributors, minor version bump):", "");
  if (c.creditedObjects.length === 0) lines.push("- None.");
  for (const o of c.creditedObjects) lines.push(`- ${mdLink(o.label, o.url)}, version ${mdText(o.version)}`);
  lines.push("", "## Contributors to this release", "");
  const { named, anonymous } = c.contributors;
  if (named.length === 0 && anonymous === 0) lines.push("None.");
  for (const name of named) lines.push(`- ${mdText(name)}`);
  if (anonymous > 0) {
    lines.push(`${named.length ? "\n" : ""}And ${plural(anonymous, "anonymous contributor")}.`);
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
