import { describe, expect, it } from "vitest";
import {
  buildSuggestIndex,
  checkMapping,
  exampleWording,
  SUGGEST_MAX,
  suggestTechniques,
  terms,
  type SuggestExampleRow,
  type SuggestTechniqueRow,
} from "./suggest";

const D = "enterprise-attack";
const technique = (attackId: string, name: string, description: string, extra: Partial<SuggestTechniqueRow> = {}) => ({
  domain: D,
  stixId: `attack-pattern--${attackId}`,
  attackId,
  name,
  description,
  isSubtechnique: attackId.includes("."),
  parentAttackId: attackId.includes(".") ? attackId.split(".")[0]! : null,
  revoked: false,
  deprecated: false,
  ...extra,
});

const TECHNIQUES: SuggestTechniqueRow[] = [
  technique("T1059", "Command and Scripting Interpreter", "Adversaries may abuse command and script interpreters."),
  technique("T1059.001", "PowerShell", "Adversaries may abuse PowerShell commands and scripts for execution."),
  technique("T1003", "OS Credential Dumping", "Adversaries may attempt to dump credentials."),
  technique(
    "T1003.001",
    "LSASS Memory",
    "Adversaries may access credential material stored in the LSASS process memory.",
  ),
  technique("T1053.005", "Scheduled Task", "Adversaries may abuse the Windows Task Scheduler.", {
    parentAttackId: "T1053",
  }),
  technique("T1086", "PowerShell", "Revoked: PowerShell.", { revoked: true }),
  technique("T1500", "Compile After Delivery", "Deprecated: compile code after delivery.", { deprecated: true }),
];

const link = (name: string, path: string) => `[${name}](https://attack.mitre.org/${path})`;
const example = (attackId: string, description: string, actorNames: string[] = []): SuggestExampleRow => ({
  domain: D,
  targetRef: `attack-pattern--${attackId}`,
  description,
  actorNames,
});

const EXAMPLES: SuggestExampleRow[] = [
  example(
    "T1059.001",
    `${link("APT29", "groups/G0016")} has used encoded PowerShell scripts to download a backdoor.(Citation: A)`,
    ["APT29", "Cozy Bear"],
  ),
  example("T1059.001", `${link("FIN7", "groups/G0046")} used PowerShell to run a loader in memory.(Citation: B)`, [
    "FIN7",
  ]),
  example(
    "T1003.001",
    `${link("Mimikatz", "software/S0002")} reads credentials from LSASS memory with sekurlsa.(Citation: C)`,
  ),
  example("T1003.001", `${link("APT28", "groups/G0007")} dumped the lsass process with procdump.(Citation: D)`, [
    "APT28",
  ]),
  example(
    "T1053.005",
    `${link("APT29", "groups/G0016")} created a scheduled task with schtasks to run at logon. Cozy Bear did it twice.`,
    ["APT29", "Cozy Bear"],
  ),
  // Examples of revoked or deprecated techniques never count.
  example("T1086", `${link("APT3", "groups/G0022")} used powershell downloads.`),
  example("T1500", `${link("Gamaredon", "groups/G0047")} compiled a payload after delivery with csc.`),
];

const index = buildSuggestIndex(TECHNIQUES, EXAMPLES);
const suggest = (text: string, domain?: string) => suggestTechniques(index, { text, domain });

describe("exampleWording", () => {
  it("drops the leading actor link, the actor's names and citations; keeps other links' text", () => {
    const wording = exampleWording(EXAMPLES[4]!.description, EXAMPLES[4]!.actorNames);
    expect(wording).not.toMatch(/APT29|Cozy Bear|attack\.mitre\.org/);
    expect(exampleWording(EXAMPLES[2]!.description)).toContain("reads credentials from LSASS memory");
    expect(exampleWording(EXAMPLES[0]!.description)).not.toContain("Citation");
  });

  it("never stems the actor out of a longer word", () => {
    expect(exampleWording("FIN7 and FIN75 ran", ["FIN7"])).toBe("  and FIN75 ran");
  });
});

