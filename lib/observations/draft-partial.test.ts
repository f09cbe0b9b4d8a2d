import { describe, expect, it } from "vitest";
import { z } from "zod";
import { draftFieldLabel, parseWhatIsValid, withoutPaths } from "./draft-partial";

describe("withoutPaths", () => {
  it("removes nested keys and array entries without leaving holes, and leaves the input alone", () => {
    const input = { a: 1, refs: [{ url: "x", name: "n" }, { url: "y" }], list: ["p", "q", "r"] };
    expect(withoutPaths(input, ["a", "refs.1.url", "list.0", "list.2"])).toEqual({
      refs: [{ url: "x", name: "n" }, {}],
      list: ["q"],
    });
    expect(input.list).toEqual(["p", "q", "r"]);
  });
});

describe("parseWhatIsValid", () => {
  const schema = z
    .object({
      tlp: z.string(),
      when: z
        .string()
        .regex(/^\d{4}$/, "Use YYYY.")
        .optional(),
    })
    .strict();

  it("drops only the field that is not valid and names it", () => {
    expect(parseWhatIsValid(schema, { tlp: "AMBER", when: "soon" })).toEqual({
      data: { tlp: "AMBER" },
      skipped: [{ path: "when", message: "Use YYYY." }],
    });
  });

  it("refuses a body whose problem is the body itself", () => {
    expect("error" in parseWhatIsValid(schema, "text")).toBe(true);
    expect("error" in parseWhatIsValid(schema, { tlp: "A", other: 1 })).toBe(true);
  });
});

describe("draftFieldLabel", () => {
  it("names fields as the form does", () => {
    expect(draftFieldLabel("observedTo")).toBe("Observed to");
    expect(draftFieldLabel("references.2.url")).toBe("reference 3 URL");
    expect(draftFieldLabel("platforms.1")).toBe("Platforms");
  });
});
