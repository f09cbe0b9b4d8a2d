import { describe, expect, it } from "vitest";
import { ATTACK_KINDS } from "./parse";
import { buildSearchIndex, plainText, queryIndex, snippet, type IndexQuery, type IndexRow } from "./search-index";

const ENTERPRISE = "enterprise-attack";
const MOBILE = "mobile-attack";

function row(attackId: string, name: string, more: Partial<IndexRow> = {}): IndexRow {
  const kind = attackId.startsWith("TA")
    ? "tactic"
    : attackId.startsWith("G")
      ? "group"
      : attackId.startsWith("S")
        ? "software"
        : "technique";
  return {
    stixId: `x--${attackId}-${more.domain ?? ENTERPRISE}`,
    attackId,
    name,
    kind,
    domain: ENTERPRISE,
    aliases: kind === "group" ? [name] : [],
    isSubtechnique: attackId.includes("."),
    parentAttackId: attackId.includes(".") ? attackId.split(".")[0]! : null,
    description: "",
    revoked: false,
    deprecated: false,
    ...more,
  };
}

const ROWS: IndexRow[] = [
  row("T1003", "OS Credential Dumping", {
    description:
      "Adversaries may attempt to dump credentials to obtain account login and credential material (Citation: Mimikatz).",
  }),
  row("T1003.001", "LSASS Memory", {
    description:
      "Adversaries may attempt to access credential material stored in the process memory of [LSASS](https://example.org/lsass).",
  }),
  row("T1055", "Process Injection", { description: "Adversaries may inject code into processes." }),
  row("T1055.012", "Process Hollowing", {
    description: "Adversaries may inject malicious code into suspended and hollowed processes.",
  }),
  row("T1055.001", "Dynamic-link Library Injection"),
  row("T1059", "Command and Scripting Interpreter"),
  row("T1059.001", "PowerShell", {
    description: "Adversaries may abuse PowerShell commands and scripts for execution.",
  }),
  row("T1086", "PowerShell", { revoked: true }),
  row("TA0002", "Execution"),
  row("G0016", "APT29", {
    aliases: ["APT29", "IRON RITUAL", "NobleBaron", "Cozy Bear", "The Dukes"],
    description: "APT29 is a threat group attributed to Russia's Foreign Intelligence Service.",
  }),
  row("G0016", "APT29", { domain: MOBILE, stixId: "x--G0016", aliases: ["APT29", "Cozy Bear"] }),
  row("G0007", "APT28", { aliases: ["APT28", "Fancy Bear", "Sofacy"] }),
  row("G0099", "Old Bear Group", { aliases: ["Old Bear Group", "Sleepy Bear"], deprecated: true }),
  row("S0002", "Mimikatz", {
    description: "Mimikatz is a credential dumper capable of obtaining plaintext Windows account logins.",
  }),
  row("S0098", "T9000"),
  row("T1630.001", "Uninstall Malicious Application", { domain: MOBILE, parentAttackId: "T1630" }),
  row("T1630", "Indicator Removal on Host", { domain: MOBILE }),
  row("T1655", "Masquerading", {
    domain: MOBILE,
    description: "Adversaries may disguise a malicious app as Élan Vital.",
  }),
];
const index = buildSearchIndex(ROWS);
const search = (q: string, more: Partial<IndexQuery> = {}) =>
  queryIndex(index, { q, kinds: ATTACK_KINDS, limit: 20, ...more });
const ids = (q: string, more: Partial<IndexQuery> = {}) => search(q, more).map((h) => `${h.attackId} ${h.domain}`);

describe("queryIndex by ATT&CK ID", () => {
  it("puts the exact ID first, in any case, then the parent before its sub-techniques", () => {
    expect(ids("T1055.012")).toEqual([`T1055.012 ${ENTERPRISE}`]);
    expect(ids("t1055")).toEqual([`T1055 ${ENTERPRISE}`, `T1055.001 ${ENTERPRISE}`, `T1055.012 ${ENTERPRISE}`]);
    expect(search("t1055")[0]).toMatchObject({ matchedOn: "id", matchedAlias: null });
  });

  it("finds an object in every domain that has it, or in one", () => {
    expect(ids("g0016")).toEqual([`G0016 ${ENTERPRISE}`, `G0016 ${MOBILE}`]);
    expect(ids("G0016", { domain: MOBILE })).toEqual([`G0016 ${MOBILE}`]);
    expect(ids("T1630", { domain: ENTERPRISE })).toEqual([]);
  });

  it("keeps to the kinds asked for", () => {
    expect(ids("G0016", { kinds: ["technique"] })).toEqual([]);
    expect(ids("TA0002", { kinds: ["tactic"] })).toEqual([`TA0002 ${ENTERPRISE}`]);
  });

  it("lists names that look like an ID after the IDs themselves", () => {
    expect(search("T9000")).toEqual([expect.objectContaining({ attackId: "S0098", matchedOn: "name" })]);
    expect(search("t9")).toEqual([expect.objectContaining({ attackId: "S0098", matchedOn: "name" })]);
    expect(ids("t1")[0]).toBe(`T1003 ${ENTERPRISE}`);
  });

  it("finds a STIX id exactly", () => {
    expect(ids("x--G0016")).toEqual([`G0016 ${MOBILE}`]);
  });
});

