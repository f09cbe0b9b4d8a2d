// Issue 5 item 3: no free-text field of an observation is stored verbatim, on create or edit; public
// references are; and the refusals (URLs, internal hosts, post-scrub length, lone surrogates) write nothing.
import { describe, expect, it } from "vitest";
import { observationInput } from "../../prisma/factories";
import { appErrorOf, useWorkDb, dumpAllTables } from "../../prisma/test-helpers";
import { createObservation, editObservation } from "./service";

const w = useWorkDb();

const dumpEverything = () => dumpAllTables(w.db, w.t.url);

// One distinct identifier per free-text field, plus one value shared by three fields.
const RAW = {
  procedure: "zeta-ws-01.corp.local",
  shared: "hub.quokka.lan",
  sourceName: "analyst@quokka-bank.com",
  citation: "10.66.77.88",
  term: "Quokka Bank",
  name: "ops.panda.internal",
  alias: "172.16.99.1",
  description: "mailhub.platypus.corp",
  platform: "vm-host.emu.local",
  editProcedure: "edit-ws.corp.local",
  editCitation: "numbat@numbat-insurance.com",
  reason: "bob@wombat-mutual.com",
};

const PUBLIC_REF = {
  sourceName: "Example Org 2026",
  url: "https://reports.example.org/quokka.pdf",
  description: "Example Org. (2026). Loaders served from evil-cdn.example.net and mail.example.com.",
  public: true,
};

describe("every free-text field is anonymized", () => {
  it("on create and on edit, with one numbering, and nothing raw in any table", async () => {
    // Platforms are the catalog's vocabulary, not free text: a host name there is refused, so never stored.
    const refused = await appErrorOf(
      createObservation(w.contributor, observationInput({ platforms: ["Windows", RAW.platform] }), w.db),
    );
    expect(refused.issues?.map((i) => i.path)).toEqual(["platforms.1"]);
    expect(refused.message).not.toContain(RAW.platform);
    const { observation, findings } = await createObservation(
      w.contributor,
      observationInput({
        draft: true,
        procedure: `Ran a loader on ${RAW.procedure}, staged on ${RAW.shared}.`,
        references: [
          {
            sourceName: `Notes from ${RAW.sourceName}`,
            description: `${RAW.term} ticket: traffic from ${RAW.citation} to ${RAW.shared}.`,
          },
          PUBLIC_REF,
        ],
        actor: {
          proposed: {
            type: "intrusion-set",
            name: `Crew at ${RAW.name}`,
            aliases: [`${RAW.alias} crew`, `${RAW.shared} operators`],
            description: `Operators who reused ${RAW.description} for phishing.`,
          },
        },
        platforms: ["Windows"],
        redact: [RAW.term],
      }),
      w.db,
    );
    expect(observation.procedure).toBe("Ran a loader on [HOST-1], staged on [HOST-2].");
    expect(observation.references).toEqual([
      {
        sourceName: "Notes from [EMAIL-1]",
        description: "[TERM-1] ticket: traffic from [IP-1] to [HOST-2].",
        public: false,
      },
      PUBLIC_REF,
    ]);
    expect(observation.actor).toEqual({
      kind: "PROPOSED",
      proposed: {
        type: "intrusion-set",
        name: "Crew at [HOST-3]",
        aliases: ["[IP-2] crew", "[HOST-2] operators"],
        description: "Operators who reused [HOST-4] for phishing.",
      },
    });
    expect(observation.platforms).toEqual(["Windows"]);
    expect(findings.find((f) => f.value === RAW.shared)?.fields).toEqual([
      "procedure",
      "references.0.description",
      "actor.proposed.aliases.1",
    ]);

    const edited = await editObservation(
      w.contributor,
      observation.id,
      {
        version: 1,
        procedure: `${observation.procedure} Then it moved to ${RAW.editProcedure}.`,
        references: [
          ...observation.references.slice(0, 1),
          { sourceName: "Follow-up notes", description: `Confirmed by ${RAW.editCitation}.` },
          PUBLIC_REF,
        ],
        reason: `as ${RAW.reason} reported`,
      },
      w.db,
    );
    // New values are numbered after every placeholder already in the observation.
    expect(edited.procedure).toBe("Ran a loader on [HOST-1], staged on [HOST-2]. Then it moved to [HOST-5].");
    expect(edited.references[1]).toEqual({
      sourceName: "Follow-up notes",
      description: "Confirmed by [EMAIL-2].",
      public: false,
    });
    expect(edited.references[2]).toEqual(PUBLIC_REF);
    const revision = await w.db.revision.findFirstOrThrow({ where: { version: 2 } });
    expect(revision.reason).toBe("as [EMAIL-3] reported");

    const everything = await dumpEverything();
    for (const raw of Object.values(RAW)) expect(everything.toLowerCase()).not.toContain(raw.toLowerCase());
    // The public report is published as written.
    expect(everything).toContain("evil-cdn.example.net");
    expect(everything).toContain(PUBLIC_REF.url);
  });
});

