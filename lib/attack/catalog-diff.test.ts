import { describe, expect, it } from "vitest";
import { diffCatalog, type DiffRow } from "./catalog-diff";

const row = (stixId: string, attackId: string, name: string, more: Partial<DiffRow> = {}): DiffRow => ({
  stixId,
  attackId,
  name,
  kind: "technique",
  revoked: false,
  revokedBy: null,
  deprecated: false,
  ...more,
});

describe("diffCatalog", () => {
  it("lists added, newly revoked (with the replacement), newly deprecated and renamed objects by ATT&CK id", () => {
    const old = [
      row("a", "T1086", "PowerShell"),
      row("b", "T1000", "Old"),
      row("c", "T1002", "Name one"),
      row("d", "T1003", "Gone long ago", { revoked: true }),
      row("e", "T1004", "Same"),
      row("f", "T1005", "Revoked, no successor"),
    ];
    const next = [
      row("a", "T1086", "PowerShell", { revoked: true, revokedBy: "n" }),
      row("b", "T1000", "Old", { deprecated: true }),
      row("c", "T1002", "Name two"),
      row("d", "T1003", "Gone long ago", { revoked: true, revokedBy: "n" }),
      row("e", "T1004", "Same"),
      row("f", "T1005", "Revoked, no successor", { revoked: true }),
      row("n", "T1059.001", "PowerShell"),
      row("g", "G0016", "APT29", { kind: "group" }),
      row("x", "T1999", "Born deprecated", { deprecated: true }),
    ];
    expect(diffCatalog(old, next)).toEqual({
      added: [
        { id: "G0016", name: "APT29", kind: "group" },
        { id: "T1059.001", name: "PowerShell", kind: "technique" },
      ],
      revoked: [
        { id: "T1005", name: "Revoked, no successor", replacedBy: null },
        { id: "T1086", name: "PowerShell", replacedBy: { id: "T1059.001", name: "PowerShell" } },
      ],
      deprecated: [{ id: "T1000", name: "Old" }],
      renamed: [{ id: "T1002", from: "Name one", to: "Name two" }],
    });
  });

  it("finds nothing between identical releases", () => {
    const rows = [row("a", "T1", "A"), row("b", "T2", "B", { deprecated: true })];
    expect(diffCatalog(rows, rows)).toEqual({ added: [], revoked: [], deprecated: [], renamed: [] });
  });
});
