import { beforeEach, describe, expect, it } from "vitest";
import { makeActor, observationInput } from "../../prisma/factories";
import { appErrorOf, useTempOutbox, useWorkDb } from "../../prisma/test-helpers";
import { flushMail, listOutbox } from "../mail";
import type { Actor } from "../auth/permissions";
import { transitionObservation } from "../review/workflow";
import { createObservation, editObservation, getObservation, listMyObservations } from "./service";

const w = useWorkDb();
useTempOutbox();
let other: Actor;
beforeEach(async () => {
  other = await makeActor(w.db, "CONTRIBUTOR");
});

/** Every text column a submission writes, to prove the raw identifiers went nowhere. */
async function everythingStored(): Promise<string> {
  const [observations, revisions, audit] = await Promise.all([
    w.db.observation.findMany(),
    w.db.revision.findMany(),
    w.db.auditEvent.findMany(),
  ]);
  return JSON.stringify([observations, revisions, audit]);
}

describe("createObservation", () => {
  it("stores only the scrubbed text, with a public id, a first revision and an audit event", async () => {
    const { observation, findings } = await createObservation(w.contributor, observationInput(), w.db);
    expect(observation.id).toMatch(/^OBS-\d{6}$/);
    expect(observation.status).toBe("SUBMITTED");
    expect(observation.version).toBe(1);
    expect(observation.procedure).toBe(
      "used PowerShell on [HOST-1] to fetch a loader from [IP-1] and mailed it to [EMAIL-1].",
    );
    expect(findings.map((f) => f.kind)).toEqual(["HOST", "IP", "EMAIL"]);
    const stored = await everythingStored();
    for (const raw of ["fin-ws-12", "corp.local", "10.20.30.40", "jane.doe", "victim-bank"])
      expect(stored).not.toContain(raw);
    const revisions = await w.db.revision.findMany();
    expect(revisions.map((r) => [r.version, r.reason])).toEqual([[1, "created"]]);
    const audit = await w.db.auditEvent.findMany();
    expect(audit.map((a) => [a.action, a.subjectId])).toEqual([["observation.submit", observation.id]]);
  });

  it("queues a receipt that names the technique with its parent, as the catalog does, and the same as a submit", async () => {
    const { observation } = await createObservation(w.contributor, observationInput(), w.db);
    const draft = await createObservation(w.contributor, observationInput({ draft: true }), w.db);
    await transitionObservation(w.contributor, draft.observation.id, { action: "submit", version: 1 }, w.db);
    await flushMail(w.db);
    const receipts = (await listOutbox(10)).filter((m) => m.to === w.contributor.email);
    // The submission's label comes from the catalog in memory, the submit transition's from catalogNames: one text.
    for (const id of [observation.id, draft.observation.id]) {
      const receipt = receipts.find((m) => m.text.includes(`We received your observation ${id} `));
      expect(receipt?.text, id).toContain(`${id} (T1059.001 Command and Scripting Interpreter: PowerShell)`);
    }
  });

  it("honours keep (public indicators) and redact (extra terms) without storing either list", async () => {
    const { observation } = await createObservation(
      w.contributor,
      observationInput({
        procedure: "Acme Bank staff received a lure from update-check.example.com that dropped a loader.",
        keep: ["update-check.example.com"],
        redact: ["Acme Bank"],
      }),
      w.db,
    );
    expect(observation.procedure).toBe(
      "[TERM-1] staff received a lure from update-check.example.com that dropped a loader.",
    );
    expect(await everythingStored()).not.toContain("Acme Bank");
  });

  it("accepts STIX ids as well as ATT&CK ids and keeps drafts as DRAFT", async () => {
    const technique = await w.db.attackObject.findFirstOrThrow({ where: { attackId: "T1059.001" } });
    const { observation } = await createObservation(
      w.contributor,
      observationInput({ technique: technique.stixId, draft: true }),
      w.db,
    );
    expect(observation.status).toBe("DRAFT");
    expect(observation.technique).toEqual({ id: "T1059.001", stixId: technique.stixId });
  });

  it.each([
    [{ technique: "T9999" }, "technique"],
    [{ actor: { id: "G9999" } }, "actor.id"],
    [{ references: [] }, "references"],
    [{ procedure: "too short" }, "procedure"],
    [{ country: "DE", region: "RIPE NCC" as const }, "region"],
  ])("rejects %j naming %s, and writes nothing", async (overrides, path) => {
    const error = await appErrorOf(createObservation(w.contributor, observationInput(overrides), w.db));
    expect(error.code).toBe("VALIDATION");
    expect(error.issues?.map((i) => i.path)).toContain(path);
    expect(await w.db.observation.count()).toBe(0);
    expect(await w.db.auditEvent.count()).toBe(0);
  });

  it("rejects unknown fields instead of silently dropping them", async () => {
    const error = await appErrorOf(
      createObservation(w.contributor, { ...observationInput(), status: "ACCEPTED" }, w.db),
    );
    expect(error.code).toBe("VALIDATION");
  });
});

