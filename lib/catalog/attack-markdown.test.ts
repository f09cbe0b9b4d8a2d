import { describe, expect, it } from "vitest";
import { attackMarkdown } from "./attack-markdown";

describe("attackMarkdown", () => {
  it("turns ATT&CK's <code> tags into code spans", () => {
    expect(attackMarkdown("Run <code>Start-Process</code> or <CODE>net user <username></CODE>.")).toBe(
      "Run `Start-Process` or `net user <username>`.",
    );
  });

  it("fences code holding backticks with a longer run", () => {
    expect(attackMarkdown("<code>a`b</code> <code>`x`</code>")).toBe("``a`b`` `` `x` ``");
  });

  it("leaves other tags and text alone", () => {
    expect(attackMarkdown("<b>bold</b><br> and <code></code>(Citation: X)")).toBe("<b>bold</b><br> and (Citation: X)");
  });
});