describe("queryIndex by name and alias", () => {
  it("ranks the name prefix above aliases, names the alias that matched", () => {
    const hits = search("cozy bear", { domain: ENTERPRISE });
    expect(hits).toEqual([
      expect.objectContaining({ attackId: "G0016", matchedOn: "alias", matchedAlias: "Cozy Bear" }),
    ]);
    expect(search("apt29", { domain: ENTERPRISE })[0]).toMatchObject({ matchedOn: "name", matchedAlias: null });
  });

  it("shows sub-techniques with their parent's name, and finds them by 'Parent: Sub'", () => {
    expect(search("lsass")[0]).toMatchObject({ attackId: "T1003.001", parentName: "OS Credential Dumping" });
    expect(search("os credential dumping: lsass")[0]).toMatchObject({ attackId: "T1003.001", matchedOn: "name" });
    expect(search("uninstall")[0]).toMatchObject({ domain: MOBILE, parentName: "Indicator Removal on Host" });
  });

  it("folds case beyond ASCII", () => {
    expect(search("ÉLAN vital")[0]).toMatchObject({ attackId: "T1655", matchedOn: "description" });
  });
});

describe("queryIndex by description words", () => {
  it("comes after name and alias matches, and says which words matched", () => {
    const hits = search("credential");
    expect(hits.map((h) => [h.attackId, h.matchedOn])).toEqual([
      ["T1003", "name"],
      ["T1003.001", "name"], // "OS Credential Dumping: LSASS Memory"
      ["S0002", "description"],
    ]);
    expect(hits[2]!.snippet).toBe(
      "Mimikatz is a credential dumper capable of obtaining plaintext Windows account logins.",
    );
  });

  it("needs every word, each as a word or a word's prefix", () => {
    expect(ids("inject suspend")).toEqual([`T1055.012 ${ENTERPRISE}`]);
    expect(ids("inject code")).toEqual([`T1055 ${ENTERPRISE}`, `T1055.012 ${ENTERPRISE}`]);
    expect(ids("inject nothingelse")).toEqual([]);
  });

  it("ranks a whole word above a word's prefix", () => {
    expect(ids("dump plaintext")).toEqual([`S0002 ${ENTERPRISE}`]);
    const dump = search("adversaries dump");
    expect(dump[0]).toMatchObject({ attackId: "T1003" });
  });

  it("matches link texts but not link targets or citations", () => {
    expect(ids("example.org")).toEqual([]);
    expect(ids("mimikatz citation")).toEqual([]);
    expect(search("process memory lsass")[0]).toMatchObject({ attackId: "T1003.001" });
  });
});

describe("the index", () => {
  it("never holds revoked or deprecated objects", () => {
    expect(ids("T1086")).toEqual([]);
    expect(search("powershell").map((h) => h.attackId)).toEqual(["T1059.001"]);
    expect(ids("sleepy bear")).toEqual([]);
    expect(ids("old bear")).toEqual([]);
  });

  it("respects the limit across tiers", () => {
    expect(search("adversaries", { limit: 2 })).toHaveLength(2);
  });
});

describe("plainText and snippet", () => {
  it("strips citations, link targets and URLs", () => {
    expect(
      plainText("Uses [Mimikatz](https://attack.mitre.org/software/S0002) (Citation: X) see https://x.org/a."),
    ).toBe("Uses Mimikatz see");
    expect(plainText("Tools:\n\n* pwdumpx.exe\n* gsecdump\n\nAlso x-y - z")).toBe(
      "Tools: pwdumpx.exe gsecdump Also x-y - z",
    );
  });

  it("cuts around the first match at word boundaries", () => {
    const text = `${"word ".repeat(30)}found here ${"tail ".repeat(40)}`.trim();
    const s = snippet(text, ["found"])!;
    expect(s.startsWith("…word")).toBe(true);
    expect(s.endsWith("tail…")).toBe(true);
    expect(s).toContain("found here");
    expect(snippet("nothing", ["found"])).toBeNull();
    expect(snippet("Workflows", ["flows"])).toBeNull(); // inside a word: not a match
    // "İ" lower-cases to two code units: the match is still found where it is.
    expect(snippet("İzmir operators and ÉLAN tools", ["élan"])).toBe("İzmir operators and ÉLAN tools");
    expect(snippet("İzmir operators", ["élan"])).toBeNull();
  });
});
