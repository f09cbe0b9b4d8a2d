// Closing the loop's test world (upstream*.integration.test.ts): observations exported against ATT&CK 18.1 in a
// database seeded with the real Enterprise 18.1 catalog, and crafted newer catalogs (18.2, 18.3 …) whose `uses`
// relationships cite some of them.
import { makeActor, observationInput } from "../../prisma/factories";
import type { Actor } from "../auth/permissions";
import type { Db } from "../db/client";
import type { TObservationInput } from "../observations/schema";
import { createObservation } from "../observations/service";
import { transitionObservation } from "../review/workflow";
import { recordUrl } from "./changelog-service";
import { createRelease, exportRelease } from "./service";

export const POWERSHELL = "T1059.001";
export const LSASS = "T1003.001";

export interface UpstreamWorld {
  contributor: Actor;
  reviewer: Actor;
  admin: Actor;
  /** cited: APT28 × PowerShell; uncited: APT29 × PowerShell; record: no public report; green: TLP:GREEN. */
  ids: Record<"cited" | "uncited" | "record" | "green", string>;
  exported: Awaited<ReturnType<typeof exportRelease>>;
}

/** Four accepted observations in a release targeting 18.1, exported (the GREEN one is held back). */
export async function exportedForUpstream(db: Db): Promise<UpstreamWorld> {
  const contributor = await makeActor(db, "CONTRIBUTOR");
  const reviewer = await makeActor(db, "REVIEWER");
  const admin = await makeActor(db, "ADMIN");
  async function accepted(overrides: Partial<TObservationInput>) {
    const { observation } = await createObservation(contributor, observationInput(overrides), db);
    await transitionObservation(reviewer, observation.id, { action: "claim", version: 1 }, db);
    await transitionObservation(reviewer, observation.id, { action: "accept", version: 2 }, db);
    return observation.id;
  }
  const release = await createRelease(
    admin,
    { name: "Upstream test release", domain: "enterprise-attack", attackVersion: "18.1" },
    db,
  );
  const ids = {
    // APT28 × PowerShell, citing "Acme Labs 2026" at https://example.org/apt28 (the factory's reference).
    cited: await accepted({}),
    uncited: await accepted({
      actor: { id: "G0016" },
      references: [
        { sourceName: "Beta Report 2026", url: "https://example.org/beta", description: "Beta.", public: true },
      ],
    }),
    // No public report (a reference without an address): ATT&CK can cite its /o/ record page.
    record: await accepted({
      technique: LSASS,
      references: [{ sourceName: "Internal incident report", description: "Our own incident response case." }],
    }),
    // TLP:GREEN never leaves the platform, so ATT&CK cannot have taken it, whatever a relationship cites.
    green: await accepted({ tlp: "GREEN" }),
  };
  const exported = await exportRelease(admin, release.id, db);
  return { contributor, reviewer, admin, ids, exported };
}

export type CraftedRelationship = [actor: string, technique: string, references: Record<string, string>[]];

/** A small newer Enterprise catalog: the four objects the observations name, plus these relationships. */
export async function newerCatalog(db: Db, version: string, relationships: CraftedRelationship[]): Promise<string> {
  const stixOf = async (attackId: string) =>
    (await db.attackObject.findFirstOrThrow({ where: { attackId, revoked: false } })).stix as Record<string, unknown>;
  const objects: Record<string, unknown>[] = [
    {
      type: "x-mitre-collection",
      id: "x-mitre-collection--1f5f1533-f617-4ca8-9ab4-6a02367fa019",
      spec_version: "2.1",
      name: "Enterprise ATT&CK",
      x_mitre_version: version,
      created: "2018-01-17T12:56:55.080Z",
      modified: "2026-12-01T00:00:00.000Z",
    },
  ];
  for (const id of [POWERSHELL, LSASS, "G0007", "G0016"]) objects.push(await stixOf(id));
  relationships.forEach(([actor, technique, refs], i) =>
    objects.push({
      type: "relationship",
      id: `relationship--00000000-0000-4000-8000-00000000000${i}`,
      relationship_type: "uses",
      source_ref: objects.find((o) => JSON.stringify(o.external_references ?? []).includes(`"${actor}"`))!.id,
      target_ref: objects.find((o) => JSON.stringify(o.external_references ?? []).includes(`"${technique}"`))!.id,
      description: `Crafted procedure example ${i}.`,
      external_references: refs,
      created: "2026-12-01T00:00:00.000Z",
      modified: "2026-12-01T00:00:00.000Z",
    }),
  );
  return JSON.stringify({ type: "bundle", id: "bundle--4d4f4b1e-0c9a-4b5e-9f0b-5b4e9b0b7c11", objects });
}

/**
 * The relationships of a version that took two of the world's observations (the cited one by its report's URL as
 * ATT&CK's editors rewrote it, the record one by its /o/ page) and neither of the others.
 */
export function takingTwo(ids: UpstreamWorld["ids"]): CraftedRelationship[] {
  return [
    // The report's URL as ATT&CK's editors rewrote it (www., trailing slash), under a name of their own.
    [
      "G0007",
      POWERSHELL,
      [{ source_name: "Acme APT28 Loaders", url: "https://www.example.org/apt28/", description: "Acme." }],
    ],
    // APT29 × PowerShell exists, but cites another source: not the observation's.
    ["G0016", POWERSHELL, [{ source_name: "Someone Else 2027", url: "https://other.example/x", description: "Else." }]],
    // The observation's own source name, but on another pair: not a match either.
    ["G0016", LSASS, [{ source_name: "Beta Report 2026", url: "https://example.org/beta", description: "Beta." }]],
    [
      "G0007",
      LSASS,
      [{ source_name: "Procedure Exchange record", url: recordUrl(ids.record), description: "Record." }],
    ],
  ];
}