async function expectRefusal(promise: Promise<unknown>, path: string, message: RegExp): Promise<void> {
  const error = await appErrorOf(promise);
  expect(error.code).toBe("VALIDATION");
  const issue = error.issues?.find((i) => i.path === path);
  expect(issue?.message, JSON.stringify(error.issues)).toMatch(message);
  for (const count of [w.db.observation.count(), w.db.revision.count(), w.db.auditEvent.count()])
    expect(await count).toBe(0);
}

describe("refusals write nothing", () => {
  it("refuses a URL on a reference not marked public", async () => {
    await expectRefusal(
      createObservation(w.contributor, observationInput({ references: [{ ...PUBLIC_REF, public: false }] }), w.db),
      "references.0.url",
      /kept only for a public report.*"public": true/,
    );
  });

  it.each([
    ["https://wiki.acme.corp/incident-42", /internal host name/],
    ["http://intranet/reports/1", /internal host name/],
    ["http://10.20.30.40/report.pdf", /private address/],
    ["http://127.0.0.1:3000/r", /loopback address/],
    ["http://[fe80::1]/r", /linkLocal address/],
  ])("refuses the public URL %s", async (url, message) => {
    await expectRefusal(
      createObservation(
        w.contributor,
        observationInput({ references: [PUBLIC_REF, { ...PUBLIC_REF, sourceName: "Second", url }] }),
        w.db,
      ),
      "references.1.url",
      message,
    );
  });

  // Short identifiers whose placeholders are longer: `0a@b.io` (7 characters) becomes `[EMAIL-123]` (11).
  const manyEmails = (n: number) =>
    Array.from({ length: n }, (_, i) => `${i.toString(36).padStart(2, "0")}@b.io`).join(" ");

  it("refuses a procedure that anonymization pushes past its limit, never truncating it", async () => {
    const procedure = manyEmails(600);
    expect(procedure.length).toBeLessThanOrEqual(5_000);
    await expectRefusal(
      createObservation(w.contributor, observationInput({ procedure }), w.db),
      "procedure",
      /After anonymization the procedure is \d+ characters, over the limit of 5000: shorten it/,
    );
  });

  it("refuses a citation that anonymization pushes past its limit", async () => {
    const description = manyEmails(240);
    expect(description.length).toBeLessThanOrEqual(2_000);
    await expectRefusal(
      createObservation(
        w.contributor,
        observationInput({ references: [{ sourceName: "Internal notes", description }] }),
        w.db,
      ),
      "references.0.description",
      /After anonymization the citation of reference 1 is \d+ characters, over the limit of 2000/,
    );
  });

  it("refuses an edit reason that anonymization pushes past its limit, and keeps the observation as it was", async () => {
    const { observation } = await createObservation(w.contributor, observationInput({ draft: true }), w.db);
    const reason = manyEmails(60);
    expect(reason.length).toBeLessThanOrEqual(500);
    const error = await appErrorOf(
      editObservation(w.contributor, observation.id, { version: 1, procedure: "x".repeat(40), reason }, w.db),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.issues?.map((i) => i.path)).toEqual(["reason"]);
    expect(await w.db.revision.count()).toBe(1);
    expect((await w.db.observation.findFirstOrThrow()).version).toBe(1);
  });

  it.each([
    ["procedure", { procedure: "A lone surrogate \ud800 inside a long enough procedure." }],
    ["references.0.description", { references: [{ sourceName: "Notes", description: "Broken \udc00 citation" }] }],
    [
      "actor.proposed.aliases.0",
      {
        actor: {
          proposed: {
            type: "tool" as const,
            name: "New tool",
            aliases: ["bad\ud83d"],
            description: "A tool seen once.",
          },
        },
      },
    ],
    ["platforms.0", { platforms: ["Win\udfff"] }],
  ])("refuses a lone surrogate in %s", async (path, overrides) => {
    await expectRefusal(createObservation(w.contributor, observationInput(overrides), w.db), path, /invalid character/);
  });

  it("accepts a well-formed emoji (a surrogate pair)", async () => {
    const { observation } = await createObservation(
      w.contributor,
      observationInput({ procedure: "Operators signed their notes with 🦘 and ran a loader." }),
      w.db,
    );
    expect(observation.procedure).toContain("🦘");
  });
});
