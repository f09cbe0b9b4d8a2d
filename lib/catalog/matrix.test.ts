import { describe, expect, it } from "vitest";
import { coverageLevel, MATRIX_TACTIC_ORDER, orderTactics, shapeMatrix, type TMatrixRow } from "./matrix";

const row = (r: Partial<TMatrixRow> & Pick<TMatrixRow, "attackId" | "name">): TMatrixRow => ({
  kind: "technique",
  tactics: [],
  isSubtechnique: false,
  parentAttackId: null,
  revoked: false,
  deprecated: false,
  ...r,
});
const tactic = (attackId: string, name: string, shortname: string) =>
  row({ kind: "tactic", attackId, name, tactics: [shortname] });
const sub = (attackId: string, name: string, tactics: string[] = []) =>
  row({ attackId, name, tactics, isSubtechnique: true, parentAttackId: attackId.split(".")[0] });

const ROWS: TMatrixRow[] = [
  tactic("TA0006", "Credential Access", "credential-access"),
  tactic("TA0002", "Execution", "execution"),
  tactic("TA0043", "Reconnaissance", "reconnaissance"),
  row({ attackId: "T1059", name: "Command and Scripting Interpreter", tactics: ["execution"] }),
  sub("T1059.003", "Windows Command Shell", ["execution"]),
  sub("T1059.001", "PowerShell", ["execution"]),
  row({ attackId: "T1053", name: "Scheduled Task/Job", tactics: ["execution", "credential-access"] }),
  sub("T1053.005", "Scheduled Task"),
  row({ attackId: "T1003", name: "OS Credential Dumping", tactics: ["credential-access"] }),
  sub("T1003.001", "LSASS Memory", ["credential-access"]),
  row({ attackId: "T1086", name: "PowerShell", tactics: ["execution"], revoked: true }),
  sub("T1059.009", "Old Shell", ["execution"]),
  row({ attackId: "T1064", name: "Scripting", tactics: ["execution"], deprecated: true }),
];
ROWS.find((r) => r.attackId === "T1059.009")!.deprecated = true;

describe("shapeMatrix", () => {
  const matrix = shapeMatrix("enterprise-attack", "18.1", ROWS);

  it("puts tactics in ATT&CK's matrix order, not by ID", () => {
    expect(matrix.columns.map((c) => c.tactic.attackId)).toEqual(["TA0043", "TA0002", "TA0006"]);
    expect(matrix.columns[1].tactic).toEqual({ attackId: "TA0002", name: "Execution", shortname: "execution" });
  });

  it("lists a technique under every tactic it serves, by name, leaving out revoked and deprecated ones", () => {
    const ids = (i: number) => matrix.columns[i].techniques.map((t) => t.attackId);
    expect(ids(0)).toEqual([]);
    expect(ids(1)).toEqual(["T1059", "T1053"]);
    expect(ids(2)).toEqual(["T1003", "T1053"]);
  });

  it("nests active sub-techniques under their parent by name; one without tactics follows its parent", () => {
    const execution = matrix.columns[1].techniques;
    expect(execution[0].subtechniques).toEqual([
      { attackId: "T1059.001", name: "PowerShell" },
      { attackId: "T1059.003", name: "Windows Command Shell" },
    ]);
    expect(execution[1].subtechniques.map((s) => s.attackId)).toEqual(["T1053.005"]);
    expect(matrix.columns[2].techniques[1].subtechniques.map((s) => s.attackId)).toEqual(["T1053.005"]);
  });

  it("counts distinct active techniques and sub-techniques", () => {
    expect([matrix.techniqueCount, matrix.subtechniqueCount]).toEqual([3, 4]);
    expect(matrix.version).toBe("18.1");
  });

  it("an empty catalog is an empty matrix", () => {
    expect(shapeMatrix("ics-attack", null, [])).toEqual({
      domain: "ics-attack",
      version: null,
      columns: [],
      techniqueCount: 0,
      subtechniqueCount: 0,
    });
  });
});

describe("orderTactics", () => {
  it("follows each domain's matrix and puts tactics it does not know last, by ID", () => {
    const t = (attackId: string) => ({ attackId });
    expect(orderTactics("enterprise-attack", [t("TA0099"), t("TA0040"), t("TA0098"), t("TA0043")])).toEqual([
      t("TA0043"),
      t("TA0040"),
      t("TA0098"),
      t("TA0099"),
    ]);
    expect(orderTactics("ics-attack", [t("TA0105"), t("TA0108")]).map((x) => x.attackId)).toEqual(["TA0108", "TA0105"]);
  });

  it("knows 14 Enterprise, 12 Mobile and 12 ICS tactics", () => {
    expect(Object.values(MATRIX_TACTIC_ORDER).map((o) => new Set(o).size)).toEqual([14, 12, 12]);
  });
});

describe("coverageLevel", () => {
  it("steps at 1, 2, 5 and 10 observations", () => {
    expect([0, 1, 2, 4, 5, 9, 10, 250].map(coverageLevel)).toEqual([0, 1, 2, 2, 3, 3, 4, 4]);
  });
});
