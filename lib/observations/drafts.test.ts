import { describe, expect, it } from "vitest";
import { ZDraftInput, type TDraftFields } from "./draft-schema";
import { anonymizeDraft } from "./drafts";

describe("ZDraftInput", () => {
  it("accepts the incomplete form a draft is", () => {
    expect(ZDraftInput.safeParse({}).success).toBe(true);
    const parsed = ZDraftInput.parse({ technique: "", actor: { id: "" }, procedure: "x", references: [{}] });
    expect(parsed.references).toEqual([{ sourceName: "", description: "", public: false }]);
    expect(ZDraftInput.safeParse({ actor: { proposed: { name: "Ne" } } }).success).toBe(true);
  });

  it("keeps the submission's upper limits and refuses ids that are not ids", () => {
    const paths = (input: unknown) => ZDraftInput.safeParse(input).error?.issues.map((i) => i.path.join("."));
    expect(paths({ procedure: "a".repeat(5_001) })).toEqual(["procedure"]);
    expect(paths({ technique: "jdoe@victim-bank.com" })).toEqual(["technique"]);
    expect(paths({ actor: { id: "DC01.corp.local" } })).toEqual(["actor.id"]);
    expect(paths({ references: [{ url: "https://example.org/r" }] })).toEqual(["references.0.url"]);
    expect(paths({ draft: true })).toEqual([""]);
  });
});

describe("anonymizeDraft", () => {
  it("stores free text scrubbed, choices as given, and the redact terms nowhere", () => {
    const { data, replaced } = anonymizeDraft(
      ZDraftInput.parse({
        technique: "T1059.001",
        procedure: "dumped lsass on fin-ws-12.corp.local for Globex",
        platforms: ["Windows on fin-ws-12.corp.local"],
        keep: ["evil-c2.example", "192.168.1.10"],
        redact: ["Globex"],
        sector: "52",
      }),
    );
    expect(data.procedure).toMatch(/^dumped lsass on \[HOST-1\] for \[[A-Z]+-1\]$/);
    expect(data.platforms).toEqual(["Windows on [HOST-1]"]);
    expect(data).toMatchObject({ technique: "T1059.001", sector: "52", keep: ["evil-c2.example"] });
    expect(JSON.stringify(data)).not.toMatch(/Globex|fin-ws-12|192\.168/);
    expect(replaced).toBe(2);
  });

  it("scrubs a field it does not know (one the schema gains later), numbered after the others", () => {
    const fields = {
      procedure: "ran a tool on fin-ws-12.corp.local",
      detectionNotes: { text: "seen by jane.doe@victim-bank.com on ws-99.corp.local" },
    };
    const { data } = anonymizeDraft(fields as TDraftFields);
    expect(data.procedure).toBe("ran a tool on [HOST-1]");
    expect((data as Record<string, unknown>).detectionNotes).toEqual({ text: "seen by [EMAIL-1] on [HOST-2]" });
  });
});