describe("suggestTechniques", () => {
  it("ranks the technique whose examples and description match, with a score and a reason", () => {
    const [first, ...rest] = suggest("The actor ran an encoded PowerShell script that downloaded a second stage.");
    expect(first).toMatchObject({
      technique: "T1059.001",
      stixId: "attack-pattern--T1059.001",
      name: "Command and Scripting Interpreter: PowerShell",
      domain: D,
    });
    expect(first!.score).toBeGreaterThan(0);
    expect(first!.score).toBeLessThanOrEqual(1);
    expect(first!.why).toMatch(/closest ATT&CK procedure examples/);
    expect(first!.why).toMatch(/“powershell”/);
    expect(rest.every((s) => s.score <= first!.score)).toBe(true);
  });

  it("lends a sub-technique's evidence to its parent", () => {
    const ids = suggest("dumped credentials from lsass memory using procdump").map((s) => s.technique);
    expect(ids[0]).toBe("T1003.001");
    expect(ids).toContain("T1003");
  });

  it("never suggests a revoked or deprecated technique, even when only its examples match", () => {
    const all = [
      ...suggest("used powershell downloads"),
      ...suggest("compiled a payload after delivery with csc"),
      ...suggest("Revoked Deprecated"),
    ];
    expect(all.map((s) => s.technique)).not.toContain("T1086");
    expect(all.map((s) => s.technique)).not.toContain("T1500");
  });

  it("does not match on an actor's name", () => {
    expect(suggest("Cozy Bear")).toEqual([]);
  });

  it("returns nothing for empty, stop-word-only or unknown text, and at most SUGGEST_MAX", () => {
    expect(suggest("")).toEqual([]);
    expect(suggest("   \n\t ")).toEqual([]);
    expect(suggest("it was the one that they had")).toEqual([]);
    expect(suggest("qwzx vbnm plokij")).toEqual([]);
    expect(suggest("🙂🙂🙂 ### 12345")).toEqual([]);
    const many = suggestTechniques(index, { text: "powershell lsass scheduled task credentials scripts", limit: 50 });
    expect(many.length).toBeLessThanOrEqual(SUGGEST_MAX);
  });

  it("keeps to the asked domain", () => {
    expect(suggest("powershell", "mobile-attack")).toEqual([]);
    expect(suggest("powershell", D).length).toBeGreaterThan(0);
  });

  it("counts the indexed techniques and examples without the revoked and deprecated ones", () => {
    expect(index.techniques).toBe(5);
    expect(index.examples).toBe(5);
  });

  it("stems words so tenses match", () => {
    expect(terms("scheduled tasks")).toEqual(terms("schedules a task"));
  });
});

describe("checkMapping", () => {
  const s = (...ids: string[]) => ids.map((technique) => ({ technique }));
  it("agrees when the chosen technique, its parent or a sub-technique of it is in the top five", () => {
    expect(checkMapping(s("T1003.001", "T1059.001"), "T1059.001")).toEqual({ rank: 2, likelyMismapped: false });
    expect(checkMapping(s("T1059"), "T1059.001")).toEqual({ rank: 1, likelyMismapped: false });
    expect(checkMapping(s("T1003", "T1059.003"), "T1059")).toEqual({ rank: 2, likelyMismapped: false });
  });

  it("flags a chosen technique outside the top five, or a sibling sub-technique only", () => {
    expect(checkMapping(s("T1", "T2", "T3", "T4", "T5", "T1059.001"), "T1059.001")).toEqual({
      rank: 6,
      likelyMismapped: true,
    });
    expect(checkMapping(s("T1059.003"), "T1059.001")).toEqual({ rank: null, likelyMismapped: true });
    expect(checkMapping([], "T1059.001")).toEqual({ rank: null, likelyMismapped: false });
  });
});
