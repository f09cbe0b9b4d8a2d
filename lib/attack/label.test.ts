import { describe, expect, it } from "vitest";
import { catalogLabel, qualifiedName, techniqueLabelOf } from "./label";

const POWERSHELL = { attackId: "T1059.001", name: "PowerShell", parentName: "Command and Scripting Interpreter" };

describe("catalogLabel", () => {
  it("names a sub-technique with its parent, as ATT&CK does", () => {
    expect(catalogLabel(POWERSHELL)).toBe("T1059.001 Command and Scripting Interpreter: PowerShell");
    expect(qualifiedName(POWERSHELL)).toBe("Command and Scripting Interpreter: PowerShell");
  });

  it("names techniques, groups and objects without an ID plainly", () => {
    expect(catalogLabel({ attackId: "T1059", name: "Command and Scripting Interpreter" })).toBe(
      "T1059 Command and Scripting Interpreter",
    );
    expect(catalogLabel({ attackId: "G0016", name: "APT29", parentName: null })).toBe("G0016 APT29");
    expect(catalogLabel({ attackId: null, name: "Unnamed" })).toBe("Unnamed");
  });
});

describe("techniqueLabelOf", () => {
  it("labels a stored technique from the catalog, or keeps its stored ID when the catalog lost it", () => {
    expect(techniqueLabelOf(POWERSHELL, "T1059.001")).toBe("T1059.001 Command and Scripting Interpreter: PowerShell");
    expect(techniqueLabelOf({ attackId: null, name: "PowerShell" }, "T1086")).toBe("T1086 PowerShell");
    expect(techniqueLabelOf(undefined, "T1086")).toBe("T1086");
  });
});
