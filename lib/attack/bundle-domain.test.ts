import { describe, expect, it } from "vitest";
import { domainFromKillChains, parseDomain } from "./bundle-domain";
import { parseBundle, parseBundleText, type StixObject } from "./parse";

// Bundles shaped like the releases before v8 (mitre/cti, STIX 2.0): no x-mitre-collection, no
// x_mitre_domains, no spec_version, no x_mitre_is_subtechnique; only kill-chain names tell the domain.
function technique(n: number, chains: string[], extra: Record<string, unknown> = {}): StixObject {
  return {
    type: "attack-pattern",
    id: `attack-pattern--${n}`,
    name: `Technique ${n}`,
    created: "2017-05-31T21:30:00.000Z",
    modified: "2019-07-17T20:00:00.000Z",
    external_references: [{ source_name: "mitre-attack", external_id: `T${1000 + n}` }],
    kill_chain_phases: chains.map((kill_chain_name) => ({ kill_chain_name, phase_name: "execution" })),
    ...extra,
  };
}

function oldBundle(...objects: StixObject[]) {
  return { type: "bundle", id: "bundle--old", spec_version: "2.0", objects };
}

const ENTERPRISE = "mitre-attack";
const MOBILE = "mitre-mobile-attack";
const ICS = "mitre-ics-attack";

describe("domainFromKillChains", () => {
  it.each([
    [[ENTERPRISE], "enterprise-attack"],
    [[MOBILE], "mobile-attack"],
    [[ICS], "ics-attack"],
  ])("%j → %s", (chains, domain) => {
    expect(domainFromKillChains([technique(1, chains), technique(2, chains)])).toBe(domain);
  });

  it("follows the majority of the techniques' phases", () => {
    const all = [technique(1, [ENTERPRISE]), technique(2, [ENTERPRISE]), technique(3, [MOBILE])];
    expect(domainFromKillChains(all)).toBe("enterprise-attack");
  });

  it("gives no answer for an even mix, for no ATT&CK kill chain, or for no techniques", () => {
    expect(domainFromKillChains([technique(1, [ENTERPRISE]), technique(2, [MOBILE])])).toBeNull();
    expect(domainFromKillChains([technique(1, ["lockheed-martin-cyber-kill-chain"])])).toBeNull();
    expect(domainFromKillChains([technique(1, [])])).toBeNull();
    // Only techniques count: a tactic or a stray object with phases says nothing about the bundle.
    expect(domainFromKillChains([{ ...technique(1, [MOBILE]), type: "malware" }])).toBeNull();
  });
});

describe("parseBundle on a bundle that declares no domain", () => {
  it("infers the domain and reads the version from the file name", () => {
    const b = oldBundle(technique(1, [MOBILE]), technique(2, [MOBILE, ENTERPRISE]), technique(3, [MOBILE]));
    const catalog = parseBundle(b, { fileName: "mobile-attack-6.3.json" });
    expect(catalog).toMatchObject({ domain: "mobile-attack", version: "6.3", layout: "stix-2.0" });
    expect(catalog.objects.every((o) => o.domain === "mobile-attack" && !o.isSubtechnique)).toBe(true);
    expect(catalog.objects[0]).toMatchObject({ version: null, parentAttackId: null, tactics: ["execution"] });
  });

  it("asks for --domain when the kill chains are mixed or missing, and takes it when given", () => {
    const mixed = oldBundle(technique(1, [ENTERPRISE]), technique(2, [ICS]));
    expect(() => parseBundle(mixed, { version: "7.0" })).toThrow(/Cannot tell the ATT&CK domain.*Pass --domain/);
    expect(parseBundle(mixed, { version: "7.0", domain: "ics-attack" }).domain).toBe("ics-attack");
    const none = oldBundle(technique(1, []));
    expect(() => parseBundle(none, { version: "7.0" })).toThrow(/Pass --domain/);
    expect(parseBundle(none, { version: "7.0", domain: "mobile-attack" }).domain).toBe("mobile-attack");
  });

  it("lets --domain override an inferred domain but not a declared one", () => {
    const inferred = oldBundle(technique(1, [ENTERPRISE]));
    expect(parseBundle(inferred, { version: "7.0", domain: "mobile-attack" }).domain).toBe("mobile-attack");
    const declared = oldBundle(technique(1, [ENTERPRISE], { x_mitre_domains: ["enterprise-attack"] }));
    expect(() => parseBundle(declared, { version: "17.1", domain: "ics-attack" })).toThrow(
      /--domain ics-attack contradicts the bundle, which declares enterprise-attack/,
    );
    expect(parseBundle(declared, { version: "17.1", domain: "enterprise-attack" }).domain).toBe("enterprise-attack");
  });

  it("prefers x_mitre_domains over the kill chains", () => {
    const b = oldBundle(technique(1, [ENTERPRISE], { x_mitre_domains: ["ics-attack"] }));
    expect(parseBundle(b, { version: "17.1" }).domain).toBe("ics-attack");
  });
});

describe("parseDomain", () => {
  it("accepts the three domains, whatever the case", () => {
    expect(parseDomain("enterprise-attack")).toBe("enterprise-attack");
    expect(parseDomain(" Mobile-Attack ")).toBe("mobile-attack");
    expect(parseDomain("ics-attack")).toBe("ics-attack");
  });

  it("names the valid domains when given another", () => {
    expect(() => parseDomain("x")).toThrow('"x" is not an ATT&CK domain: use one of enterprise-attack, mobile-attack');
    expect(() => parseDomain("enterprise")).toThrow(/not an ATT&CK domain/);
  });
});

describe("parseBundleText on a damaged file", () => {
  const text = JSON.stringify(oldBundle(technique(1, [ENTERPRISE])));

  it("says a cut-off file looks truncated, wherever it was cut", () => {
    for (const cut of [text.length - 1, text.length - 5, Math.floor(text.length / 2), 20]) {
      expect(() => parseBundleText(text.slice(0, cut), { fileName: "enterprise-attack-7.0.json" })).toThrow(
        /"enterprise-attack-7.0.json" ends in the middle of its JSON .*looks truncated/,
      );
    }
  });

  it("tells an empty file and a file that is not JSON apart from a truncated one", () => {
    expect(() => parseBundleText("  \n", { fileName: "a.json" })).toThrow('"a.json" is empty');
    expect(() => parseBundleText("<html>404</html>", { fileName: "a.json" })).toThrow(/"a.json" is not JSON \(/);
    expect(() => parseBundleText('{"a": nope}', { fileName: "a.json" })).toThrow(/is not JSON/);
  });
});
