// The submission's structured fields against the real 18.1 catalog: detection, privilege, confidence,
// victimology buckets, platforms from the domain's vocabulary, dates, and revoked techniques that name
// their replacement.
import { describe, expect, it } from "vitest";
import { observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb } from "../../prisma/test-helpers";
import { platformVocabulary } from "../attack/catalog";
import { findRevokedHit } from "../attack/revoked";
import { createObservation, getObservation } from "./service";

const w = useWorkDb();

describe("structured fields", () => {
  it("stores detection, privilege, confidence, sector, country and platforms, and reads them back", async () => {
    const { observation } = await createObservation(
      w.contributor,
      observationInput({
        detectionType: "network",
        detectionSource: "human-validated",
        privilegeLevel: "system",
        confidence: "high",
        sector: "32", // Manufacturing is 31-33: stored as its first code
        country: "DE",
        platforms: ["windows", "Office Suite", "Windows"],
        observedFrom: "2025-11",
        observedTo: "2026-01-15",
      }),
      w.db,
    );
    const read = await getObservation(w.reviewer, observation.id, w.db);
    expect(read).toMatchObject({
      detectionType: "network",
      detectionSource: "human-validated",
      privilegeLevel: "system",
      confidence: "high",
      victimology: { sector: "31", country: "DE", region: null },
      platforms: ["Windows", "Office Suite"],
      observedFrom: "2025-11-01",
      observedTo: "2026-01-15",
    });
    // The history keeps them too: a later edit's diff can show what the context was.
    const revision = await w.db.revision.findFirstOrThrow({ where: { observation: { publicId: observation.id } } });
    expect(revision.snapshot).toMatchObject({
      detectionType: "network",
      detectionSource: "human-validated",
      privilegeLevel: "system",
      confidence: "high",
      platforms: ["Windows", "Office Suite"],
      observedFrom: "2025-11-01",
      observedTo: "2026-01-15",
    });
  });

  it("leaves the optional fields empty when they are not given", async () => {
    const { observation } = await createObservation(w.contributor, observationInput(), w.db);
    expect(observation).toMatchObject({
      detectionType: null,
      detectionSource: null,
      privilegeLevel: null,
      confidence: null,
      platforms: [],
    });
  });

  it("offers the platforms Enterprise techniques name, without revoked or deprecated ones", async () => {
    const vocabulary = await platformVocabulary(w.db, "enterprise-attack");
    expect(vocabulary).toEqual([
      "Containers",
      "ESXi",
      "IaaS",
      "Identity Provider",
      "Linux",
      "macOS",
      "Network Devices",
      "Office Suite",
      "PRE",
      "SaaS",
      "Windows",
    ]);
    expect(await platformVocabulary(w.db, "mobile-attack")).toEqual([]);
  });

  it("refuses a platform outside the domain's vocabulary on its own field, listing the valid ones", async () => {
    const error = await appErrorOf(
      createObservation(w.contributor, observationInput({ platforms: ["Linux", "Azure AD", "Commodore 64"] }), w.db),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toMatch(
      /^Platforms 2, 3 are not one of ATT&CK's platforms for enterprise-attack: use Containers/,
    );
    expect(error.message).not.toContain("Azure AD");
    expect(error.issues?.map((i) => i.path)).toEqual(["platforms.1", "platforms.2"]);
    expect(error.issues?.[0].message).toBe(
      "Not an ATT&CK platform: use one of Containers, ESXi, IaaS, Identity Provider, Linux, macOS, Network Devices, Office Suite, PRE, SaaS, Windows.",
    );
    expect(await w.db.observation.count()).toBe(0);
  });

  it.each([
    [{ sector: "99" }, "sector", /No NAICS sector has this code/],
    [{ country: "EU" }, "country", /Not an ISO 3166 country code/],
    [{ detectionType: "endpoint" }, "detectionType", /Use one of host, network, cloud\./],
    [{ privilegeLevel: "root" }, "privilegeLevel", /Use one of user, administrator, system, unknown\./],
    [{ confidence: "certain" }, "confidence", /Use one of low, medium, high\./],
    [{ observedFrom: "2999-01" }, "observedFrom", /in the future/],
    [{ observedTo: "2999-01-01" }, "observedTo", /in the future/],
    [{ observedFrom: "2025-06", observedTo: "2025-01" }, "observedTo", /before its start/],
  ])("refuses %j on %s with a message that says how to fix it", async (overrides, path, message) => {
    const error = await appErrorOf(
      createObservation(w.contributor, { ...observationInput(), ...overrides } as never, w.db),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.issues?.find((i) => i.path === path)?.message).toMatch(message);
    expect(await w.db.observation.count()).toBe(0);
  });
});

describe("revoked techniques", () => {
  it("names the replacement in the message, the field's issue and the details", async () => {
    const error = await appErrorOf(createObservation(w.contributor, observationInput({ technique: "t1086" }), w.db));
    expect(error.message).toBe(
      "T1086 (PowerShell) was revoked in ATT&CK: use T1059.001 (Command and Scripting Interpreter: PowerShell) instead.",
    );
    expect(error.issues).toEqual([{ path: "technique", message: "Revoked technique: use T1059.001" }]);
    const ps = await w.db.attackObject.findFirstOrThrow({ where: { attackId: "T1059.001" } });
    expect(error.details).toEqual({
      replacement: {
        technique: "T1059.001",
        stixId: ps.stixId,
        name: "Command and Scripting Interpreter: PowerShell",
        source: "revoked-by",
      },
    });
  });

  it("follows the chain when the replacement was itself revoked", async () => {
    // T1150 (Plist Modification) → T1547.011 (revoked) → T1647 (Plist File Modification).
    const error = await appErrorOf(createObservation(w.contributor, observationInput({ technique: "T1150" }), w.db));
    expect(error.message).toBe(
      "T1150 (Plist Modification) was revoked in ATT&CK: use T1647 (Plist File Modification) instead.",
    );
    expect(error.issues?.[0].message).toBe("Revoked technique: use T1647");
  });

  it("sends the contributor to the search when the catalog names no replacement", async () => {
    const t1086 = await w.db.attackObject.findFirstOrThrow({ where: { attackId: "T1086" } });
    await w.db.attackObject.update({ where: { id: t1086.id }, data: { revokedBy: null } });
    try {
      const error = await appErrorOf(createObservation(w.contributor, observationInput({ technique: "T1086" }), w.db));
      expect(error.message).toMatch(/^T1086 \(PowerShell\) was revoked in ATT&CK: search the catalog/);
      expect(error.details).toBeUndefined();
    } finally {
      await w.db.attackObject.update({ where: { id: t1086.id }, data: { revokedBy: t1086.revokedBy } });
    }
  });

  it("answers a catalog search for a revoked technique's whole ID with its replacement", async () => {
    expect(await findRevokedHit(w.db, { q: "t1086", kinds: ["technique"] })).toMatchObject({
      attackId: "T1086",
      name: "PowerShell",
      replacement: { attackId: "T1059.001", name: "Command and Scripting Interpreter: PowerShell" },
    });
    // A prefix, a live technique or another kind is not a revoked hit.
    expect(await findRevokedHit(w.db, { q: "T108", kinds: ["technique"] })).toBeNull();
    expect(await findRevokedHit(w.db, { q: "T1059.001", kinds: ["technique"] })).toBeNull();
    expect(await findRevokedHit(w.db, { q: "T1086", kinds: ["group"] })).toBeNull();
  });
});
