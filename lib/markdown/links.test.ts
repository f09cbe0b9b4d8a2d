import { describe, expect, it } from "vitest";
import { httpOnly } from "./links";

describe("httpOnly", () => {
  it("keeps http(s) links to real hosts", () => {
    expect(httpOnly(" https://attack.mitre.org/techniques/T1059/001 ")).toBe(
      "https://attack.mitre.org/techniques/T1059/001",
    );
    expect(httpOnly("http://example.org")).toBe("http://example.org");
  });

  it("turns everything else into text, including a host the anonymizer replaced", () => {
    for (const url of ["javascript:alert(1)", "data:text/html,x", "mailto:a@b.c", "/my/OBS-1", "https://[HOST-3]/r"]) {
      expect(httpOnly(url), url).toBe("");
    }
  });
});