describe("reading", () => {
  it("shows contributors only their own observations; reviewers see all", async () => {
    const { observation } = await createObservation(w.contributor, observationInput(), w.db);
    expect((await getObservation(w.contributor, observation.id, w.db)).id).toBe(observation.id);
    expect((await getObservation(w.reviewer, observation.id, w.db)).id).toBe(observation.id);
    expect((await appErrorOf(getObservation(other, observation.id, w.db))).code).toBe("NOT_FOUND");
    expect((await listMyObservations(other, {}, w.db)).items).toEqual([]);
    expect((await listMyObservations(w.contributor, {}, w.db)).items.map((o) => o.id)).toEqual([observation.id]);
  });
});

describe("citations", () => {
  it("refuses a (Citation: X) that names no reference, on create and on edit, changing nothing", async () => {
    const cited = "Ran an encoded PowerShell loader from a scheduled task.(Citation: Gamma Report)";
    const onCreate = await appErrorOf(createObservation(w.contributor, observationInput({ procedure: cited }), w.db));
    const ok = `${cited.replace("Gamma Report", "Acme Labs 2026")}`;
    const { observation } = await createObservation(
      w.contributor,
      observationInput({ draft: true, procedure: ok }),
      w.db,
    );
    // An edit that renames the only reference leaves the text's marker pointing nowhere.
    const onEdit = await appErrorOf(
      editObservation(
        w.contributor,
        observation.id,
        { version: 1, references: [{ sourceName: "Beta Labs 2026", description: "Beta Labs. (2026). Notes." }] },
        w.db,
      ),
    );
    expect(onCreate.issues).toEqual([
      {
        path: "procedure",
        message:
          '(Citation: Gamma Report) names no reference: add a reference whose source name is "Gamma Report", or remove the marker.',
      },
    ]);
    expect(onEdit.issues?.map((i) => i.message)).toEqual([expect.stringContaining("(Citation: Acme Labs 2026)")]);
    expect((await getObservation(w.contributor, observation.id, w.db)).version).toBe(1);
  });
});

