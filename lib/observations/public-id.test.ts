import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { isReleaseId, parseReleaseId } from "../releases/release-id";
import { isPublicId, parsePublicId } from "./public-id";

describe("parsePublicId", () => {
  it.each([
    ["OBS-000123", "OBS-000123"],
    ["obs-7", "OBS-7"],
  ])("accepts %j", (raw, id) => {
    expect(parsePublicId(raw)).toBe(id);
    expect(isPublicId(raw)).toBe(true);
  });
  it.each([["\ud800"], ["OBS-1\ud800"], ["OBS-"], ["OBS-1 "], ["%ED%A0%80"], ["1"], [{ id: "OBS-1" }], [null], [7]])(
    "refuses %j as NOT_FOUND",
    (raw) => {
      expect(isPublicId(raw)).toBe(false);
      expect(() => parsePublicId(raw)).toThrow(AppError);
      expect(() => parsePublicId(raw)).toThrow(/OBS-000123/);
    },
  );
});

describe("parseReleaseId", () => {
  it("accepts a cuid", () => expect(parseReleaseId("cmwzm18a70dt6077dglbza871")).toBe("cmwzm18a70dt6077dglbza871"));
  it.each([["\ud800"], [""], ["a/b"], [{}], ["x".repeat(65)]])("refuses %j", (raw) => {
    expect(isReleaseId(raw)).toBe(false);
    expect(() => parseReleaseId(raw)).toThrow(/No release/);
  });
});
