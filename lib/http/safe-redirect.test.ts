import { describe, expect, it } from "vitest";
import { safeCallbackPath, sameOriginRedirect } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it.each([
    ["/queue", "/queue"],
    ["/my/OBS-1?submitted=1#top", "/my/OBS-1?submitted=1#top"],
    ["/a/../b", "/b"],
    ["/é", "/%C3%A9"],
    ["/%0A", "/%0A"],
  ])("keeps the same-origin path %j", (input, expected) => {
    expect(safeCallbackPath(input, "/fallback")).toBe(expected);
  });

  it.each([
    ["//evil.example/"],
    ["/\\evil.example"],
    ["/\\/evil.example"],
    ["\\\\evil.example"],
    ["http://host.evil.example/"],
    ["https://evil.example"],
    ["javascript:alert(1)"],
    ["evil.example"],
    [""],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/\ud800"],
    [undefined],
    [["/a", "/b"]],
    [42],
  ])("refuses %j", (input) => {
    expect(safeCallbackPath(input, "/fallback")).toBe("/fallback");
  });
});

describe("sameOriginRedirect", () => {
  const base = "https://pe.example.org";
  it.each([
    ["/queue", "https://pe.example.org/queue"],
    ["https://pe.example.org/my/OBS-1", "https://pe.example.org/my/OBS-1"],
    ["//evil.example/", base],
    ["/\\evil.example", base],
    ["http://host.evil.example/", base],
    ["http://pe.example.org/", base],
    ["https://pe.example.org.evil.example/", base],
    ["not a url", base],
  ])("%j → %j", (url, expected) => {
    expect(sameOriginRedirect(url, base)).toBe(expected);
  });
});