describe("editObservation", () => {
  // One technique rule for create and edit: T1153 (Source) is deprecated in ATT&CK 18.1.
  it.each([
    ["deprecated", async () => "T1153", /T1153 \(Source\) is deprecated/],
    // T1086 was revoked by T1059.001 (18.1's revoked-by relationship): the message names the replacement.
    [
      "revoked",
      async () => "T1086",
      /^T1086 \(PowerShell\) was revoked in ATT&CK: use T1059\.001 \(Command and Scripting Interpreter: PowerShell\) instead\.$/,
    ],
    ["unknown", async () => "T9999", /Unknown technique "T9999"/],
  ])("refuses a %s technique on edit exactly as on create, changing nothing", async (_kind, ref, message) => {
    const technique = await ref();
    const onCreate = await appErrorOf(createObservation(w.contributor, observationInput({ technique }), w.db));
    const { observation } = await createObservation(w.contributor, observationInput({ draft: true }), w.db);
    const onEdit = await appErrorOf(editObservation(w.contributor, observation.id, { version: 1, technique }, w.db));
    for (const error of [onCreate, onEdit]) {
      expect(error.code).toBe("VALIDATION");
      expect(error.message).toMatch(message);
      expect(error.issues?.map((i) => i.path)).toEqual(["technique"]);
    }
    expect(onEdit.message).toBe(onCreate.message);
    const stored = await getObservation(w.contributor, observation.id, w.db);
    expect([stored.version, stored.technique.id]).toEqual([1, "T1059.001"]);
  });

  it("writes a revision in the same change and scrubs the new text", async () => {
    const { observation } = await createObservation(w.contributor, observationInput(), w.db);
    await transitionObservation(w.reviewer, observation.id, { action: "claim", version: 1 }, w.db); // edits need a claim
    const edited = await editObservation(
      w.reviewer,
      observation.id,
      { version: 2, procedure: `${observation.procedure} Then it beaconed to c2.corp.internal.`, reason: "added C2" },
      w.db,
    );
    expect(edited.version).toBe(3);
    expect(edited.procedure).toContain("[HOST-1]");
    expect(edited.procedure).toContain("beaconed to [HOST-2].");
    const revisions = await w.db.revision.findMany({ orderBy: { version: "asc" } });
    expect(revisions.map((r) => [r.version, r.reason, r.editorId])).toEqual([
      [1, "created", w.contributor.id],
      [2, "claim", w.reviewer.id],
      [3, "added C2", w.reviewer.id],
    ]);
  });

  it("refuses a reviewer's edit without a reason, naming the field, and writes nothing", async () => {
    const { observation } = await createObservation(w.contributor, observationInput(), w.db);
    await transitionObservation(w.reviewer, observation.id, { action: "claim", version: 1 }, w.db);
    const before = await w.db.observation.findFirstOrThrow();
    const [revisions, audits] = [await w.db.revision.count(), await w.db.auditEvent.count()];
    for (const [actor, reason] of [
      [w.reviewer, undefined],
      [w.reviewer, "   "],
      [w.admin, undefined],
    ] as const) {
      const error = await appErrorOf(
        editObservation(
          actor,
          observation.id,
          { version: 2, procedure: `${observation.procedure} One more detail here.`, reason },
          w.db,
        ),
      );
      expect(error.code).toBe("VALIDATION");
      expect(error.message).toMatch(/reason: .*needs a reason/);
      expect(error.issues?.map((i) => i.path)).toEqual(["reason"]);
    }
    expect(await w.db.observation.findFirstOrThrow()).toEqual(before);
    expect(await w.db.revision.count()).toBe(revisions);
    expect(await w.db.auditEvent.count()).toBe(audits);
  });

  it("lets the contributor edit their own work without a reason", async () => {
    const { observation } = await createObservation(w.contributor, { ...observationInput(), draft: true }, w.db);
    const edited = await editObservation(
      w.contributor,
      observation.id,
      { version: 1, procedure: `${observation.procedure} One more detail here.` },
      w.db,
    );
    expect(edited.version).toBe(2);
    const revision = await w.db.revision.findFirstOrThrow({ where: { version: 2 } });
    expect(revision.reason).toBe("edited");
  });

  it("answers a stale version with CONFLICT and the current state, changing nothing", async () => {
    const { observation } = await createObservation(w.contributor, observationInput(), w.db);
    await transitionObservation(w.reviewer, observation.id, { action: "claim", version: 1 }, w.db);
    await editObservation(
      w.reviewer,
      observation.id,
      { version: 2, procedure: `${observation.procedure} One more detail here.`, reason: "one more detail" },
      w.db,
    );
    const error = await appErrorOf(
      editObservation(
        w.reviewer,
        observation.id,
        { version: 2, procedure: "an edit based on the old version", reason: "stale" },
        w.db,
      ),
    );
    expect(error.code).toBe("CONFLICT");
    expect((error.details?.current as { version: number }).version).toBe(3);
    expect(await w.db.revision.count()).toBe(3);
    expect((await getObservation(w.reviewer, observation.id, w.db)).procedure).not.toContain("old version");
  });

  it("does not let a contributor edit a submitted observation, nor anyone else's", async () => {
    const { observation } = await createObservation(w.contributor, observationInput(), w.db);
    expect(
      (
        await appErrorOf(
          editObservation(w.contributor, observation.id, { version: 1, procedure: "x".repeat(30) }, w.db),
        )
      ).code,
    ).toBe("INVALID_STATE");
    expect(
      (await appErrorOf(editObservation(other, observation.id, { version: 1, procedure: "x".repeat(30) }, w.db))).code,
    ).toBe("NOT_FOUND");
  });
});
