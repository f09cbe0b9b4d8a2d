import { describe, expect, it } from "vitest";
import { purgeTexts, stringLeaves, withLeaves } from "./purge-text";

describe("purgeTexts", () => {
  it("replaces only the value, in any case, and leaves what the recognizers would flag as it was stored", () => {
    const result = purgeTexts(
      { a: "Staged on files.corp.local for Kestrelwing.", b: "KESTRELWING again; [TERM-1] stays", c: "nothing" },
      "kestrelwing",
    );
    expect(result.fields).toEqual({
      a: "Staged on files.corp.local for [TERM-2].",
      b: "[TERM-2] again; [TERM-1] stays",
      c: "nothing",
    });
    expect(result.placeholder).toBe("[TERM-2]");
    expect(result.changed).toEqual(["a", "b"]);
  });

  it("matches whole words only, and numbers after a reserved placeholder", () => {
    expect(purgeTexts({ a: "Kestrelwings fly" }, "Kestrelwing").placeholder).toBeNull();
    expect(purgeTexts({ a: "for Kestrelwing" }, "Kestrelwing", "[TERM-2]").fields.a).toBe("for [TERM-3]");
  });
});

describe("stringLeaves / withLeaves", () => {
  it("address every string of a JSON value by path, skipping fixed paths, and put replacements back", () => {
    const value = { status: "X", actor: { kind: "PROPOSED", proposed: { aliases: ["a", "b"] } }, n: 3 };
    const leaves = stringLeaves(value, new Set(["status", "actor.kind"]));
    expect(leaves).toEqual({ "actor.proposed.aliases.0": "a", "actor.proposed.aliases.1": "b" });
    expect(withLeaves(value, { "actor.proposed.aliases.1": "B" })).toEqual({
      status: "X",
      actor: { kind: "PROPOSED", proposed: { aliases: ["a", "B"] } },
      n: 3,
    });
  });
});
