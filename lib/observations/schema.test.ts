import { describe, expect, it } from "vitest";
import { ZReleaseInput } from "../releases/service";
import { ZAnonymizeInput, ZObservationEdit, ZTransitionInput } from "./schema";

// A lone UTF-16 surrogate is refused by every string of these schemas, naming the field that holds it.
describe("lone surrogates", () => {
  it.each([
    ["anonymize text", ZAnonymizeInput, { text: "on dc01\ud800" }, "text"],
    ["anonymize keep", ZAnonymizeInput, { text: "ok", keep: ["\udc00"] }, "keep.0"],
    ["transition comment", ZTransitionInput, { action: "ask", version: 1, comment: "why \ud800?" }, "comment"],
    ["edit reason", ZObservationEdit, { version: 1, reason: "typo \udfff" }, "reason"],
    ["release name", ZReleaseInput, { name: "Additions \ud83d", attackVersion: "18.1" }, "name"],
  ])("%s", (_, schema, input, path) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join(".") === path);
    expect(issue?.message).toMatch(/invalid character/);
  });

  it("accepts surrogate pairs", () => {
    expect(ZTransitionInput.safeParse({ action: "ask", version: 1, comment: "which host? 🤔" }).success).toBe(true);
  });
});
