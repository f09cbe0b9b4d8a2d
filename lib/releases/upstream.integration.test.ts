// Closing the loop (issue 10), against a real database: observations exported against ATT&CK 18.1, then a crafted
// newer catalog (18.2, and later 18.3) whose `uses` relationships cite some of them. Cited ones are marked as taken
// upstream and their contributor gets one mail; a pair without a matching citation is not; re-imports mail nobody.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalog } from "../../prisma/factories";
import { useTempOutbox } from "../../prisma/test-helpers";
import { importCatalog } from "../attack/import";
import { createTestDb, type TestDb } from "../db/testing";
import { flushMail, listOutbox } from "../mail";
import { getObservation, getPublicRecord } from "../observations/service";
import { markTakenUpstream } from "./upstream";
import { exportedForUpstream, newerCatalog, takingTwo, type UpstreamWorld } from "./upstream.fixture";
import { ZObservationUpstreamAnswer } from "./upstream-view";

describe("marking exported observations taken upstream after a newer ATT&CK import", () => {
  useTempOutbox();
  let t: TestDb;
  let w: UpstreamWorld;
  let ids: UpstreamWorld["ids"];

  // What the mail worker has delivered once everything queued is sent.
  const upstreamMails = async () => {
    await flushMail(t.db);
    return (await listOutbox(100)).filter((m) => /is in ATT&CK/.test(m.subject));
  };
  const upstreamOfId = async (id: string) => (await getObservation(w.contributor, id, t.db)).upstream;
  let catalog18_2 = "";

  beforeAll(async () => {
    t = await createTestDb();
    await seedCatalog(t.db);
    w = await exportedForUpstream(t.db);
    ids = w.ids;
    expect(w.exported).toMatchObject({ status: "EXPORTED", heldBackByTlp: 1 });
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
    catalog18_2 = await newerCatalog(t.db, "18.2", takingTwo(ids));
    const result = await importCatalog(t.db, { json: catalog18_2 });
    expect(result).toMatchObject({ version: "18.2", current: true, skipped: false, takenUpstream: 2 });
    // Through the job the import queued, run at once in this process (./upstream-job.ts).
    expect(result.upstreamJob).toMatchObject({ status: "DONE", taken: 2 });

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
      expect(ZObservationUpstreamAnswer.safeParse(await getObservation(w.contributor, id, t.db)).success).toBe(true);
    }
    expect(await upstreamOfId(ids.green)).toBeNull();
    expect((await getPublicRecord(ids.cited, t.db)).upstream).toMatchObject({ version: "18.2" });

    const mails = await upstreamMails();
    expect(mails.map((m) => [m.to, m.subject]).sort()).toEqual(
      [ids.cited, ids.record].map((id) => [w.contributor.email, `Your observation ${id} is in ATT&CK v18.2`]).sort(),
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
