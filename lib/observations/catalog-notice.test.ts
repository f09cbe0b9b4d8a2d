import { describe, expect, it } from "vitest";
import { actorNotice, techniqueNotice } from "./catalog-notice";
import type { ObservationCatalog } from "./catalog-status";

const base: ObservationCatalog = {
  status: "CURRENT",
  version: "7.0",
  technique: { id: "T1086", name: "PowerShell" },
  replacements: [],
  actor: null,
};

describe("catalog notices", () => {
  it("say nothing for a current technique and actor", () => {
    expect(techniqueNotice(base)).toBeNull();
    expect(actorNotice(base)).toBeNull();
  });
  it("name the revoked-by replacement and the catalog version", () => {
    const replacement = {
      technique: "T1059.001",
      stixId: "attack-pattern--x",
      name: "Command and Scripting Interpreter: PowerShell",
      source: "revoked-by" as const,
    };
    expect(techniqueNotice({ ...base, status: "REVOKED", replacements: [replacement] })).toBe(
      "T1086 PowerShell was revoked in ATT&CK 7.0: replaced by T1059.001 Command and Scripting Interpreter: PowerShell.",
    );
  });
  it("say a person must pick when ATT&CK names no replacement", () => {
    expect(techniqueNotice({ ...base, status: "DEPRECATED" })).toBe(
      "T1086 PowerShell is deprecated in ATT&CK 7.0, and ATT&CK names no replacement: a reviewer picks one.",
    );
    const actor = { status: "REVOKED" as const, id: "G0099", name: "Old Group", replacements: [] };
    expect(actorNotice({ ...base, actor })).toBe(
      "G0099 Old Group was revoked in ATT&CK 7.0, and ATT&CK names no replacement: a reviewer picks one.",
    );
  });
});
