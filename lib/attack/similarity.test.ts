import { describe, expect, it } from "vitest";
import { procedureWording, rankBySimilarity, repeatHint, SIMILAR_SCORE, tokenize } from "./similarity";

// Hand-made examples in ATT&CK's style, one technique's worth.
const EXAMPLES = [
  "[APT29](https://attack.mitre.org/groups/G0016) has used encoded PowerShell commands to download a loader.(Citation: A)",
  "[FIN7](https://attack.mitre.org/groups/G0046) has used PowerShell scripts to enumerate Active Directory users.(Citation: B)",
  "[Turla](https://attack.mitre.org/groups/G0010) has executed [Mimikatz](https://attack.mitre.org/software/S0002) from PowerShell to dump credentials.",
  "[APT28](https://attack.mitre.org/groups/G0007) has used a PowerShell backdoor scheduled to run at logon.",
];
const rank = (query: string) => rankBySimilarity(query, EXAMPLES, procedureWording);

describe("tokenize", () => {
  it("keeps content words, link text and code; drops stop words, citations and URLs", () => {
    expect(
      tokenize("[APT29](https://attack.mitre.org/groups/G0016) has used `Invoke-WebRequest` (Citation: X)"),
    ).toEqual(["apt29", "invok", "webrequest"]);
    expect(tokenize("It was seen via https://evil.example/x and the cmd.exe")).toEqual(["seen", "cmd", "ex"]);
  });

  it("reduces words to their stem, so tenses and plurals match", () => {
    expect(tokenize("installed scripts")).toEqual(tokenize("installs a script"));
  });
});

describe("procedureWording", () => {
  it("drops only the example's leading actor link", () => {
    expect(procedureWording(EXAMPLES[2])).toBe(
      " has executed [Mimikatz](https://attack.mitre.org/software/S0002) from PowerShell to dump credentials.",
    );
    expect(procedureWording("Ran [Mimikatz](u).")).toBe("Ran [Mimikatz](u).");
  });
});

describe("rankBySimilarity", () => {
  it("puts the example sharing the distinctive words first", () => {
    expect(rank("Mimikatz was launched from PowerShell to dump credentials on [HOST-1]")[0].item).toBe(EXAMPLES[2]);
    expect(rank("PowerShell queried Active Directory to enumerate users")[0].item).toBe(EXAMPLES[1]);
    expect(rank("a scheduled task ran a PowerShell backdoor at every logon")[0].item).toBe(EXAMPLES[3]);
  });

  it("scores a lightly edited copy above the threshold and an unrelated text at 0", () => {
    const copy = rank("The actor used encoded PowerShell commands to download a loader on [HOST-1].");
    expect(copy[0].item).toBe(EXAMPLES[0]);
    expect(copy[0].score).toBeGreaterThanOrEqual(SIMILAR_SCORE);
    expect(copy[1].score).toBeLessThan(SIMILAR_SCORE);
    const unrelated = rank("Spearphishing attachment with a macro");
    expect(unrelated.every((r) => r.score === 0)).toBe(true);
  });

  it("keeps the items' order for ties (an empty query) and scores within 0..1", () => {
    const none = rank("");
    expect(none.map((r) => r.item)).toEqual(EXAMPLES);
    expect(none.every((r) => r.score === 0)).toBe(true);
    const same = rankBySimilarity(EXAMPLES[1], EXAMPLES, (d) => d);
    expect(same[0]).toEqual({ item: EXAMPLES[1], score: 1 });
    expect(rankBySimilarity("x", [], (d: string) => d)).toEqual([]);
  });
});

describe("repeatHint", () => {
  const near = (score: number, attackId: string) => ({ score, actor: { attackId } });
  it("flags a close example of the picked actor (or of anyone when none is picked) as a repeat", () => {
    expect(repeatHint(near(SIMILAR_SCORE, "G0016"), "G0016")).toBe("same");
    expect(repeatHint(near(0.9, "G0016"), undefined)).toBe("same");
  });
  it("tells another actor's close example apart, and stays quiet below the threshold", () => {
    expect(repeatHint(near(0.9, "G0007"), "G0016")).toBe("other");
    expect(repeatHint(near(SIMILAR_SCORE - 0.01, "G0016"), "G0016")).toBeNull();
    expect(repeatHint(undefined, "G0016")).toBeNull();
  });
});
