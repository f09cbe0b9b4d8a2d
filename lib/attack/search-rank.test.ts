import { describe, expect, it } from "vitest";
import { rankById, rankText, toCatalogHit, type SearchCandidate } from "./search-rank";

function row(attackId: string, name: string, more: Partial<SearchCandidate> = {}): SearchCandidate {
  return {
    stixId: `x--${attackId}`,
    attackId,
    name,
    kind: attackId.startsWith("G") ? "group" : "technique",
    domain: "enterprise-attack",
    aliases: attackId.startsWith("G") ? [name] : [],
    isSubtechnique: attackId.includes("."),
    parentAttackId: attackId.includes(".") ? attackId.split(".")[0] : null,
    ...more,
  };
}

const APT29 = row("G0016", "APT29", { aliases: ["APT29", "IRON RITUAL", "NobleBaron", "Cozy Bear", "The Dukes"] });
const APT28 = row("G0007", "APT28", { aliases: ["APT28", "Fancy Bear", "Sofacy"] });
const CSI = row("T1059", "Command and Scripting Interpreter");
const POWERSHELL = row("T1059.001", "PowerShell");
const ROWS = [APT28, APT29, CSI, POWERSHELL];
const ranked = (q: string) => rankText(ROWS, q.toLocaleLowerCase());

describe("rankText", () => {
  it("names the alias a query matched when the name did not", () => {
    expect(ranked("cozy bear")).toEqual([{ row: APT29, matchedAlias: "Cozy Bear", matchedOn: "alias" }]);
    // Equal scores: by name.
    expect(ranked("bear").map((r) => [r.row.attackId, r.matchedAlias])).toEqual([
      ["G0007", "Fancy Bear"],
      ["G0016", "Cozy Bear"],
    ]);
  });

  it("names no alias when the name matched (ATT&CK lists the name as the first alias too)", () => {
    expect(ranked("APT29")).toEqual([{ row: APT29, matchedAlias: null, matchedOn: "name" }]);
    expect(ranked("apt").map((r) => r.matchedAlias)).toEqual([null, null]);
  });

  it("ranks an exact name above prefixes, prefixes above substrings, parents above sub-techniques", () => {
    const shell = [row("T1", "Shell"), row("T2", "Shell Scripts"), POWERSHELL, row("T3.001", "Shell Scripts Two")];
    expect(rankText(shell, "shell").map((r) => r.row.name)).toEqual([
      "Shell",
      "Shell Scripts",
      "Shell Scripts Two",
      "PowerShell",
    ]);
  });
});

describe("rankById", () => {
  it("puts the exact ID first, then the parent before its sub-techniques", () => {
    const rows = [row("T1059.002", "AppleScript"), POWERSHELL, CSI];
    expect(rankById(rows, "T1059").map((r) => r.row.attackId)).toEqual(["T1059", "T1059.001", "T1059.002"]);
    expect(rankById(rows, "T1059.002")[0]).toEqual({ row: rows[0], matchedAlias: null, matchedOn: "id" });
  });
});

describe("toCatalogHit", () => {
  const parents = new Map([["T1059", "Command and Scripting Interpreter"]]);

  it("gives a sub-technique its parent's name and every hit the same fields", () => {
    expect(toCatalogHit({ row: POWERSHELL, matchedAlias: null }, parents)).toEqual({
      stixId: "x--T1059.001",
      attackId: "T1059.001",
      name: "PowerShell",
      kind: "technique",
      domain: "enterprise-attack",
      isSubtechnique: true,
      parentName: "Command and Scripting Interpreter",
      matchedOn: "name",
      matchedAlias: null,
      snippet: null,
    });
    expect(toCatalogHit({ row: APT29, matchedAlias: "Cozy Bear" }, parents)).toMatchObject({
      attackId: "G0016",
      parentName: null,
      matchedOn: "alias",
      matchedAlias: "Cozy Bear",
    });
  });

  it("leaves the parent out when the catalog does not have it", () => {
    expect(toCatalogHit({ row: row("T9999.001", "Orphan"), matchedAlias: null }, parents).parentName).toBeNull();
  });
});
