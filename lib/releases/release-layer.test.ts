// The release's Navigator layer: the techniques its bundle touches, scored by the observations behind them.
import { describe, expect, it } from "vitest";
import { LAYER_VERSION } from "../catalog/layer";
import { releaseContents } from "./changelog-contents";
import { changelogFixture } from "./changelog.fixture";
import { releaseLayer, serializeReleaseLayer } from "./release-layer";

describe("releaseLayer", () => {
  it("scores each technique of the bundle by its published observations, in Navigator 4.5", () => {
    const f = changelogFixture();
    const layer = releaseLayer(releaseContents(f.release, f.bundle, [...f.published, ...f.hidden]));
    expect(layer.versions).toEqual({ attack: "18.1", navigator: "5.2.0", layer: LAYER_VERSION });
    expect(layer.domain).toBe("enterprise-attack");
    expect(layer.name).toBe("Community additions 2026-12 (Procedure Exchange release)");
    expect(layer.techniques.map((t) => [t.techniqueID, t.score, t.comment])).toEqual([
      ["T1003.001", 1, "1 observation: 1 published"],
      ["T1059.001", 2, "2 observations: 2 published"],
      ["T1105", 2, "2 observations: 2 published"],
    ]);
    expect(layer.gradient).toMatchObject({ minValue: 0, maxValue: 2 });
    expect(layer.description).toBe(
      'The techniques of release "Community additions 2026-12" (ATT&CK enterprise-attack v18.1) scored by the ' +
        "number of the community's observations (published): 5 observations over 3 techniques.",
    );
  });

  it("is deterministic and ignores what the bundle does not hold", () => {
    const f = changelogFixture();
    const a = serializeReleaseLayer(releaseContents(f.release, f.bundle, f.published));
    const b = serializeReleaseLayer(releaseContents(f.release, f.bundle, [...f.hidden, ...f.published].reverse()));
    expect(b).toBe(a);
    expect(a.endsWith("}\n")).toBe(true);
  });
});
