// The layer's shape against the Navigator layer format 4.5 spec (attack-navigator
// layers/spec/v4.5/layerformat.md): required fields present and typed, ids sorted, scores and comments.
import { describe, expect, it } from "vitest";
import { buildActorLayer, buildLayer, LAYER_GRADIENT, NAVIGATOR_VERSION, type TLayerInput } from "./layer";

const input = (over: Partial<TLayerInput> = {}): TLayerInput => ({
  domain: "enterprise-attack",
  attackVersion: "18.1",
  statuses: ["ACCEPTED", "PUBLISHED"],
  scope: "community",
  counts: [
    { techniqueId: "T1059.001", status: "PUBLISHED", count: 1 },
    { techniqueId: "T1003", status: "ACCEPTED", count: 1 },
    { techniqueId: "T1059.001", status: "ACCEPTED", count: 2 },
    { techniqueId: "T1059", status: "ACCEPTED", count: 1 },
  ],
  ...over,
});

describe("buildLayer", () => {
  it("has the fields 4.5 requires, typed as it says", () => {
    const layer = buildLayer(input());
    expect(typeof layer.name).toBe("string");
    expect(layer.domain).toBe("enterprise-attack");
    expect(layer.versions).toEqual({ attack: "18.1", navigator: "5.2.0", layer: "4.5" });
    expect(Number(layer.versions.navigator.split(".")[0])).toBeGreaterThanOrEqual(5); // "at least 4.9.0"
    expect(typeof layer.description).toBe("string");
    expect([0, 1, 2, 3]).toContain(layer.sorting);
    expect(layer.hideDisabled).toBe(false);
    expect(layer.gradient.colors).toEqual([...LAYER_GRADIENT]);
    expect(layer.gradient.maxValue).toBeGreaterThan(layer.gradient.minValue);
    for (const item of layer.legendItems) expect(Object.keys(item).sort()).toEqual(["color", "label"]);
    for (const t of layer.techniques) {
      expect(t.techniqueID).toMatch(/^T\d{4}(\.\d{3})?$/);
      expect(typeof t.score).toBe("number");
      expect(typeof t.comment).toBe("string");
      expect(t).not.toHaveProperty("tactic"); // applies under every tactic of the technique
    }
  });

  it("gives one entry per ATT&CK id, sub-techniques their own, sorted, scored by count", () => {
    const layer = buildLayer(input());
    expect(layer.techniques.map((t) => [t.techniqueID, t.score, t.comment])).toEqual([
      ["T1003", 1, "1 observation: 1 accepted"],
      ["T1059", 1, "1 observation: 1 accepted"],
      ["T1059.001", 3, "3 observations: 2 accepted, 1 published"],
    ]);
    expect(layer.gradient.maxValue).toBe(3);
    expect(layer.legendItems.at(-1)).toEqual({ label: "3 observations", color: LAYER_GRADIENT[1] });
    expect(layer.description).toContain("5 observations over 3 techniques");
  });

  it("is deterministic: the order of the counts does not change a byte", () => {
    const a = buildLayer(input());
    const b = buildLayer(input({ counts: [...input().counts].reverse() }));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("keeps an empty layer valid and leaves out an unknown ATT&CK version", () => {
    const layer = buildLayer(input({ counts: [], attackVersion: null, scope: "yours" }));
    expect(layer.techniques).toEqual([]);
    expect(layer.versions).toEqual({ navigator: "5.2.0", layer: "4.5" });
    expect(layer.gradient).toMatchObject({ minValue: 0, maxValue: 1 });
    expect(layer.description).toContain("your observations");
  });
});

describe("buildActorLayer", () => {
  it("scores each technique 1, once, sorted, and names the actor", () => {
    const layer = buildActorLayer({
      domain: "enterprise-attack",
      attackVersion: null,
      actor: { attackId: "G0016", name: "APT29" },
      techniqueIds: ["T1059.001", "T1003", "T1059.001"],
    });
    expect(layer.versions).toEqual({ navigator: NAVIGATOR_VERSION, layer: "4.5" });
    expect(layer.name).toBe("G0016 APT29 (ATT&CK)");
    expect(layer.techniques.map((t) => [t.techniqueID, t.score])).toEqual([
      ["T1003", 1],
      ["T1059.001", 1],
    ]);
    expect(layer.description).toBe("The 2 techniques ATT&CK's procedure examples say G0016 APT29 uses.");
  });
});
