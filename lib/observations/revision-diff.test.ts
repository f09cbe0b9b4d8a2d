import { describe, expect, it } from "vitest";
import { diffSnapshots, fieldText } from "./revision-diff";

const base = {
  status: "IN_REVIEW",
  technique: { id: "T1059.001", stixId: "attack-pattern--x" },
  actor: { kind: "EXISTING", stixId: "G0016 APT29" },
  procedure: "APT29 used PowerShell to download a loader from [HOST-1].",
  references: [
    { sourceName: "Acme 2026", description: "Acme. (2026). Notes.", url: "https://example.org/a", public: true },
  ],
  keptIndicators: [],
  platforms: ["Windows"],
  victimology: { sector: "52", country: "DE", region: null },
};

describe("diffSnapshots", () => {
  it("is empty for equal snapshots", () => {
    expect(diffSnapshots(base, structuredClone(base))).toEqual([]);
  });

  it("lists only the changed fields, in reading order, with the words that went and came", () => {
    const changes = diffSnapshots(base, {
      ...base,
      procedure: "APT29 used PowerShell to download a backdoor from [HOST-1].",
      technique: { id: "T1059.003", stixId: "attack-pattern--y" },
    });
    expect(changes.map((c) => c.field)).toEqual(["technique", "procedure"]);
    const procedure = changes[1];
    expect(procedure.label).toBe("Procedure");
    expect(procedure.parts.filter((p) => p.change === "removed").map((p) => p.value)).toEqual(["loader"]);
    expect(procedure.parts.filter((p) => p.change === "added").map((p) => p.value)).toEqual(["backdoor"]);
    // The parts rebuild both texts.
    expect(
      procedure.parts
        .filter((p) => p.change !== "added")
        .map((p) => p.value)
        .join(""),
    ).toBe(procedure.before);
    expect(
      procedure.parts
        .filter((p) => p.change !== "removed")
        .map((p) => p.value)
        .join(""),
    ).toBe(procedure.after);
  });

  it("diffs lists line by line: a reference added keeps the others as they were", () => {
    const second = {
      sourceName: "Beta 2025",
      description: "Beta. (2025). More.",
      url: "https://example.org/b",
      public: false,
    };
    const [change] = diffSnapshots(base, { ...base, references: [...base.references, second] });
    expect(change.field).toBe("references");
    expect(change.parts.filter((p) => p.change === "added").map((p) => p.value)).toEqual([
      "Beta 2025 · Beta. (2025). More. · https://example.org/b · not public\n",
    ]);
    expect(change.parts.some((p) => p.change === "removed")).toBe(false);
  });

  it("reads every kind of value as text", () => {
    expect(fieldText("actor", { kind: "PROPOSED", proposed: { name: "Night Owl" } })).toBe("Night Owl (proposed)");
    expect(fieldText("actor", { kind: "UNATTRIBUTED" })).toBe("unattributed");
    expect(fieldText("victimology", { sector: "52", country: null, region: "RIPE" })).toBe("sector 52, region RIPE");
    expect(fieldText("observedFrom", null)).toBe("—");
    expect(fieldText("platforms", [])).toBe("—");
  });
});
