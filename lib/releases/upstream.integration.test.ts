// Closing the loop (issue 10), against a real database: observations exported against ATT&CK 18.1, then a crafted
// newer catalog (18.2, and later 18.3) whose `uses` relationships cite some of them. Cited ones are marked as taken
// upstream and their contributor gets one mail; a pair without a matching citation is not; re-imports mail nobody.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeActor, observationInput, seedCatalog } from "../../prisma/factories";
import { useTempOutbox } from "../../prisma/test-helpers";
import { importCatalog } from "../attack/import";
import type { Actor } from "../auth/permissions";
import { createTestDb, type TestDb } from "../db/testing";
import { flushMail, listOutbox } from "../mail";
import type { TObservationInput } from "../observations/schema";
import { createObservation, getObservation, getPublicRecord } from "../observations/service";
import { transitionObservation } from "../review/workflow";
import { recordUrl } from "./changelog-service";
import { createRelease, exportRelease } from "./service";
import { markTakenUpstream } from "./upstream";
import { ZObservationUpstreamAnswer } from "./upstream-view";

const POWERSHELL = "T1059.001";
const LSASS = "T1003.001";

describe("marking exported observations taken upstream after a newer ATT&CK import", () => {
  useTempOutbox();
  let t: TestDb;
  let contributor: Actor;
  let reviewer: Actor;
  let admin: Actor;
  const ids = {} as Record<"cited" | "uncited" | "record" | "green", string>;

  async function accepted(overrides: Partial<TObservationInput>) {
    const { observation } = await createObservation(contributor, observationInput(overrides), t.db);
    await transitionObservation(reviewer, observation.id, { action: "claim", version: 1 }, t.db);
    await transitionObservation(reviewer, observation.id, { action: "accept", version: 2 }, t.db);
    return observation.id;
  }

  const stixOf = async (attackId: string) =>
    (await t.db.attackObject.findFirstOrThrow({ where: { attackId, revoked: false } })).stix as Record<string, unknown>;

  /** A small newer Enterprise catalog: the four objects the observations name, plus these relationships. */
  async function newerCatalog(version: string, relationships: [string, string, Record<string, string>[]][]) {
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

  // What the mail worker has delivered once everything queued is sent.
  const upstreamMails = async () => {
    await flushMail(t.db);
    return (await listOutbox(100)).filter((m) => /is in ATT&CK/.test(m.subject));
  };
  const upstreamOfId = async (id: string) => (await getObservation(contributor, id, t.db)).upstream;
  let catalog18_2 = "";

  beforeAll(async () => {
    t = await createTestDb();
    await seedCatalog(t.db);
    contributor = await makeActor(t.db, "CONTRIBUTOR");
    reviewer = await makeActor(t.db, "REVIEWER");
    admin = await makeActor(t.db, "ADMIN");
    const release = await createRelease(
      admin,
      { name: "Upstream test release", domain: "enterprise-attack", attackVersion: "18.1" },
      t.db,
    );
    // APT28 × PowerShell, citing "Acme Labs 2026" at https://example.org/apt28 (the factory's reference).
    ids.cited = await accepted({});
    ids.uncited = await accepted({
      actor: { id: "G0016" },
      references: [
        { sourceName: "Beta Report 2026", url: "https://example.org/beta", description: "Beta.", public: true },
      ],
    });
    // No public report (a reference without an address): ATT&CK can cite its /o/ record page.
    ids.record = await accepted({
      technique: LSASS,
      references: [{ sourceName: "Internal incident report", description: "Our own incident response case." }],
    });
    // TLP:GREEN never leaves the platform, so ATT&CK cannot have taken it, whatever a relationship cites.
    ids.green = await accepted({ tlp: "GREEN" });
    expect(await exportRelease(admin, release.id, t.db)).toMatchObject({ status: "EXPORTED", heldBackByTlp: 1 });
  });
  afterAll(() => t.drop());

  it("changes nothing while ATT&CK is still the version the release targeted", async () => {
    expect(await markTakenUpstream(t.db, { domain: "enterprise-attack", version: "18.1" })).toEqual({
      marked: [],
      mailed: 0,
    });
    expect(await upstreamOfId(ids.cited)).toBeNull();
  });

  it("marks what the newer version cites (same URL, or the /o/ record) and mails the contributor once each", async () => {
    catalog18_2 = await newerCatalog("18.2", [
      // The report's URL as ATT&CK's editors rewrote it (www., trailing slash), under a name of their own.
      [
        "G0007",
        POWERSHELL,
        [{ source_name: "Acme APT28 Loaders", url: "https://www.example.org/apt28/", description: "Acme." }],
      ],
      // APT29 × PowerShell exists, but cites another source: not the observation's.
      [
        "G0016",
        POWERSHELL,
        [{ source_name: "Someone Else 2027", url: "https://other.example/x", description: "Else." }],
      ],
      // The observation's own source name, but on another pair: not a match either.
      ["G0016", LSASS, [{ source_name: "Beta Report 2026", url: "https://example.org/beta", description: "Beta." }]],
      [
        "G0007",
        LSASS,
        [{ source_name: "Procedure Exchange record", url: recordUrl(ids.record), description: "Record." }],
      ],
    ]);
    const result = await importCatalog(t.db, { json: catalog18_2 });
    expect(result).toMatchObject({ version: "18.2", current: true, skipped: false, takenUpstream: 2 });

    expect(await upstreamOfId(ids.cited)).toEqual({
      version: "18.2",
      relationshipId: "relationship--00000000-0000-4000-8000-000000000000",
    });
    expect(await upstreamOfId(ids.record)).toEqual({
      version: "18.2",
      relationshipId: "relationship--00000000-0000-4000-8000-000000000003",
    });
    expect(await upstreamOfId(ids.uncited)).toBeNull();
    // The answer fits what the OpenAPI document says of it, marked or not.
    for (const id of [ids.cited, ids.uncited]) {
      expect(ZObservationUpstreamAnswer.safeParse(await getObservation(contributor, id, t.db)).success).toBe(true);
    }
    expect(await upstreamOfId(ids.green)).toBeNull();
    expect((await getPublicRecord(ids.cited, t.db)).upstream).toMatchObject({ version: "18.2" });

    const mails = await upstreamMails();
    expect(mails.map((m) => [m.to, m.subject]).sort()).toEqual(
      [ids.cited, ids.record].map((id) => [contributor.email, `Your observation ${id} is in ATT&CK v18.2`]).sort(),
    );
    const mail = mails.find((m) => m.subject.includes(ids.cited))!;
    expect(mail.text).toContain("G0007 APT28");
    expect(mail.text).toContain("T1059.001");
    expect(mail.text).toContain(`/my/${ids.cited}`);
    expect(await t.db.auditEvent.count({ where: { action: "observation.upstream" } })).toBe(2);
  });

  it("mails nobody again on a re-import, nor when a later version cites the same observations", async () => {
    expect(await importCatalog(t.db, { json: catalog18_2 })).toMatchObject({ skipped: true, takenUpstream: 0 });
    const later = catalog18_2.replace('"x_mitre_version":"18.2"', '"x_mitre_version":"18.3"');
    expect(await importCatalog(t.db, { json: later })).toMatchObject({ version: "18.3", takenUpstream: 0 });
    expect(await upstreamOfId(ids.cited)).toMatchObject({ version: "18.2" });
    expect(await upstreamMails()).toHaveLength(2);
    expect(await t.db.auditEvent.count({ where: { action: "observation.upstream" } })).toBe(2);
  });
});
